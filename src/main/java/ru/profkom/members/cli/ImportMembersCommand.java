package ru.profkom.members.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.profkom.members.imports.ImportParser;
import ru.profkom.members.imports.MemberImports;
import ru.profkom.members.imports.MemberImports.ImportProblem;
import ru.profkom.members.imports.MemberImports.MemberImport;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

/**
 * {@code import-members --org CODE FILE [--json]}: imports a CSV or XLSX file into an organization
 * as the system, for administrators moving from 1C or Excel. Prints what was imported, updated,
 * left unchanged and rejected, and writes the rejected rows next to the file. Exit code 0 when the
 * file was processed (even with rejected rows), 2 on bad usage, a file that cannot be read or an H2
 * database open in another process ({@link ru.profkom.shared.DatabaseInUse}), 1 when the database or
 * the program failed; each with a Russian sentence on standard error, never a stack trace.
 */
@Component
@ConditionalOnProperty(name = "profkom.command", havingValue = "import-members")
class ImportMembersCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int USAGE = 2;
    /** The database or the program failed, not the file or the usage. */
    static final int FAILED = 1;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportMembersCommand.class);
    static final String USAGE_TEXT =
            "Использование: profkom import-members --org КОД_ОРГАНИЗАЦИИ ФАЙЛ.csv|ФАЙЛ.xlsx [--json]";
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final int PROBLEMS_SHOWN = 100;

    private final MemberImports imports;
    private final Organizations organizations;
    private final MessageSource messages;
    private final PrintStream out;
    private int exitCode;

    @org.springframework.beans.factory.annotation.Autowired
    ImportMembersCommand(MemberImports imports, Organizations organizations, MessageSource messages) {
        this(
                imports,
                organizations,
                messages,
                new PrintStream(
                        new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8));
    }

    ImportMembersCommand(MemberImports imports, Organizations organizations, MessageSource messages, PrintStream out) {
        this.imports = imports;
        this.organizations = organizations;
        this.messages = messages;
        this.out = out;
    }

    record Options(String org, Path file, boolean json) {}

    @Override
    public void run(ApplicationArguments args) {
        Options options;
        try {
            options = parse(args.getSourceArgs());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage() + "\n" + USAGE_TEXT);
            return;
        }
        CurrentActor.asSystem(() -> execute(options));
    }

    static Options parse(String[] args) {
        String org = null;
        Path file = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--org")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("После --org нужен код организации.");
                }
                org = args[++i];
            } else if (arg.startsWith("--org=")) {
                org = arg.substring("--org=".length());
            } else if (arg.equals("--db")) {
                i++;
            } else if (arg.startsWith("--")) {
                // Spring's own options (--spring.datasource.url=..., --db) pass through.
                continue;
            } else if (file == null) {
                file = Path.of(arg);
            } else {
                throw new IllegalArgumentException("Лишний параметр: " + arg);
            }
        }
        if (org == null || org.isBlank()) {
            throw new IllegalArgumentException("Не указан код организации (--org).");
        }
        if (file == null) {
            throw new IllegalArgumentException("Не указан файл.");
        }
        return new Options(org.strip(), file, json);
    }

    private void execute(Options options) {
        Optional<Organization> organization =
                organizations.search(options.org(), PageRequest.of(0, 50)).items().stream()
                        .filter(node -> options.org().equalsIgnoreCase(node.code()))
                        .map(OrganizationNode::id)
                        .findFirst()
                        .map(organizations::get);
        if (organization.isEmpty()) {
            fail("Организация с кодом «" + options.org() + "» не найдена.");
            return;
        }
        byte[] bytes;
        try {
            if (!Files.isRegularFile(options.file())) {
                fail("Файл не найден: " + options.file());
                return;
            }
            if (Files.size(options.file()) > ImportParser.MAX_COMMAND_LINE_BYTES) {
                fail(text(ImportParser.tooLarge(ImportParser.MAX_COMMAND_LINE_BYTES)));
                return;
            }
            bytes = Files.readAllBytes(options.file());
        } catch (IOException e) {
            fail("Файл не читается: " + options.file() + " (" + e.getMessage() + ")");
            return;
        }
        MemberImport done;
        long started = System.nanoTime();
        long checked;
        try {
            MemberImport preview = imports.upload(
                    organization.get().id(),
                    options.file().getFileName().toString(),
                    bytes,
                    ImportParser.MAX_COMMAND_LINE_BYTES);
            checked = System.nanoTime();
            done = imports.applyAndWait(preview.id());
        } catch (ProfkomException e) {
            fail(options.file() + ": " + text(e));
            return;
        } catch (RuntimeException e) {
            // Not the file's fault: the database or the program. A sentence, the details in the log.
            log.debug("Import of {} failed", options.file(), e);
            System.err.println(options.file() + ": импорт прерван из-за ошибки базы данных или программы ("
                    + firstLine(e)
                    + "). Применённые части сохранены; повторный запуск не добавит никого дважды: строки сверяются с реестром."
                    + " Подробности: --logging.level.ru.profkom=DEBUG.");
            exitCode = FAILED;
            return;
        }
        Path errorFile = done.rejected() > 0 ? writeErrors(done, options.file()) : null;
        List<ImportProblem> problems = new ArrayList<>(
                imports.problems(done.id(), new PageRequest(0, PROBLEMS_SHOWN)).items());
        if (options.json()) {
            out.println(json(done, organization.get(), errorFile, problems));
        } else {
            out.println(summary(done, organization.get(), errorFile, problems));
            out.printf(
                    RUSSIAN,
                    "Время: чтение и проверка %.1f с, применение %.1f с, всего %.1f с%n",
                    (checked - started) / 1e9,
                    (System.nanoTime() - checked) / 1e9,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private Path writeErrors(MemberImport done, Path file) {
        String name = file.getFileName().toString().replaceAll("\\.[A-Za-z0-9]{1,5}$", "") + "-ошибки.csv";
        Path parent = file.toAbsolutePath().getParent();
        Path target = parent != null && Files.isWritable(parent) ? parent.resolve(name) : Path.of(name);
        try (OutputStream stream = Files.newOutputStream(target)) {
            imports.writeErrors(done.id(), stream);
            return target.toAbsolutePath();
        } catch (IOException e) {
            return null;
        }
    }

    private static String summary(
            MemberImport done, Organization organization, Path errorFile, List<ImportProblem> problems) {
        StringBuilder text = new StringBuilder();
        text.append("Импорт «")
                .append(done.fileName())
                .append("» в ")
                .append(organization.shortName())
                .append(" (")
                .append(organization.code())
                .append(")\n");
        text.append("Кодировка: ").append(done.encoding());
        if (done.delimiter() != null) {
            text.append(", разделитель «").append(done.delimiter()).append('»');
        }
        text.append('\n');
        text.append("Строк с данными: ").append(done.totalRows()).append('\n');
        text.append("Добавлено:       ").append(done.imported()).append('\n');
        text.append("Обновлено:       ").append(done.updated()).append('\n');
        text.append("Без изменений:   ").append(done.unchanged()).append('\n');
        text.append("Не принято:      ").append(done.rejected()).append('\n');
        if (done.transferRequests() > 0) {
            text.append("Запросов на перевод создано: ")
                    .append(done.transferRequests())
                    .append('\n');
        }
        if (errorFile != null) {
            text.append("Непринятые строки с причинами: ").append(errorFile).append('\n');
        }
        if (!problems.isEmpty()) {
            text.append("\nОшибки")
                    .append(problems.size() < done.rejected() ? " (первые " + problems.size() + ")" : "")
                    .append(":\n");
            problems.forEach(problem -> text.append("  ")
                    .append(problem.text().replace("\n", "\n  "))
                    .append('\n'));
        }
        return text.toString().stripTrailing();
    }

    private static String json(
            MemberImport done, Organization organization, Path errorFile, List<ImportProblem> problems) {
        StringBuilder json = new StringBuilder("{");
        field(json, "importId", done.id()).append(',');
        field(json, "file", done.fileName()).append(',');
        field(json, "organization", organization.code()).append(',');
        field(json, "status", done.status()).append(',');
        field(json, "encoding", done.encoding()).append(',');
        field(json, "delimiter", done.delimiter()).append(',');
        field(json, "rows", done.totalRows()).append(',');
        field(json, "imported", done.imported()).append(',');
        field(json, "updated", done.updated()).append(',');
        field(json, "unchanged", done.unchanged()).append(',');
        field(json, "rejected", done.rejected()).append(',');
        field(json, "transferRequests", done.transferRequests()).append(',');
        field(json, "errorFile", errorFile == null ? null : errorFile.toString())
                .append(',');
        json.append("\"problems\":[");
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('{');
            field(json, "line", problems.get(i).line()).append(',');
            field(json, "text", problems.get(i).text()).append('}');
        }
        return json.append("]}").toString();
    }

    private static StringBuilder field(StringBuilder json, String name, Object value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        if (value instanceof Number) {
            return json.append(value);
        }
        json.append('"');
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    private String text(ProfkomException e) {
        ProfkomException.Problem problem = e.problems().getFirst();
        return messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), RUSSIAN);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private void fail(String message) {
        System.err.println(message);
        exitCode = USAGE;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
