package ru.profkom.members.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
 * oversized file, a zip bomb, binary garbage, a file without a recognizable header or without rows.
 */
public final class ImportParser {

    /** The largest file accepted; checked before reading. */
    public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

    static final long MAX_UNZIPPED_BYTES = 200L * 1024 * 1024;
    static final long MAX_RATIO = 100;
    private static final int HEADER_SEARCH_ROWS = 20;
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final char SEPARATOR = '\u001f';

    private ImportParser() {}

    public static ParsedTable parse(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw ProfkomException.invalid("file", "member.import.empty");
        }
        if (ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            return table("XLSX", null, null, readXlsx(bytes));
        }
        if (ReadableWorkbook.isOLE2Header(bytes)) {
            throw ProfkomException.invalid("file", "member.import.oldExcel");
        }
        int start = 0;
        String encoding;
        String text;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            start = 3;
        }
        Optional<String> utf8 = decodeUtf8(bytes, start);
        if (utf8.isPresent()) {
            encoding = "UTF-8";
            text = utf8.get();
        } else {
            encoding = "windows-1251";
            text = new String(bytes, WINDOWS_1251);
        }
        if (looksBinary(text)) {
            throw ProfkomException.invalid("file", "member.import.garbage");
        }
        char delimiter = delimiterOf(text);
        return table("CSV", encoding, delimiter, readCsv(text, delimiter));
    }

    public static ProfkomException tooLarge() {
        return ProfkomException.invalid("file", "member.import.tooLarge", MAX_FILE_BYTES / 1024 / 1024);
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
            String format, String encoding, Character delimiter, List<ParsedTable.Line> lines) {
        int headerIndex = -1;
        for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
            long known = lines.get(i).cells().stream()
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
            for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
                if (lines.get(i).cells().stream()
                        .anyMatch(cell -> ImportField.ofHeader(cell).isPresent())) {
                    headerIndex = i;
                    break;
                }
            }
        }
        if (headerIndex < 0) {
            throw ProfkomException.invalid("file", "member.import.noHeader");
        }
        ParsedTable.Line headerLine = lines.get(headerIndex);
        List<String> header =
                headerLine.cells().stream().map(cell -> cell.strip()).toList();
        List<ImportField> mapping = new ArrayList<>();
        for (String name : header) {
            ImportField field = ImportField.ofHeader(name).orElse(ImportField.IGNORE);
            mapping.add(field != ImportField.IGNORE && mapping.contains(field) ? ImportField.IGNORE : field);
        }
        List<ParsedTable.Line> rows = new ArrayList<>();
        for (ParsedTable.Line line : lines.subList(headerIndex + 1, lines.size())) {
            if (line.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            List<String> cells = new ArrayList<>(line.cells());
            while (cells.size() < header.size()) {
                cells.add("");
            }
            rows.add(new ParsedTable.Line(line.number(), List.copyOf(cells)));
        }
        if (rows.isEmpty()) {
            throw ProfkomException.invalid("file", "member.import.headersOnly");
        }
        return new ParsedTable(format, encoding, delimiter, headerLine.number(), header, mapping, rows);
    }

    // ---- CSV ---------------------------------------------------------------------------------

    private static Optional<String> decodeUtf8(byte[] bytes, int start) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Control characters other than tabs and line ends, or NUL: not a text table. */
    private static boolean looksBinary(String text) {
        int sample = Math.min(text.length(), 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                control++;
            }
        }
        return control > sample / 100;
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

    /** RFC 4180: quoted cells may hold delimiters, doubled quotes and line breaks. */
    static List<ParsedTable.Line> readCsv(String text, char delimiter) {
        List<ParsedTable.Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(new ParsedTable.Line(recordLine, List.copyOf(cells)));
                cells.clear();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            lines.add(new ParsedTable.Line(recordLine, List.copyOf(cells)));
        }
        return lines;
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
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
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
