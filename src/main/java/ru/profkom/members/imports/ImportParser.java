package ru.profkom.members.imports;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import ru.profkom.shared.ProfkomException;

/**
 * Reads a CSV (UTF-8 or windows-1251, {@code ;}, {@code ,} or tab) or XLSX file into a
 * {@link ParsedTable}. Refuses, with a message key, what is not a table of members: an empty or
 * oversized file, a zip bomb, binary garbage, a file without a recognizable header or without rows,
 * a quote never closed, a line of too many cells or a cell too long.
 * The CSV records are {@link CsvLines}', the XLSX sheet is {@link XlsxLines}'.
 */
public final class ImportParser {

    /** The largest file accepted; checked before reading. */
    public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

    /**
     * The largest file the command line accepts: administrators migrating a whole union from 1C
     * bring a million rows at once, which the web's limit would refuse.
     */
    public static final long MAX_COMMAND_LINE_BYTES = 1024L * 1024 * 1024;

    /**
     * Cells one line may have. A member's row has about fifteen columns and the widest export from 1C
     * a few dozen; past this the file is no table of members (a 50 MB line of {@code ;} is 52 million
     * cells), and it is refused naming the line before the cells fill the heap.
     */
    public static final int MAX_CELLS_PER_LINE = 200;

    /**
     * Characters one cell may hold. The longest real value (a position, a department) is a few
     * hundred; past this the cell is an unclosed quote swallowing the rest of the file, or no table
     * at all, and it is refused naming the line instead of being read into memory and stored.
     */
    public static final int MAX_CELL_CHARS = 10_000;

    /**
     * What a NUL character of the file becomes in a cell: PostgreSQL refuses NUL in text, so it never
     * reaches the staging tables, and the row's check refuses the row that carries it.
     */
    public static final char DAMAGED_CHARACTER = '\uFFFD';

    static final long MAX_UNZIPPED_BYTES = 200L * 1024 * 1024;
    static final long MAX_RATIO = 100;
    private static final int HEADER_SEARCH_ROWS = 20;
    /** Control characters a short text may hold and still be read, its rows holding them refused. */
    private static final int STRAY_CONTROL_CHARACTERS = 4;

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final char SEPARATOR = '\u001f';
    private static final char RECORD_SEPARATOR = '\u001e';

    private ImportParser() {}

    public static ParsedTable parse(byte[] bytes) {
        return parse(bytes, MAX_FILE_BYTES);
    }

