package ru.profkom.indicators.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import ru.profkom.shared.web.PdfReport;
import ru.profkom.shared.web.XlsxExport;

/**
 * The monthly information-work report as PDF (on its side, through {@link PdfReport}) and as XLSX: the indicators against their targets with sources, the channels and the
 * ranking of the primary organizations inside.
 */
@Controller
class InfoReportFiles {

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
        PdfReport.write(
                response,
                fileName(report) + ".pdf",
                PdfReport.Orientation.LANDSCAPE,
                texts.text("report.title"),
                heading(report),
                sections(report));
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

    /** Under the title: the organization and the month, and when the report was sent up. */
    private List<String> heading(InfoReport report) {
        return List.of(
                report.organization().fullName() + " · " + texts.month(report.period()),
                report.sentAt() == null
                        ? texts.text("report.notSent")
                        : texts.text("report.sentAt", formats.dateTime(report.sentAt())));
    }

    /** The PDF body: the indicators, the channels and, where there is one, the ranking. */
    private List<PdfReport.Section> sections(InfoReport report) {
        List<PdfReport.Section> sections = new ArrayList<>();
        sections.add(new PdfReport.Section(
                "",
                List.of(
                        texts.text("indicator.column.name"),
                        texts.text("indicator.column.value"),
                        texts.text("indicator.column.target"),
                        texts.text("indicator.column.met"),
                        texts.text("indicator.column.source")),
                texts.rows(report.readings()).stream()
                        .map(row -> List.of(row.name(), row.value(), row.target(), yesNo(row.met()), row.source()))
                        .toList(),
                new float[] {4, 2, 2, 1, 5}));
        sections.add(new PdfReport.Section(
                texts.text("indicator.channels"),
                List.of(
                        texts.text("indicator.channel.kind"),
                        texts.text("indicator.channel.address"),
                        texts.text("indicator.channel.subscribers")),
                report.channels().stream()
                        .map(channel -> List.<Object>of(
                                texts.text(channel.kind().messageKey()), channel.address(), channel.subscribers()))
                        .toList(),
                new float[] {2, 6, 2}));
        if (report.ranking().rows().total() > 0) {
            sections.add(new PdfReport.Section(
                    texts.text("rating.title"),
                    List.of(texts.text("rating.place"), texts.text("rating.organization"), texts.text("rating.score")),
                    report.ranking().rows().items().stream()
                            .map(row -> List.<Object>of(row.place(), row.name(), IndicatorTexts.points(row.score())))
                            .toList(),
                    new float[] {1, 6, 2}));
        }
        return sections;
    }

    private String yesNo(boolean met) {
        return texts.text(met ? "indicator.value.yes" : "indicator.value.no");
    }

    private String fileName(InfoReport report) {
        return texts.text(
                "report.file", report.organization().code(), report.period().toString());
    }
}
