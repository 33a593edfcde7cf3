package ru.profkom.members.imports;

import static ru.profkom.members.imports.ImportParser.DAMAGED_CHARACTER;
import static ru.profkom.members.imports.ImportParser.MAX_CELLS_PER_LINE;
import static ru.profkom.members.imports.ImportParser.MAX_CELL_CHARS;
import static ru.profkom.members.imports.ImportParser.MAX_RATIO;
import static ru.profkom.members.imports.ImportParser.MAX_UNZIPPED_BYTES;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import ru.profkom.shared.ProfkomException;

/** Reads the first sheet of an XLSX file into lines, after checking the zip against bombs; for {@link ImportParser}. */
final class XlsxLines {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private XlsxLines() {}

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

    static List<ParsedTable.Line> readXlsx(byte[] bytes) {
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
