package ru.profkom.members.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException;

class ImportParserTests {

    @Test
    void readsWindows1251WithSemicolons() {
        String csv = "ФИО;Дата рождения;СНИЛС\r\nИванов Иван Иванович;01.02.1980;112-233-445 95\r\n";
        ParsedTable table = ImportParser.parse(csv.getBytes(Charset.forName("windows-1251")));

        assertThat(table.encoding()).isEqualTo("windows-1251");
        assertThat(table.delimiter()).isEqualTo(';');
        assertThat(table.mapping()).containsExactly(ImportField.FULL_NAME, ImportField.BIRTH_DATE, ImportField.SNILS);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().getFirst().number()).isEqualTo(2);
        assertThat(table.rows().getFirst().cells())
                .containsExactly("Иванов Иван Иванович", "01.02.1980", "112-233-445 95");
    }

    @Test
    void readsUtf8WithBomAndCommasAndQuotes() {
        String csv = "\uFEFFФамилия,Имя,Отчество,Дата рождения,Должность\n"
                + "Петров,Пётр,Петрович,1975-05-05,\"Инженер, 1 категории\"\n";
        ParsedTable table = ImportParser.parse(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.encoding()).isEqualTo("UTF-8");
        assertThat(table.delimiter()).isEqualTo(',');
        assertThat(table.header().getFirst()).isEqualTo("Фамилия");
        assertThat(table.mapping())
                .containsExactly(
                        ImportField.LAST_NAME,
                        ImportField.FIRST_NAME,
                        ImportField.PATRONYMIC,
                        ImportField.BIRTH_DATE,
                        ImportField.POSITION);
        assertThat(table.rows().getFirst().cells().get(4)).isEqualTo("Инженер, 1 категории");
    }

    @Test
    void skipsTitleRowsAboveTheHeaderAndKeepsFileLineNumbers() {
        String csv = "Список членов профсоюза ППО завода;;\n\n"
                + "Ф.И.О.;Моб. телефон;Эл. почта;Примечание\n"
                + "Сидорова Анна Олеговна;8 912 000-00-00;anna@example.ru;ветеран\n";
        ParsedTable table = ImportParser.parse(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.headerLine()).isEqualTo(3);
        assertThat(table.mapping())
                .containsExactly(ImportField.FULL_NAME, ImportField.PHONE, ImportField.EMAIL, ImportField.IGNORE);
        assertThat(table.rows().getFirst().number()).isEqualTo(4);
    }

    @Test
    void readsQuotedLineBreaksAndOldMacLineEndsKeepingLineNumbers() {
        String csv = "ФИО;Должность;Подразделение\r"
                + "Иванов Иван;\"Заведующий\r\nотделением\";Хирургия\r"
                + "Петров Пётр;\"Врач \"\"высшей\"\" категории\";;\r";
        ParsedTable table = ImportParser.parse(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).cells()).containsExactly("Иванов Иван", "Заведующий\r\nотделением", "Хирургия");
        assertThat(table.rows().get(1).number()).isEqualTo(4);
        assertThat(table.rows().get(1).cells().get(1)).isEqualTo("Врач \"высшей\" категории");
    }

    @Test
    void walksALargeFileLazilyAndAgainFromTheStart() {
        StringBuilder csv = new StringBuilder("ФИО;СНИЛС\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("Сидоров Сидор ").append(i).append(";\n");
        }
        ParsedTable table = ImportParser.parse(csv.toString().getBytes(StandardCharsets.UTF_8));

        int count = 0;
        for (ParsedTable.Line line : table.lines()) {
            count++;
            assertThat(line.number()).isEqualTo(count + 1);
        }
        assertThat(count).isEqualTo(50_000);
        assertThat(table.lines().iterator().next().cells().getFirst()).isEqualTo("Сидоров Сидор 0");
    }

    @Test
    void keepsChunksOfRowsIntactThroughStorage() {
        var lines = java.util.List.of(
                new ParsedTable.Line(7, java.util.List.of("Иванов", "", "с \u001e и \u001f внутри")),
                new ParsedTable.Line(9, java.util.List.of("Петров", "x", "")));

        var back = ImportParser.splitLines(ImportParser.joinLines(lines));

        assertThat(back).hasSize(2);
        assertThat(back.get(0).number()).isEqualTo(7);
        assertThat(back.get(0).cells()).containsExactly("Иванов", "", "с   и   внутри");
        assertThat(back.get(1).cells()).containsExactly("Петров", "x", "");
    }

    @Test
    void recognizesHeadersRegardlessOfCaseSpacesAndYo() {
        assertThat(ImportField.ofHeader("  ДАТА   РОЖДЕНИЯ ")).contains(ImportField.BIRTH_DATE);
        assertThat(ImportField.ofHeader("E-mail")).contains(ImportField.EMAIL);
        assertThat(ImportField.ofHeader("№ профсоюзного билета")).contains(ImportField.CARD_NUMBER);
        assertThat(ImportField.ofHeader("Код организации")).contains(ImportField.ORGANIZATION);
        assertThat(ImportField.ofHeader("Примечание")).isEmpty();
    }

    @Test
    void readsXlsxWithDateCellsAndNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Члены");
        sheet.value(0, 0, "Реестр");
        sheet.value(1, 0, "Фамилия");
        sheet.value(1, 1, "Имя");
        sheet.value(1, 2, "Дата рождения");
        sheet.value(1, 3, "СНИЛС");
        sheet.value(2, 0, "Кузнецов");
        sheet.value(2, 1, "Олег");
        sheet.value(2, 2, LocalDate.of(1980, 2, 29));
        sheet.style(2, 2).format("dd.mm.yyyy").set();
        sheet.value(2, 3, 11223344595L);
        workbook.finish();

        ParsedTable table = ImportParser.parse(out.toByteArray());

        assertThat(table.format()).isEqualTo("XLSX");
        assertThat(table.mapping())
                .containsExactly(
                        ImportField.LAST_NAME, ImportField.FIRST_NAME, ImportField.BIRTH_DATE, ImportField.SNILS);
        assertThat(table.rows().getFirst().cells()).containsExactly("Кузнецов", "Олег", "29.02.1980", "11223344595");
        assertThat(table.rows().getFirst().number()).isEqualTo(3);
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], "member.import.empty");
        assertRefused(" \r\n ".getBytes(StandardCharsets.UTF_8), "member.import.empty");
    }

    @Test
    void refusesAFileWithHeadersOnly() {
        assertRefused("ФИО;СНИЛС;Телефон\n;;\n".getBytes(StandardCharsets.UTF_8), "member.import.headersOnly");
    }

    @Test
    void refusesAFileWithoutKnownHeaders() {
        assertRefused("a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8), "member.import.noHeader");
    }

    @Test
    void refusesBinaryGarbage() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 1;
        assertRefused(garbage, "member.import.garbage");
    }

    @Test
    void refusesAZipThatIsNoWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("не таблица".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(out.toByteArray(), "member.import.garbage");
    }

    @Test
    void refusesAZipBombNamedXlsxBeforeParsingIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
        }
        assertRefused(out.toByteArray(), "member.import.zipBomb");
    }

    @Test
    void refusesAFileOverTheLimitBeforeReadingIt() {
        assertRefused(new byte[(int) ImportParser.MAX_FILE_BYTES + 1], "member.import.tooLarge");
    }

    private static void assertRefused(byte[] bytes, String key) {
        assertThatThrownBy(() -> ImportParser.parse(bytes))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        e -> assertThat(e.problems().getFirst().messageKey()).isEqualTo(key));
    }
}
