package ru.profkom.members.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-members} on the embedded H2 database while another process (the web server) has it
 * open: the real {@code main} in its own JVM, as {@code ./profkom} starts it, ends with exit code 2 and
 * one Russian sentence on standard error, no stack trace (README).
 */
class CommandOnOpenDatabaseTests {

    @TempDir
    Path directory;

    @Test
    void endsWithExitCodeTwoAndARussianSentenceWhenTheWebServerHoldsTheDatabase() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("profkom")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
        Path file = directory.resolve("members.csv");
        Files.writeString(file, "ФИО;Дата рождения\nИванов Иван Иванович;01.01.1980\n", StandardCharsets.UTF_8);
        Process holder = java(HoldsDatabaseOpen.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader said =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(said.readLine()).isEqualTo("open");
            Path out = directory.resolve("out.txt");
            Path err = directory.resolve("err.txt");

            Process command = java(
                            "ru.profkom.ProfkomApplication",
                            "import-members",
                            "--org",
                            "PPO-A1",
                            file.toString(),
                            "--spring.datasource.url=" + url)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            // A bound for a hung start, not an assertion on its speed.
            assertThat(command.waitFor(5, TimeUnit.MINUTES)).isTrue();

            String errors =
                    Files.readString(err, StandardCharsets.UTF_8) + Files.readString(out, StandardCharsets.UTF_8);
            assertThat(command.exitValue()).as(errors).isEqualTo(2);
            assertThat(errors)
                    .contains("База данных H2 «" + directory.resolve("profkom") + "» открыта другим процессом")
                    .contains("Остановите его и повторите команду")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) {
                holder.destroy();
            }
        }
    }

    private static ProcessBuilder java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
