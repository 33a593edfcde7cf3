package ru.profkom.members;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import profkom.schema.tables.records.MemberImportRecord;
import profkom.schema.tables.records.MemberImportRowRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.imports.ImportField;
import ru.profkom.members.imports.ImportParser;
import ru.profkom.members.imports.ParsedTable;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Problem;

/**
 * Imports members from CSV and XLSX files: upload (the file is read and every row checked, nothing
 * changes in the registry), an optional new mapping of columns, then apply (in the background, in
 * resumable chunks). An import is visible to the staff of the subtree holding its organization.
 */
@Service
@Transactional
public class MemberImports {

    static final String NOT_FOUND = "member.import.notFound";
    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter RUSSIAN_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final MemberImportRepository repository;
    private final MemberImportRunner runner;
    private final Members members;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final Clock clock;

    MemberImports(
            MemberImportRepository repository,
            MemberImportRunner runner,
            Members members,
            Organizations organizations,
            CurrentActor currentActor,
            MessageSource messages,
            Clock clock) {
        this.repository = repository;
        this.runner = runner;
        this.members = members;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.messages = messages;
        this.clock = clock;
    }

    /** An import as its pages show it: how the file was read, the mapping, the counts and the state. */
    public record MemberImport(
            long id,
            long organizationId,
            String fileName,
            String status,
            String encoding,
            String delimiter,
            List<String> header,
            List<ImportField> mapping,
            int totalRows,
            int validRows,
            int processedRows,
            int imported,
            int updated,
            int unchanged,
            int rejected,
            String failure,
            String createdBy,
            Instant createdAt,
            Instant finishedAt) {

        /** Rows refused in the preview, before applying. */
        public int invalidRows() {
            return totalRows - validRows;
        }

        public int percent() {
            return validRows == 0 ? 100 : Math.min(100, processedRows * 100 / validRows);
        }

        public boolean applying() {
            return "APPLYING".equals(status);
        }

        public boolean finished() {
            return "DONE".equals(status) || "FAILED".equals(status);
        }
    }

    /** A problem of a row, in Russian, with its line and column. */
    public record ImportProblem(int line, String text) {}

    // ---- commands ------------------------------------------------------------------------------

    /** Refuses, as absent, an organization outside the actor's subtrees: before a file is read. */
    @Transactional(readOnly = true)
    public void checkCanImport(long organizationId) {
        accessibleOrganization(organizationId);
    }

    /** Reads the file and checks every row; the registry does not change. */
    public MemberImport upload(long organizationId, String fileName, byte[] bytes) {
        Organization organization = accessibleOrganization(organizationId);
        ParsedTable table = ImportParser.parse(bytes);
        Actor actor = currentActor.get();
        MemberImportRecord record = new MemberImportRecord();
        record.setOrganizationId(organizationId);
        record.setOrganizationPath(organization.path());
        record.setFileName(fileName == null || fileName.isBlank() ? "file" : truncate(fileName, 255));
        record.setStatus("PREVIEWED");
        record.setEncoding(table.encoding() == null ? table.format() : table.encoding());
        record.setDelimiter(table.delimiter() == null ? null : String.valueOf(table.delimiter()));
        record.setHeader(ImportParser.join(table.header()));
        record.setMapping(mappingText(table.mapping()));
        record.setHeaderLine(table.headerLine());
        record.setTotalRows(0);
        record.setValidRows(0);
        record.setProcessedRows(0);
        record.setImported(0);
        record.setUpdated(0);
        record.setUnchanged(0);
        record.setRejected(0);
        record.setCreatedBy(actor.accountId());
        record.setCreatedByLogin(actor.login());
        record.setCreatedAt(clock.instant());
        long id = repository.insertImport(record);
        MemberImportRecord stored = repository.find(id).orElseThrow();
        check(stored, organization, table.header(), table.mapping(), table.rows());
        return view(repository.find(id).orElseThrow());
    }

