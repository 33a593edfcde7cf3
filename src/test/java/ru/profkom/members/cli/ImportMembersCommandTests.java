package ru.profkom.members.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.MessageSource;
import ru.profkom.members.imports.MemberImports;
import ru.profkom.organizations.Organizations;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class ImportMembersCommandTests {

    @Autowired
    MemberImports imports;

    @Autowired
    Organizations organizations;

    @Autowired
    MessageSource messages;

    @TempDir
    Path directory;

    @Test
    void importsAFileAndReportsTheSummaryAsJsonThenChangesNothingTheSecondTime() throws IOException {
        String snils = Fixture.uniqueSnils();
        Path file = directory.resolve("из 1С.csv");
        Files.writeString(
                file,
                "Выгрузка из 1С:Зарплата\r\nФИО;Дата рождения;СНИЛС;Пол\r\n"
                        + "Командов Кирилл Кириллович;03.03.1983;" + snils + ";М\r\n"
                        + "Ошибкин Олег;31.02.1980;;М\r\n",
                Charset.forName("windows-1251"));

        Run first = run("import-members", "--org", "PPO-A1", file.toString(), "--json");

        assertThat(first.exitCode()).isZero();
        assertThat(first.output())
                .contains("\"imported\":1", "\"rejected\":1", "\"encoding\":\"windows-1251\"")
                .contains("Строка 4, столбец «Дата рождения»: такой даты нет (31.02.1980).");
        Path errors = directory.resolve("из 1С-ошибки.csv");
        assertThat(Files.readString(errors, StandardCharsets.UTF_8)).contains("Ошибкин Олег;31.02.1980");

        Run second = run("--org=PPO-A1", file.toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.output()).contains("Добавлено:       0", "Без изменений:   1", "Не принято:      1");
    }

    @Test
    void exitsWithTwoOnBadUsageOrAnUnreadableFile() throws IOException {
        Path empty = Files.createFile(directory.resolve("пустой.csv"));

        assertThat(run("import-members", "file.csv").exitCode()).isEqualTo(2);
        assertThat(run("--org", "PPO-A1").exitCode()).isEqualTo(2);
        assertThat(run("--org", "NO-SUCH-CODE", empty.toString()).exitCode()).isEqualTo(2);
        assertThat(run("--org", "PPO-A1", directory.resolve("нет.csv").toString())
                        .exitCode())
                .isEqualTo(2);
        assertThat(run("--org", "PPO-A1", empty.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void aNulByteRefusesItsRowAndAnUnclosedQuoteTheFileWithoutAStackTrace() throws IOException {
        Path damaged = directory.resolve("с нулём.csv");
        Files.writeString(
                damaged,
                "ФИО;Дата рождения\nНулев\0 Николай;01.01.1980\nНеважнов Никита;31.02.1980\n",
                StandardCharsets.UTF_8);
        Path unclosed = directory.resolve("кавычка.csv");
        Files.writeString(
                unclosed, "ФИО;Должность\nИванов Иван;Врач\nПетров Пётр;\"Слесарь\nСидоров\n", StandardCharsets.UTF_8);

        Run nul = run("--org", "PPO-A1", damaged.toString());
        Run quote = run("--org", "PPO-A1", unclosed.toString());

        assertThat(nul.exitCode()).isZero();
        assertThat(nul.output())
                .contains("Не принято:      2")
                .contains("Строка 2: в столбце «ФИО» нулевой байт (NUL)");
        assertThat(quote.exitCode()).isEqualTo(2);
    }

    private Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImportMembersCommand command = new ImportMembersCommand(
                imports, organizations, messages, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] withoutCommand = args.length > 0 && args[0].equals("import-members")
                ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : args;
        command.run(new DefaultApplicationArguments(withoutCommand));
        return new Run(command.getExitCode(), bytes.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String output) {}
}
