package ru.profkom.members.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException;

/**
 * Files made to hurt the reader: an unclosed quote, a line of millions of cells, one endless cell, NUL
 * bytes. Each is refused with its line (or has its row marked) while the reader keeps a bounded buffer;
 * the large ones are generated here as streams, never stored in the repository, and run under the
 * suite's {@code -Xmx1g} like the web upload.
 */
class HostileImportFileTests {

    private static final int MEGABYTE = 1024 * 1024;

    @Test
    void refusesAQuoteLeftOpenEarlyInA60MegabyteFileNamingTheLineWhereItOpened() {
        byte[] file = HostileFiles.file(
                "ФИО;Дата рождения;Должность\r\n"
                        + "Открытов Олег;01.01.1980;Инженер\r\n"
                        + "Незакрытов Нил;02.02.1980;\"Слесарь\r\n",
                HostileFiles.repeated("Иванов Иван Иванович;01.01.1980;Врач\r\n", 60L * MEGABYTE),
                "");

        assertRefused(file, "member.import.quoteTooLong", 3, ImportParser.MAX_CELL_CHARS);
    }

    @Test
    void refusesAQuoteLeftOpenToTheEndOfASmallFile() {
        byte[] file = ("ФИО;Должность\n" + "Иванов Иван;Врач\n" + "Петров Пётр;\"Заведующий\nотделением\n")
                .getBytes(StandardCharsets.UTF_8);

        assertRefused(file, "member.import.quoteNotClosed", 3);
    }

    @Test
    void refusesA50MegabyteLineOfSemicolonsAtItsFirstCellsPastTheLimit() {
        byte[] file = HostileFiles.file("", HostileFiles.repeated(";", 50L * MEGABYTE), "\r\n");

        assertRefused(file, "member.import.tooManyCells", 1, ImportParser.MAX_CELLS_PER_LINE);
    }

    @Test
    void refusesASingle60MegabyteCellNamingItsLine() {
        byte[] file = HostileFiles.file(
                "ФИО;СНИЛС\r\nИванов Иван;\r\nПетров ", HostileFiles.repeated("я", 60L * MEGABYTE), ";\r\n");

        assertRefused(file, "member.import.cellTooLong", 3, ImportParser.MAX_CELL_CHARS);
    }

    @Test
    void acceptsLinesAndCellsUpToTheLimitsAndRefusesOneMore() {
        String widest = "ФИО;Должность" + ";".repeat(ImportParser.MAX_CELLS_PER_LINE - 2) + "\n";
        String longest = "Иванов Иван;" + "д".repeat(ImportParser.MAX_CELL_CHARS) + "\n";

        ParsedTable table = ImportParser.parse((widest + longest).getBytes(StandardCharsets.UTF_8));

        assertThat(table.header()).hasSize(ImportParser.MAX_CELLS_PER_LINE);
        assertThat(table.rows().getFirst().cells().get(1)).hasSize(ImportParser.MAX_CELL_CHARS);
        assertRefused(
                ("ФИО;Должность" + ";".repeat(ImportParser.MAX_CELLS_PER_LINE - 1) + "\n" + longest)
                        .getBytes(StandardCharsets.UTF_8),
                "member.import.tooManyCells",
                1,
                ImportParser.MAX_CELLS_PER_LINE);
        assertRefused(
                ("ФИО;Должность\n" + longest.replace("Иван;", "Иван;д")).getBytes(StandardCharsets.UTF_8),
                "member.import.cellTooLong",
                2,
                ImportParser.MAX_CELL_CHARS);
        assertRefused(
                ("ФИО;Должность\nИванов Иван;\"" + "д".repeat(ImportParser.MAX_CELL_CHARS) + "д\"\n")
                        .getBytes(StandardCharsets.UTF_8),
                "member.import.quoteTooLong",
                2,
                ImportParser.MAX_CELL_CHARS);
    }

    @Test
    void marksTheCellOfANulByteAfterTheFirst64KilobytesAndKeepsNoNulForStorage() {
        StringBuilder csv = new StringBuilder("ФИО;Дата рождения\n");
        int line = 1;
        while (csv.length() < 100 * 1024) {
            csv.append("Сидоров Сидор;01.01.1980\n");
            line++;
        }
        csv.append("Нулев\0 Николай;01.01.1980\n").append("Целов Цезарь;01.01.1980\n");
        int damagedLine = line + 1;

        List<ParsedTable.Line> rows = ImportParser.parse(csv.toString().getBytes(StandardCharsets.UTF_8))
                .rows();

        ParsedTable.Line damaged = rows.get(rows.size() - 2);
        assertThat(damaged.number()).isEqualTo(damagedLine);
        assertThat(damaged.cells().getFirst()).isEqualTo("Нулев" + ImportParser.DAMAGED_CHARACTER + " Николай");
        assertThat(rows.getLast().cells().getFirst()).isEqualTo("Целов Цезарь");
        assertThat(ImportParser.joinLines(rows)).doesNotContain("\0");
    }

    @Test
    void aNulByteInTheFirstRowsMarksOnlyItsRowWhileATextOfNulsIsRefusedAsBinary() {
        ParsedTable table =
                ImportParser.parse("ФИО;Дата рождения\nНулев\0 Николай;01.01.1980\nЦелов Цезарь;01.01.1980\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().getFirst().cells().getFirst()).contains(String.valueOf(ImportParser.DAMAGED_CHARACTER));

        byte[] utf16 = "ФИО;Дата рождения\nИванов Иван;01.01.1980\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> ImportParser.parse(utf16))
                .isInstanceOfSatisfying(ProfkomException.class, e -> assertProblem(e, "member.import.garbage"));
    }

    private static void assertRefused(byte[] file, String key, Object... arguments) {
        assertThatThrownBy(() -> ImportParser.parse(file).rows())
                .isInstanceOfSatisfying(ProfkomException.class, e -> assertProblem(e, key, arguments));
    }

    private static void assertProblem(ProfkomException e, String key, Object... arguments) {
        assertThat(e.problems().getFirst().messageKey()).isEqualTo(key);
        assertThat(e.problems().getFirst().field()).isEqualTo("file");
        assertThat(e.problems().getFirst().arguments()).containsExactly(arguments);
    }
}