    /**
     * Reads a file of at most {@code maxBytes}. CSV rows are decoded lazily, each time the table's
     * lines are walked, so a million-row file never sits in memory as text or cells.
     */
    public static ParsedTable parse(byte[] bytes, long maxBytes) {
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (bytes.length == 0 || isBlank(bytes)) {
            throw ProfkomException.invalid("file", "member.import.empty");
        }
        if (ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            return table("XLSX", null, null, XlsxLines.readXlsx(bytes));
        }
        if (ReadableWorkbook.isOLE2Header(bytes)) {
            throw ProfkomException.invalid("file", "member.import.oldExcel");
        }
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            start = 3;
        }
        Charset charset = isUtf8(bytes, start) ? StandardCharsets.UTF_8 : WINDOWS_1251;
        int offset = start;
        String sample = new String(bytes, offset, Math.min(bytes.length - offset, 256 * 1024), charset);
        if (looksBinary(sample)) {
            throw ProfkomException.invalid("file", "member.import.garbage");
        }
        char delimiter = delimiterOf(sample);
        Iterable<ParsedTable.Line> lines = () -> new CsvLines(
                new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset), charset),
                delimiter);
        return table("CSV", charset == StandardCharsets.UTF_8 ? "UTF-8" : "windows-1251", delimiter, lines);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    public static ProfkomException tooLarge() {
        return tooLarge(MAX_FILE_BYTES);
    }

    public static ProfkomException tooLarge(long maxBytes) {
        return ProfkomException.invalid("file", "member.import.tooLarge", maxBytes / 1024 / 1024);
    }

    /** Joins cells for storage; the unit separator does not occur in text typed by people. */
    public static String join(List<String> cells) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                joined.append(SEPARATOR);
            }
            String cell = cells.get(i);
            joined.append(cell == null ? "" : cell.replace(SEPARATOR, ' '));
        }
        return joined.toString();
    }

    /** Joins rows, each its line number and cells, for storage in one text of a chunk. */
    public static String joinLines(List<ParsedTable.Line> lines) {
        StringBuilder joined = new StringBuilder(lines.size() * 160);
        for (ParsedTable.Line line : lines) {
            if (!joined.isEmpty()) {
                joined.append(RECORD_SEPARATOR);
            }
            joined.append(line.number());
            for (String cell : line.cells()) {
                joined.append(SEPARATOR);
                if (cell != null) {
                    joined.append(cell.replace(SEPARATOR, ' ').replace(RECORD_SEPARATOR, ' '));
                }
            }
        }
        return joined.toString();
    }

    public static List<ParsedTable.Line> splitLines(String joined) {
        List<ParsedTable.Line> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= joined.length(); i++) {
            if (i == joined.length() || joined.charAt(i) == RECORD_SEPARATOR) {
                List<String> cells = split(joined.substring(from, i));
                lines.add(new ParsedTable.Line(
                        Integer.parseInt(cells.getFirst()), List.copyOf(cells.subList(1, cells.size()))));
                from = i + 1;
            }
        }
        return lines;
    }

    public static List<String> split(String joined) {
        List<String> cells = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= joined.length(); i++) {
            if (i == joined.length() || joined.charAt(i) == SEPARATOR) {
                cells.add(joined.substring(from, i));
                from = i + 1;
            }
        }
        return cells;
    }

    // ---- table -------------------------------------------------------------------------------

    private static ParsedTable table(
            String format, String encoding, Character delimiter, Iterable<ParsedTable.Line> lines) {
        List<ParsedTable.Line> top = new ArrayList<>();
        for (ParsedTable.Line line : lines) {
            top.add(line);
            if (top.size() == HEADER_SEARCH_ROWS) {
                break;
            }
        }
        int headerIndex = -1;
        for (int i = 0; i < top.size(); i++) {
            long known = top.get(i).cells().stream()
                    .map(ImportField::ofHeader)
                    .filter(Optional::isPresent)
                    .count();
            if (known >= 2) {
                headerIndex = i;
                break;
            }
        }
        if (headerIndex < 0) {
            // A header with one known column and others to be mapped by the user.
            for (int i = 0; i < top.size(); i++) {
                if (top.get(i).cells().stream()
                        .anyMatch(cell -> ImportField.ofHeader(cell).isPresent())) {
                    headerIndex = i;
                    break;
                }
            }
        }
        if (headerIndex < 0) {
            throw ProfkomException.invalid("file", "member.import.noHeader");
        }
        ParsedTable.Line headerLine = top.get(headerIndex);
        List<String> header =
                headerLine.cells().stream().map(cell -> cell.strip()).toList();
        List<ImportField> mapping = new ArrayList<>();
        for (String name : header) {
            ImportField field = ImportField.ofHeader(name).orElse(ImportField.IGNORE);
            mapping.add(field != ImportField.IGNORE && mapping.contains(field) ? ImportField.IGNORE : field);
        }
        int skip = headerIndex + 1;
        int columns = header.size();
        Iterable<ParsedTable.Line> rows = () -> dataRows(lines.iterator(), skip, columns);
        if (!rows.iterator().hasNext()) {
            throw ProfkomException.invalid("file", "member.import.headersOnly");
        }
        return new ParsedTable(format, encoding, delimiter, headerLine.number(), header, mapping, rows);
    }

    /** The lines below the header, blank ones left out, each padded to the header's width. */
    private static Iterator<ParsedTable.Line> dataRows(Iterator<ParsedTable.Line> lines, int skip, int columns) {
        for (int i = 0; i < skip && lines.hasNext(); i++) {
            lines.next();
        }
        return new Iterator<>() {
            private ParsedTable.Line next = advance();

            private ParsedTable.Line advance() {
                while (lines.hasNext()) {
                    ParsedTable.Line line = lines.next();
                    if (line.cells().stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    if (line.cells().size() >= columns) {
                        return line;
                    }
                    List<String> cells = new ArrayList<>(line.cells());
                    while (cells.size() < columns) {
                        cells.add("");
                    }
                    return new ParsedTable.Line(line.number(), List.copyOf(cells));
                }
                return null;
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
                next = advance();
                return current;
            }
        };
    }

    // ---- CSV ---------------------------------------------------------------------------------

    /** Decodes the whole file through a small buffer: valid UTF-8 or not, without holding the text. */
    private static boolean isUtf8(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out.clear()).isError();
            }
            out.clear();
        }
    }

    /**
     * Control characters other than tabs and line ends, NUL among them, in more than one character of a
     * hundred: not a text table (UTF-16, a binary file). A stray NUL or two refuses only their rows.
     */
    private static boolean looksBinary(String text) {
        int sample = Math.min(text.length(), 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                control++;
            }
        }
        return control > Math.max(STRAY_CONTROL_CHARACTERS, sample / 100);
    }

    private static char delimiterOf(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        int lines = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length() && lines < 30; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    case '\n' -> lines++;
                    default -> {}
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas ? ';' : ',';
    }
}
