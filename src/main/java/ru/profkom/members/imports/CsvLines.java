package ru.profkom.members.imports;

import static ru.profkom.members.imports.ImportParser.DAMAGED_CHARACTER;
import static ru.profkom.members.imports.ImportParser.MAX_CELLS_PER_LINE;
import static ru.profkom.members.imports.ImportParser.MAX_CELL_CHARS;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import ru.profkom.shared.ProfkomException;

/**
 * RFC 4180 from a reader, a record at a time: quoted cells may hold delimiters, doubled quotes and
 * line breaks. A line of more than {@link ImportParser#MAX_CELLS_PER_LINE} cells, a cell of more than
 * {@link ImportParser#MAX_CELL_CHARS} characters and a quote left open to the end of the file are refused with
 * their line, so one hostile line never grows past a bounded buffer.
 */
final class CsvLines implements Iterator<ParsedTable.Line> {

    private final Reader reader;
    private final char delimiter;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private int line = 1;
    private int pending = -2;
    private ParsedTable.Line next;

    CsvLines(Reader reader, char delimiter) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.next = read();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public ParsedTable.Line next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        ParsedTable.Line current = next;
        next = read();
        return current;
    }

    private int nextChar() {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        if (position == limit) {
            try {
                limit = reader.read(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private ParsedTable.Line read() {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int recordLine = line;
        int quoteLine = line;
        while (true) {
            int c = nextChar();
            if (c == -1) {
                if (quoted) {
                    throw ProfkomException.invalid("file", "member.import.quoteNotClosed", quoteLine);
                }
                if (any || cell.length() > 0 || !cells.isEmpty()) {
                    addCell(cells, cell, recordLine);
                    return new ParsedTable.Line(recordLine, List.copyOf(cells));
                }
                return null;
            }
            if (c == 0) {
                c = DAMAGED_CHARACTER;
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    int after = nextChar();
                    if (after == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        pending = after;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
                if (cell.length() > MAX_CELL_CHARS) {
                    // A real cell in quotes ends long before: this quote is never closed.
                    throw ProfkomException.invalid("file", "member.import.quoteTooLong", quoteLine, MAX_CELL_CHARS);
                }
            } else if (c == '"' && isBlank(cell)) {
                cell.setLength(0);
                quoted = true;
                quoteLine = line;
            } else if (c == delimiter) {
                addCell(cells, cell, recordLine);
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int after = nextChar();
                    if (after != '\n') {
                        pending = after;
                    }
                }
                addCell(cells, cell, recordLine);
                line++;
                return new ParsedTable.Line(recordLine, List.copyOf(cells));
            } else {
                cell.append((char) c);
                if (cell.length() > MAX_CELL_CHARS) {
                    throw ProfkomException.invalid("file", "member.import.cellTooLong", line, MAX_CELL_CHARS);
                }
            }
        }
    }

    private static void addCell(List<String> cells, StringBuilder cell, int recordLine) {
        if (cells.size() == MAX_CELLS_PER_LINE) {
            throw ProfkomException.invalid("file", "member.import.tooManyCells", recordLine, MAX_CELLS_PER_LINE);
        }
        cells.add(cell.toString());
    }

    private static boolean isBlank(StringBuilder cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (!Character.isWhitespace(cell.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
