package ru.profkom.shared.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
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
import java.util.List;

/**
 * The one PDF writer of the application: a report on A4 (upright, or on its side for wide tables), a title, lines
 * under it and sections, each a table under an optional heading, in the embedded Liberation Sans that has Cyrillic
 * letters. Header cells are shaded and numbers aligned right. The fonts are read from the classpath once, on the
 * first report, and shared by every report after it.
 */
public final class PdfReport {

    private static final Color HEADER_SHADE = new Color(0xDD, 0xEB, 0xF7);

    private PdfReport() {}

    public enum Orientation {
        PORTRAIT,
        LANDSCAPE
    }

    /**
     * A table under a heading ({@code title}, none when blank); {@code widths} are relative column widths, or null
     * for equal ones.
     */
    public record Section(String title, List<String> headers, List<? extends List<?>> rows, float[] widths) {

        public Section(String title, List<String> headers, List<? extends List<?>> rows) {
            this(title, headers, rows, null);
        }
    }

    /** Sends the report, upright, as a download named {@code fileName}. */
    public static void write(
            HttpServletResponse response, String fileName, String title, List<String> lines, List<Section> sections)
            throws IOException {
        write(response, fileName, Orientation.PORTRAIT, title, lines, sections);
    }

    /** Sends the report as a download named {@code fileName}. */
    public static void write(
            HttpServletResponse response,
            String fileName,
            Orientation orientation,
            String title,
            List<String> lines,
            List<Section> sections)
            throws IOException {
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"report.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        write(response.getOutputStream(), orientation, title, lines, sections);
    }

    public static void write(OutputStream out, String title, List<String> lines, List<Section> sections)
            throws IOException {
        write(out, Orientation.PORTRAIT, title, lines, sections);
    }

    public static void write(
            OutputStream out, Orientation orientation, String title, List<String> lines, List<Section> sections)
            throws IOException {
        Rectangle size = orientation == Orientation.LANDSCAPE ? PageSize.A4.rotate() : PageSize.A4;
        Document document = new Document(size, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            Font text = new Font(Fonts.REGULAR, 9);
            Font header = new Font(Fonts.BOLD, 9);
            document.open();
            document.addTitle(title);
            document.add(new Paragraph(title, new Font(Fonts.BOLD, 14)));
            for (String line : lines) {
                document.add(new Paragraph(line, new Font(Fonts.REGULAR, 11)));
            }
            for (Section section : sections) {
                if (section.title() != null && !section.title().isBlank()) {
                    Paragraph heading = new Paragraph(section.title(), new Font(Fonts.BOLD, 11));
                    heading.setSpacingBefore(12);
                    heading.setSpacingAfter(4);
                    document.add(heading);
                }
                document.add(table(section, text, header));
            }
        } catch (DocumentException e) {
            throw new IOException(e);
        } finally {
            document.close();
        }
    }

    private static PdfPTable table(Section section, Font text, Font header) {
        PdfPTable table =
                section.widths() == null ? new PdfPTable(section.headers().size()) : new PdfPTable(section.widths());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String column : section.headers()) {
            PdfPCell cell = new PdfPCell(new Phrase(column, header));
            cell.setBackgroundColor(HEADER_SHADE);
            table.addCell(cell);
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
        return table;
    }

    /** Read once, when the first report is written: a font file is some hundred kilobytes to parse. */
    private static final class Fonts {

        static final BaseFont REGULAR = load("liberation/LiberationSans-Regular.ttf");

        static final BaseFont BOLD = load("liberation/LiberationSans-Bold.ttf");

        private static BaseFont load(String resource) {
            try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + resource);
                }
                return BaseFont.createFont(
                        resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
