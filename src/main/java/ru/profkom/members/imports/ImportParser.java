package ru.profkom.members.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import ru.profkom.shared.ProfkomException;

/**
 * Reads a CSV (UTF-8 or windows-1251, {@code ;}, {@code ,} or tab) or XLSX file into a
 * {@link ParsedTable}. Refuses, with a message key, what is not a table of members: an empty or
 * oversized file, a zip bomb, binary garbage, a file without a recognizable header or without rows,
 * a quote never closed, a line of too many cells or a cell too long.
 *
 * <p>Over 450 lines on purpose: one streaming reader per format (CSV with encoding and delimiter detection, XLSX)
 * and their defences against hostile files, which {@code HostileImportFileTests} exercise together.
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
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
            return table("XLSX", null, null, readXlsx(bytes));
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

    /**
     * RFC 4180 from a reader, a record at a time: quoted cells may hold delimiters, doubled quotes and
     * line breaks. A line of more than {@link #MAX_CELLS_PER_LINE} cells, a cell of more than
     * {@link #MAX_CELL_CHARS} characters and a quote left open to the end of the file are refused with
     * their line, so one hostile line never grows past a bounded buffer.
     */
    static final class CsvLines implements Iterator<ParsedTable.Line> {

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

    // ---- XLSX --------------------------------------------------------------------------------

    /**
     * Inflates every entry once, counting bytes, before any XML is parsed: sizes declared in the
     * zip can lie, the inflated bytes cannot.
     */
    static void checkZip(Path file, long fileSize) {
        long total = 0;
        long limit = Math.min(MAX_UNZIPPED_BYTES, Math.max(10L * 1024 * 1024, fileSize * MAX_RATIO));
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() == 0) {
                throw ProfkomException.invalid("file", "member.import.garbage");
            }
            if (zip.size() > 10_000) {
                throw ProfkomException.invalid("file", "member.import.zipBomb");
            }
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        total += read;
                        if (total > limit) {
                            throw ProfkomException.invalid("file", "member.import.zipBomb");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw ProfkomException.invalid("file", "member.import.garbage");
        }
    }

    private static List<ParsedTable.Line> readXlsx(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("member-import-", ".xlsx");
            Files.write(file, bytes);
            checkZip(file, bytes.length);
            return readWorkbook(file);
        } catch (IOException e) {
            throw ProfkomException.invalid("file", "member.import.garbage");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans it up
                }
            }
        }
    }

    private static List<ParsedTable.Line> readWorkbook(Path file) {
        List<ParsedTable.Line> lines = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            try (var rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    if (row.getCellCount() > MAX_CELLS_PER_LINE) {
                        throw ProfkomException.invalid(
                                "file", "member.import.tooManyCells", row.getRowNum(), MAX_CELLS_PER_LINE);
                    }
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        String text = text(row.getCell(i));
                        if (text.length() > MAX_CELL_CHARS) {
                            throw ProfkomException.invalid(
                                    "file", "member.import.cellTooLong", row.getRowNum(), MAX_CELL_CHARS);
                        }
                        cells.add(text.replace('\0', DAMAGED_CHARACTER));
                    }
                    lines.add(new ParsedTable.Line(row.getRowNum(), cells));
                }
            }
        } catch (ProfkomException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProfkomException.invalid("file", "member.import.garbage");
        }
        return lines;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            if (isDateFormat(cell.getDataFormatString())) {
                LocalDateTime date = cell.asDate();
                return date == null ? "" : DATE.format(date);
            }
            BigDecimal number = cell.asNumber();
            return number == null ? "" : number.stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    private static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return bare.contains("d") && bare.contains("m") || bare.contains("y");
    }
}
