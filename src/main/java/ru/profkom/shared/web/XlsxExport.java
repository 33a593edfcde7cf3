package ru.profkom.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Streams a table to an XLSX download row by row, so a large subtree never sits in memory. */
public final class XlsxExport {

    private XlsxExport() {}

    /** Receives the rows of the table one at a time. */
    public interface Rows {
        void add(List<?> cells);
    }

    public static void write(
            HttpServletResponse response, String fileName, String sheetName, List<String> headers, Consumer<Rows> body)
            throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        write(response.getOutputStream(), sheetName, headers, body);
    }

    public static void write(OutputStream out, String sheetName, List<String> headers, Consumer<Rows> body)
            throws IOException {
        Workbook workbook = new Workbook(out, "Profkom", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
        for (int column = 0; column < headers.size(); column++) {
            sheet.value(0, column, headers.get(column));
            sheet.style(0, column).bold().fillColor("DDEBF7").set();
        }
        int[] row = {1};
        body.accept(cells -> {
            for (int column = 0; column < cells.size(); column++) {
                Object value = cells.get(column);
                if (value instanceof Number number) {
                    sheet.value(row[0], column, number);
                } else if (value != null) {
                    sheet.value(row[0], column, value.toString());
                }
            }
            row[0]++;
            if (row[0] % 1000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        sheet.freezePane(0, 1);
        workbook.finish();
    }
}