    /** Maps the columns anew and checks every row again; only before applying. */
    public MemberImport remap(long importId, List<ImportField> mapping) {
        MemberImportRecord record = accessible(importId);
        if (!"PREVIEWED".equals(record.getStatus())) {
            throw ProfkomException.conflict("member.import.alreadyApplied");
        }
        List<String> header = ImportParser.split(record.getHeader());
        if (mapping == null || mapping.size() != header.size()) {
            throw ProfkomException.invalid("mapping", "member.import.mapping.size", header.size());
        }
        List<ImportField> clean = new ArrayList<>();
        for (ImportField field : mapping) {
            ImportField chosen = field == null ? ImportField.IGNORE : field;
            if (chosen != ImportField.IGNORE && clean.contains(chosen)) {
                throw ProfkomException.invalid("mapping", "member.import.mapping.twice", text(chosen.messageKey()));
            }
            clean.add(chosen);
        }
        List<ParsedTable.Line> lines = new ArrayList<>();
        repository.eachRow(
                importId,
                null,
                row -> lines.add(new ParsedTable.Line(row.getLineNo(), ImportParser.split(row.getCells()))));
        repository.deleteRows(importId);
        record.setMapping(mappingText(clean));
        repository.updateImport(record);
        check(record, organizations.get(record.getOrganizationId()), header, clean, lines);
        return view(repository.find(importId).orElseThrow());
    }

