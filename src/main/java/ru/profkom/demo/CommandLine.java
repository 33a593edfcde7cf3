package ru.profkom.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The commands that run without the web server ({@code generate}, {@code bench-tree}): what
 * {@code ProfkomApplication.main} needs to start Spring for them.
 */
public final class CommandLine {

    public static final Set<String> COMMANDS = Set.of(
            "generate",
            "bench-tree",
            "import-members",
            "generate-members",
            "bench-member-search",
            "bench-mailing-audience",
            "generate-publications",
            "bench-search-publications",
            "recount-statistics",
            "bench-statistics");

    static final String BENCH_DATA = "bench-data";
    static final String BENCH_H2_URL = "jdbc:h2:file:./" + BENCH_DATA
            + "/profkom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

    private CommandLine() {}

    public static String usage() {
        return """
                Использование: profkom [команда] [параметры]
                  run [--db JDBC_URL]                              веб-приложение с демо-профсоюзом (по умолчанию)
                  generate --scale demo|federation [--sector health|education|coal] [--db JDBC_URL]
                                                                   загрузить профсоюз в пустую базу и выйти
                  bench-tree [--db JDBC_URL]                       замеры дерева на 150 000 организаций
                  import-members --org КОД ФАЙЛ [--json]
                                                                   импорт членов из CSV или XLSX в организацию
                  generate-members [--count N] [--db JDBC_URL]     добавить в реестр N сгенерированных членов (замеры)
                  bench-member-search [--db JDBC_URL]              замер поиска по началу фамилии в поддереве
                  member-file --rows N ФАЙЛ                        CSV из N сгенерированных членов для замера импорта
                  generate-publications --count N [--org-id ID] [--db JDBC_URL]
                                                                   загрузить N сгенерированных новостей и построить индекс
                  bench-mailing-audience [--rounds N] [--db JDBC_URL]
                                                                   получатели рассылки рядом с INSERT … SELECT (замер)
                  bench-search-publications [--samples N] [--db JDBC_URL]
                                                                   замер полнотекстового поиска публикаций
                  recount-statistics [--db JDBC_URL]               пересчитать статистику членства из реестра
                  bench-statistics [--members N] [--samples N] [--db JDBC_URL]
                                                                   замеры статистики членства (docs/benchmarks.md)
                  help                                             эта справка
                """;
    }

    /**
     * Prepares a non-web command: default properties that only it needs, and a fresh database for
     * the benchmark. Returns the arguments to start Spring with.
     */
    public static String[] prepare(SpringApplication application, String command, String[] options) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("profkom.command", command);
        defaults.put("logging.level.root", "WARN");
        defaults.put("logging.level.ru.profkom", "INFO");
        // A failed start is reported once: in a sentence (DatabaseInUse) or by Spring with its cause.
        defaults.put(
                "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");
        List<String> arguments = new ArrayList<>(Arrays.asList(options).stream()
                .map(CommandLine::withBatchedInserts)
                .toList());
        if (command.equals("bench-tree")) {
            // Only the benchmark may wipe a schema, and only the one it is pointed at.
            defaults.put("spring.flyway.clean-disabled", "false");
            boolean ownDatabase = arguments.stream().anyMatch(a -> a.startsWith("--spring.datasource.url="));
            if (!ownDatabase) {
                deleteDirectory(Path.of(BENCH_DATA));
                arguments.add("--spring.datasource.url=" + BENCH_H2_URL);
            }
            application.addInitializers(new PostgresDatabaseCreator());
        }
        application.setDefaultProperties(defaults);
        return arguments.toArray(String[]::new);
    }

    /**
     * Lets PostgreSQL's driver send a batch of inserts as multi-row statements: the loader's
     * batches then take a quarter less time (docs/benchmarks.md).
     */
    static String withBatchedInserts(String argument) {
        String prefix = "--spring.datasource.url=jdbc:postgresql:";
        if (!argument.startsWith(prefix) || argument.contains("reWriteBatchedInserts")) {
            return argument;
        }
        return argument + (argument.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }

    private static void deleteDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates the benchmark's PostgreSQL database when it does not exist yet, through the server's
     * {@code postgres} database, before anything connects to it.
     */
    static final class PostgresDatabaseCreator
            implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Environment environment = context.getEnvironment();
            String url = environment.getProperty("spring.datasource.url", "");
            if (!url.startsWith("jdbc:postgresql://")) {
                return;
            }
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            int end = url.indexOf('?', slash);
            String database = url.substring(slash + 1, end < 0 ? url.length() : end);
            String serverUrl = url.substring(0, slash) + "/postgres";
            try (Connection connection = DriverManager.getConnection(
                    serverUrl,
                    environment.getProperty("spring.datasource.username", "postgres"),
                    environment.getProperty("spring.datasource.password", ""))) {
                try (PreparedStatement exists =
                        connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet found = exists.executeQuery()) {
                        if (found.next()) {
                            return;
                        }
                    }
                }
                if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("Not a plain database name: " + database);
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the benchmark database " + database, e);
            }
        }
    }
}
