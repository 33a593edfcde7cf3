package ru.profkom.indicators.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.profkom.indicators.Channel;
import ru.profkom.indicators.Indicators;
import ru.profkom.indicators.InfoReports;
import ru.profkom.indicators.InfoReports.InfoReport;
import ru.profkom.indicators.RankingRow;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.XlsxExport;

/**
 * The monthly information-work report as PDF (OpenPDF with the Liberation Sans font, which has
 * Cyrillic) and as XLSX: the indicators against their targets with sources, the channels and the
 * ranking of the primary organizations inside.
 */
@Controller
class InfoReportFiles {

    private static final String FONT = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD_FONT = "liberation/LiberationSans-Bold.ttf";

    private final InfoReports reports;
    private final Indicators indicators;
    private final IndicatorTexts texts;
    private final Formats formats;

    InfoReportFiles(InfoReports reports, Indicators indicators, IndicatorTexts texts, Formats formats) {
        this.reports = reports;
        this.indicators = indicators;
        this.texts = texts;
        this.formats = formats;
    }

    @GetMapping("/orgs/{id}/info-report.pdf")
    void pdf(@PathVariable long id, @RequestParam(defaultValue = "") String period, HttpServletResponse response)
            throws IOException {
        InfoReport report = reports.report(id, indicators.period(period));
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", disposition(fileName(report) + ".pdf"));
        pdf(report, response.getOutputStream());
    }

    @GetMapping("/orgs/{id}/info-report.xlsx")
    void xlsx(@PathVariable long id, @RequestParam(defaultValue = "") String period, HttpServletResponse response)
            throws IOException {
        InfoReport report = reports.report(id, indicators.period(period));
        List<String> headers = List.of(
                texts.text("indicator.column.name"),
                texts.text("indicator.column.value"),
                texts.text("indicator.column.target"),
                texts.text("indicator.column.met"),
                texts.text("indicator.column.source"));
        XlsxExport.write(response, fileName(report) + ".xlsx", report.period().toString(), headers, rows -> {
            for (List<String> line : lines(report)) {
                rows.add(line);
            }
        });
    }

    /** The XLSX body: indicators, then the channels, then the ranking, each under its own heading row. */
    List<List<String>> lines(InfoReport report) {
        List<List<String>> lines = new ArrayList<>();
        for (IndicatorTexts.Row row : texts.rows(report.readings())) {
            lines.add(List.of(row.name(), row.value(), row.target(), yesNo(row.met()), row.source()));
        }
        lines.add(List.of());
        lines.add(List.of(
                texts.text("indicator.channels"),
                texts.text("indicator.channel.address"),
                texts.text("indicator.channel.subscribers")));
        for (Channel channel : report.channels()) {
            lines.add(List.of(
                    texts.text(channel.kind().messageKey()), channel.address(), String.valueOf(channel.subscribers())));
        }
        if (report.ranking().rows().total() > 0) {
            lines.add(List.of());
            lines.add(
                    List.of(texts.text("rating.place"), texts.text("rating.organization"), texts.text("rating.score")));
            for (RankingRow row : report.ranking().rows().items()) {
                lines.add(List.of(String.valueOf(row.place()), row.name(), IndicatorTexts.points(row.score())));
            }
        }
        return lines;
    }

    void pdf(InfoReport report, OutputStream out) throws IOException {
        Font regular = new Font(font(FONT), 9);
        Font bold = new Font(font(BOLD_FONT), 9);
        Font title = new Font(font(BOLD_FONT), 14);
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.addTitle(texts.text("report.title"));
            document.add(new Paragraph(texts.text("report.title"), title));
            document.add(new Paragraph(report.organization().fullName() + " · " + texts.month(report.period()), bold));
            document.add(new Paragraph(
                    report.sentAt() == null
                            ? texts.text("report.notSent")
                            : texts.text("report.sentAt", formats.dateTime(report.sentAt())),
                    regular));
            document.add(new Paragraph(" ", regular));

            PdfPTable table = table(
                    new float[] {4, 2, 2, 1, 5},
                    bold,
                    List.of(
                            texts.text("indicator.column.name"),
                            texts.text("indicator.column.value"),
                            texts.text("indicator.column.target"),
                            texts.text("indicator.column.met"),
                            texts.text("indicator.column.source")));
            for (IndicatorTexts.Row row : texts.rows(report.readings())) {
                for (String cell : List.of(row.name(), row.value(), row.target(), yesNo(row.met()), row.source())) {
                    table.addCell(new Phrase(cell, regular));
                }
            }
            document.add(table);

            document.add(new Paragraph(texts.text("indicator.channels"), bold));
            PdfPTable channels = table(
                    new float[] {2, 6, 2},
                    bold,
                    List.of(
                            texts.text("indicator.channel.kind"),
                            texts.text("indicator.channel.address"),
                            texts.text("indicator.channel.subscribers")));
            for (Channel channel : report.channels()) {
                channels.addCell(new Phrase(texts.text(channel.kind().messageKey()), regular));
                channels.addCell(new Phrase(channel.address(), regular));
                channels.addCell(new Phrase(String.valueOf(channel.subscribers()), regular));
            }
            document.add(channels);

            if (report.ranking().rows().total() > 0) {
                document.add(new Paragraph(texts.text("rating.title"), bold));
                PdfPTable ranking = table(
                        new float[] {1, 6, 2},
                        bold,
                        List.of(
                                texts.text("rating.place"),
                                texts.text("rating.organization"),
                                texts.text("rating.score")));
                for (RankingRow row : report.ranking().rows().items()) {
                    ranking.addCell(new Phrase(String.valueOf(row.place()), regular));
                    ranking.addCell(new Phrase(row.name(), regular));
                    ranking.addCell(new Phrase(IndicatorTexts.points(row.score()), regular));
                }
                document.add(ranking);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException(e);
        }
    }

    private static PdfPTable table(float[] widths, Font bold, List<String> headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, bold));
            cell.setBackgroundColor(new Color(0xDD, 0xEB, 0xF7));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        return table;
    }

    private static BaseFont font(String resource) {
        try (InputStream in = InfoReportFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String yesNo(boolean met) {
        return texts.text(met ? "indicator.value.yes" : "indicator.value.no");
    }

    private String fileName(InfoReport report) {
        return texts.text(
                "report.file", report.organization().code(), report.period().toString());
    }

    private static String disposition(String fileName) {
        return "attachment; filename=\"report\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
