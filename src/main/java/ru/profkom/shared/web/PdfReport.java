package ru.profkom.shared.web;

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
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report as an A4 PDF: a title, lines under it and sections, each a titled table, in the embedded Liberation
 * Sans that has Cyrillic letters. Numbers are aligned right.
 */
public final class PdfReport {

    private static final String FONT = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD_FONT = "liberation/LiberationSans-Bold.ttf";

    private PdfReport() {}

    /** A titled table; {@code widths} are relative column widths, or null for equal ones. */
    public record Section(String title, List<String> headers, List<? extends List<?>> rows, float[] widths) {

        public Section(String title, List<String> headers, List<? extends List<?>> rows) {
            this(title, headers, rows, null);
        }
    }

    /** Sends the report as a download named {@code fileName}. */
    public static void write(
            HttpServletResponse response, String fileName, String title, List<String> lines, List<Section> sections)
            throws IOException {
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"report.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        write(response.getOutputStream(), title, lines, sections);
    }

    public static void write(OutputStream out, String title, List<String> lines, List<Section> sections)
            throws IOException {
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            BaseFont bold = BaseFont.createFont(BOLD_FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Font text = new Font(base, 9);
            Font header = new Font(bold, 9);
            document.open();
            document.addTitle(title);
            document.add(new Paragraph(title, new Font(bold, 14)));
            for (String line : lines) {
                document.add(new Paragraph(line, new Font(base, 11)));
            }
            for (Section section : sections) {
                Paragraph heading = new Paragraph(section.title(), new Font(bold, 11));
                heading.setSpacingBefore(12);
                heading.setSpacingAfter(4);
                document.add(heading);
                PdfPTable table = section.widths() == null
                        ? new PdfPTable(section.headers().size())
                        : new PdfPTable(section.widths());
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                for (String column : section.headers()) {
                    table.addCell(new PdfPCell(new Phrase(column, header)));
                }
                for (List<?> row : section.rows()) {
                    for (int i = 0; i < section.headers().size(); i++) {
                        Object cell = i < row.size() ? row.get(i) : "";
                        PdfPCell pdfCell = new PdfPCell(new Phrase(cell == null ? "" : cell.toString(), text));
                        if (cell instanceof Number) {
                            pdfCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                        }
                        table.addCell(pdfCell);
                    }
                }
                document.add(table);
            }
        } catch (DocumentException e) {
            throw new IOException(e);
        } finally {
            document.close();
        }
    }
}