    /** Starts applying the valid rows in the background; the import goes on if the browser closes. */
    public MemberImport apply(long importId) {
        MemberImportRecord record = startApplying(importId);
        if (record.getValidRows() == 0) {
            // Nothing to apply: done at once, without a background run.
            repository.finish(importId, "DONE", null, clock.instant());
            return view(repository.find(importId).orElseThrow());
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.runLater(importId);
                }
            });
        } else {
            runner.runLater(importId);
        }
        return view(record);
    }

    /** Applies the valid rows in the calling thread and returns when done: for the command line. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public MemberImport applyAndWait(long importId) {
        CurrentActor.asSystem(() -> startApplying(importId));
        runner.run(importId);
        return get(importId);
    }

    private MemberImportRecord startApplying(long importId) {
        MemberImportRecord record = accessible(importId);
        if ("PREVIEWED".equals(record.getStatus())) {
            record.setStatus("APPLYING");
            record.setLeaseUntil(null);
            repository.updateImport(record);
        } else if (!"APPLYING".equals(record.getStatus())) {
            throw ProfkomException.conflict("member.import.alreadyApplied");
        }
        return record;
    }

    // ---- queries -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public MemberImport get(long importId) {
        return view(accessible(importId));
    }

    @Transactional(readOnly = true)
    public Page<MemberImport> ofOrganization(long organizationId, PageRequest page) {
        accessibleOrganization(organizationId);
        Page<MemberImportRecord> records = repository.ofOrganization(organizationId, page);
        return new Page<>(
                records.items().stream().map(this::view).toList(), records.page(), records.size(), records.total());
    }

    @Transactional(readOnly = true)
    public Page<ImportProblem> problems(long importId, PageRequest page) {
        accessible(importId);
        Page<MemberImportRowRecord> rows = repository.problems(importId, page);
        return new Page<>(
                rows.items().stream()
                        .map(row -> new ImportProblem(row.getLineNo(), row.getErrors()))
                        .toList(),
                rows.page(),
                rows.size(),
                rows.total());
    }

    /**
     * The rows not imported, as a CSV in UTF-8 with a BOM (Excel opens it as is): the file's columns
     * and the reason in the last one.
     */
    @Transactional(readOnly = true)
    public void writeErrors(long importId, OutputStream out) {
        MemberImportRecord record = accessible(importId);
        try {
            out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            List<String> header = new ArrayList<>(ImportParser.split(record.getHeader()));
            header.add(text("member.import.errorColumn"));
            out.write(ru.profkom.shared.Csv.line(header).getBytes(StandardCharsets.UTF_8));
            repository.eachRow(importId, List.of("REJECTED", "FAILED"), row -> {
                List<String> cells = new ArrayList<>(ImportParser.split(row.getCells()));
                while (cells.size() < header.size() - 1) {
                    cells.add("");
                }
                cells.add(row.getErrors() == null ? "" : row.getErrors().replace('\n', ' '));
                try {
                    out.write(ru.profkom.shared.Csv.line(cells).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- checking rows -------------------------------------------------------------------------

    private void check(
            MemberImportRecord record,
            Organization organization,
            List<String> header,
            List<ImportField> mapping,
            List<ParsedTable.Line> lines) {
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        for (int i = 0; i < mapping.size(); i++) {
            if (mapping.get(i) != ImportField.IGNORE) {
                columns.put(mapping.get(i), i);
            }
        }
        Map<String, Optional<Long>> organizationsByValue = new HashMap<>();
        Map<String, Integer> bySnils = new HashMap<>();
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> byCard = new HashMap<>();
        List<MemberImportRowRecord> batch = new ArrayList<>();
        int total = 0;
        int valid = 0;
        for (ParsedTable.Line line : lines) {
            total++;
            List<Problem> problems = new ArrayList<>();
            List<String> cells = line.cells();
            RowValues values = new RowValues(cells, columns);
            String lastName = values.get(ImportField.LAST_NAME);
            String firstName = values.get(ImportField.FIRST_NAME);
            String patronymic = values.get(ImportField.PATRONYMIC);
            String fullName = values.get(ImportField.FULL_NAME);
            if (fullName != null && lastName == null && firstName == null) {
                String[] words = fullName.strip().split("\\s+", 3);
                lastName = words[0];
                firstName = words.length > 1 ? words[1] : null;
                patronymic = words.length > 2 ? words[2] : patronymic;
            }
            LocalDate birthDate = date(values.get(ImportField.BIRTH_DATE), "birthDate", problems);
            LocalDate joinedOn = date(values.get(ImportField.JOINED_ON), "joinedOn", problems);
            Gender gender = gender(values.get(ImportField.GENDER), problems);
            Category category = category(values.get(ImportField.CATEGORY), problems);
            Long organizationId =
                    rowOrganization(values.get(ImportField.ORGANIZATION), organization, organizationsByValue, problems);
            PersonData data = new PersonData(
                    lastName,
                    firstName,
                    patronymic,
                    birthDate,
                    gender,
                    values.get(ImportField.SNILS),
                    values.get(ImportField.PHONE),
                    values.get(ImportField.EMAIL),
                    values.get(ImportField.POSITION),
                    values.get(ImportField.DEPARTMENT));
            String card = values.get(ImportField.CARD_NUMBER);
            MembershipData membership = new MembershipData(MembershipStatus.ACTIVE, joinedOn, card, category);
            Members.ImportCheck check = members.checkForImport(data, membership);
            problems.addAll(check.problems());
            PersonData clean = check.clean();
            if (clean != null && problems.isEmpty()) {
                duplicate(bySnils, clean.snils(), line.number(), "member.import.duplicate.snils", problems);
                if (clean.birthDate() != null) {
                    duplicate(
                            byName,
                            Members.nameKey(clean) + "|" + clean.birthDate(),
                            line.number(),
                            "member.import.duplicate.name",
                            problems);
                }
                duplicate(
                        byCard,
                        card == null ? null : card.strip(),
                        line.number(),
                        "member.import.duplicate.card",
                        problems);
            }
            MemberImportRowRecord row = new MemberImportRowRecord();
            row.setImportId(record.getId());
            row.setLineNo(line.number());
            row.setCells(ImportParser.join(cells));
            if (problems.isEmpty()) {
                valid++;
                row.setStatus("VALID");
                row.setLastName(clean.lastName());
                row.setFirstName(clean.firstName());
                row.setPatronymic(clean.patronymic());
                row.setBirthDate(clean.birthDate());
                row.setGender(clean.gender() == null ? null : clean.gender().name());
                row.setSnils(clean.snils());
                row.setPhone(clean.phone());
                row.setEmail(clean.email());
                row.setPosition(clean.position());
                row.setDepartment(clean.department());
                row.setJoinedOn(joinedOn);
                row.setCardNumber(card == null ? null : card.strip());
                row.setCategory(category == null ? null : category.name());
                row.setOrganizationId(organizationId);
            } else {
                row.setStatus("REJECTED");
                row.setErrors(describe(line.number(), problems, header, columns, fullName != null));
            }
            batch.add(row);
            if (batch.size() == 1000) {
                repository.insertRows(batch);
                batch.clear();
            }
        }
        repository.insertRows(batch);
        record.setTotalRows(total);
        record.setValidRows(valid);
        record.setRejected(total - valid);
        repository.updateImport(record);
    }

    private static void duplicate(
            Map<String, Integer> seen, String key, int line, String messageKey, List<Problem> problems) {
        if (key == null || key.isBlank()) {
            return;
        }
        Integer first = seen.putIfAbsent(key, line);
        if (first != null) {
            problems.add(new Problem(null, messageKey, first));
        }
    }

    private Long rowOrganization(
            String value, Organization importOrganization, Map<String, Optional<Long>> cache, List<Problem> problems) {
        if (value == null) {
            if (importOrganization.kind() != OrganizationKind.PRIMARY
                    && importOrganization.kind() != OrganizationKind.SHOP) {
                problems.add(new Problem("organization", "member.import.organization.required"));
                return null;
            }
            if (!importOrganization.active()) {
                problems.add(new Problem("organization", "organization.closed", importOrganization.shortName()));
                return null;
            }
            return importOrganization.id();
        }
        Optional<Long> found = cache.computeIfAbsent(
                value,
                candidate -> organizations.search(candidate, PageRequest.of(0, 50)).items().stream()
                        .filter(node ->
                                candidate.equalsIgnoreCase(node.code()) || candidate.equalsIgnoreCase(node.shortName()))
                        .map(OrganizationNode::id)
                        .findFirst()
                        .map(organizations::get)
                        .filter(org -> org.path().startsWith(importOrganization.path()))
                        .filter(org -> (org.kind() == OrganizationKind.PRIMARY || org.kind() == OrganizationKind.SHOP)
                                && org.active())
                        .map(Organization::id));
        if (found.isEmpty()) {
            problems.add(new Problem("organization", "member.import.organization.unknown", value));
            return null;
        }
        return found.get();
    }

    private static LocalDate date(String text, String field, List<Problem> problems) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}( 0?0:00(:00)?)?")) {
            String datePart = value.split(" ")[0];
            try {
                return LocalDate.parse(datePart, RUSSIAN_DATE);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(field, "member.import.date.noSuchDate", datePart));
                return null;
            }
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(value, ISO_DATE);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(field, "member.import.date.noSuchDate", value));
                return null;
            }
        }
        problems.add(new Problem(field, "member.import.date.format", value));
        return null;
    }

    private static Gender gender(String text, List<Problem> problems) {
        if (text == null) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT).replace(".", "");
        return switch (value) {
            case "м", "муж", "мужской", "m", "male" -> Gender.M;
            case "ж", "жен", "женский", "f", "female" -> Gender.F;
            default -> {
                problems.add(new Problem("gender", "member.import.gender.unknown", text.strip()));
                yield null;
            }
        };
    }

    private static Category category(String text, List<Problem> problems) {
        if (text == null) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        return switch (value) {
            case "работающий", "работающая", "работник", "работающие", "worker" -> Category.WORKER;
            case "студент", "студентка", "учащийся", "учащаяся", "обучающийся", "student" -> Category.STUDENT;
            case "пенсионер", "пенсионерка", "неработающий пенсионер", "pensioner" -> Category.PENSIONER;
            case "безработный", "безработная", "неработающий", "unemployed" -> Category.UNEMPLOYED;
            default -> {
                problems.add(new Problem("category", "member.import.category.unknown", text.strip()));
                yield null;
            }
        };
    }

    /** "Строка 12, столбец «Дата рождения»: такой даты нет (31.02.1980)." — one line per problem. */
    private String describe(
            int line,
            List<Problem> problems,
            List<String> header,
            Map<ImportField, Integer> columns,
            boolean fullName) {
        List<String> texts = new ArrayList<>();
        for (Problem problem : problems) {
            String reason =
                    messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), RUSSIAN);
            ImportField field = fieldOf(problem.field(), fullName);
            Integer column = field == null ? null : columns.get(field);
            String textLine = column == null || column >= header.size()
                    ? text("member.import.problem.row", line, reason)
                    : text("member.import.problem.cell", line, header.get(column), reason);
            texts.add(textLine);
        }
        return String.join("\n", texts);
    }

    private static ImportField fieldOf(String field, boolean fullName) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "lastName" -> fullName ? ImportField.FULL_NAME : ImportField.LAST_NAME;
            case "firstName" -> fullName ? ImportField.FULL_NAME : ImportField.FIRST_NAME;
            case "patronymic" -> fullName ? ImportField.FULL_NAME : ImportField.PATRONYMIC;
            case "birthDate" -> ImportField.BIRTH_DATE;
            case "gender" -> ImportField.GENDER;
            case "snils" -> ImportField.SNILS;
            case "phone" -> ImportField.PHONE;
            case "email" -> ImportField.EMAIL;
            case "position" -> ImportField.POSITION;
            case "department" -> ImportField.DEPARTMENT;
            case "joinedOn" -> ImportField.JOINED_ON;
            case "cardNumber" -> ImportField.CARD_NUMBER;
            case "category" -> ImportField.CATEGORY;
            case "organization" -> ImportField.ORGANIZATION;
            default -> null;
        };
    }

    /** The cells of a row by field; blank cells are absent. */
    private record RowValues(List<String> cells, Map<ImportField, Integer> columns) {
        String get(ImportField field) {
            Integer column = columns.get(field);
            if (column == null || column >= cells.size()) {
                return null;
            }
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    // ---- access and views ----------------------------------------------------------------------

    private Organization accessibleOrganization(long organizationId) {
        organizations
                .pathOf(organizationId)
                .filter(candidate -> members.staffPaths().stream().anyMatch(candidate::startsWith))
                .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
        return organizations.get(organizationId);
    }

    private MemberImportRecord accessible(long importId) {
        MemberImportRecord record = repository.find(importId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        if (members.staffPaths().stream().noneMatch(record.getOrganizationPath()::startsWith)) {
            throw ProfkomException.notFound(NOT_FOUND);
        }
        return record;
    }

    MemberImport view(MemberImportRecord r) {
        return new MemberImport(
                r.getId(),
                r.getOrganizationId(),
                r.getFileName(),
                r.getStatus(),
                r.getEncoding(),
                r.getDelimiter(),
                ImportParser.split(r.getHeader()),
                mappingOf(r.getMapping()),
                r.getTotalRows(),
                r.getValidRows(),
                r.getProcessedRows(),
                r.getImported(),
                r.getUpdated(),
                r.getUnchanged(),
                r.getRejected(),
                r.getFailure(),
                r.getCreatedByLogin(),
                r.getCreatedAt(),
                r.getFinishedAt());
    }

    private static String mappingText(List<ImportField> mapping) {
        return String.join(",", mapping.stream().map(Enum::name).toList());
    }

    private static List<ImportField> mappingOf(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(","))
                .map(ImportField::valueOf)
                .toList();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, RUSSIAN);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
