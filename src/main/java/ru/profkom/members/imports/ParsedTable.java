package ru.profkom.members.imports;

import java.util.List;

/**
 * A file read into rows: how it was read (format, encoding, delimiter), its header with the field
 * recognized for each column, and the data rows with their line numbers in the file.
 */
public record ParsedTable(
        String format,
        String encoding,
        Character delimiter,
        int headerLine,
        List<String> header,
        List<ImportField> mapping,
        Iterable<Line> lines) {

    /** The data rows read into a list: for small tables and tests; large ones are walked through {@link #lines()}. */
    public List<Line> rows() {
        List<Line> rows = new java.util.ArrayList<>();
        lines.forEach(rows::add);
        return rows;
    }

    /** A data row: its 1-based line (CSV) or row number (XLSX) and its cells. */
    public record Line(int number, List<String> cells) {}
}
