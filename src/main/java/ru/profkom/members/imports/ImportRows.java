package ru.profkom.members.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.members.RegistryRules;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Problem;

/**
 * Reads an import's rows by its column mapping and checks each against the registry's rules, in
 * memory: the same check in the preview and again when the rows are applied.
 */
final class ImportRows {

    private static final DateTimeFormatter RUSSIAN_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern RUSSIAN_DATE_TEXT = Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d{4}( 0?0:00(:00)?)?");
    private static final Pattern ISO_DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A row read and checked: the clean values, or the problems. */
    record Checked(
            ParsedTable.Line line,
            PersonData clean,
            LocalDate joinedOn,
            String card,
            Category category,
            Long organizationId,
            List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Clock clock;
    private final Organizations organizations;
    private final MessageSource messages;
    private final Organization importOrganization;
    private final List<String> header;
    private final Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
    private final Map<String, Optional<Long>> organizationsByValue = new ConcurrentHashMap<>();

    ImportRows(
            Clock clock,
            Organizations organizations,
            MessageSource messages,
            Organization importOrganization,
            List<String> header,
            List<ImportField> mapping) {
        this.clock = clock;
        this.organizations = organizations;
        this.messages = messages;
        this.importOrganization = importOrganization;
        this.header = header;
        for (int i = 0; i < mapping.size(); i++) {
            if (mapping.get(i) != ImportField.IGNORE) {
                columns.put(mapping.get(i), i);
            }
        }
    }

    Checked check(ParsedTable.Line line) {
        List<Problem> problems = new ArrayList<>();
        List<String> cells = line.cells();
        damagedCell(cells).ifPresent(column -> problems.add(new Problem(null, "member.import.badCharacter", column)));
        String lastName = value(cells, ImportField.LAST_NAME);
        String firstName = value(cells, ImportField.FIRST_NAME);
        String patronymic = value(cells, ImportField.PATRONYMIC);
        String fullName = value(cells, ImportField.FULL_NAME);
        if (fullName != null && lastName == null && firstName == null) {
            String[] words = fullName.strip().split("\\s+", 3);
            lastName = words[0];
            firstName = words.length > 1 ? words[1] : null;
            patronymic = words.length > 2 ? words[2] : patronymic;
        }
        LocalDate birthDate = date(value(cells, ImportField.BIRTH_DATE), "birthDate", problems);
        LocalDate joinedOn = date(value(cells, ImportField.JOINED_ON), "joinedOn", problems);
        Gender gender = gender(value(cells, ImportField.GENDER), problems);
        Category category = category(value(cells, ImportField.CATEGORY), problems);
        Long organizationId = rowOrganization(value(cells, ImportField.ORGANIZATION), problems);
        PersonData data = new PersonData(
                lastName,
                firstName,
                patronymic,
                birthDate,
                gender,
                value(cells, ImportField.SNILS),
                value(cells, ImportField.PHONE),
                value(cells, ImportField.EMAIL),
                value(cells, ImportField.POSITION),
                value(cells, ImportField.DEPARTMENT));
        String card = value(cells, ImportField.CARD_NUMBER);
        RegistryRules.ImportCheck check = RegistryRules.checkForImport(
                data, new MembershipData(MembershipStatus.ACTIVE, joinedOn, card, category), MoscowTime.today(clock));
        problems.addAll(check.problems());
        return new Checked(
                line, problems.isEmpty() ? check.clean() : null, joinedOn, card, category, organizationId, problems);
    }

    /** "Строка 12, столбец «Дата рождения»: такой даты нет (31.02.1980)." — one line per problem. */
    String describe(int line, List<Problem> problems) {
        boolean fullName = columns.containsKey(ImportField.FULL_NAME)
                && !columns.containsKey(ImportField.LAST_NAME)
                && !columns.containsKey(ImportField.FIRST_NAME);
        List<String> texts = new ArrayList<>();
        for (Problem problem : problems) {
            String reason = messages.getMessage(
                    problem.messageKey(), problem.arguments(), problem.messageKey(), MemberImports.RUSSIAN);
            ImportField field = fieldOf(problem.field(), fullName);
            Integer column = field == null ? null : columns.get(field);
            if (field != null && column == null) {
                // No column of the file holds the field: name the field, not only "fill it in".
                texts.add(text("member.import.problem.unmapped", line, text(field.messageKey()), reason));
            } else {
                texts.add(
                        column == null || column >= header.size()
                                ? text("member.import.problem.row", line, reason)
                                : text("member.import.problem.cell", line, header.get(column), reason));
            }
        }
        return String.join("\n", texts);
    }

    /** The heading (or number) of the first cell the parser found damaged: a NUL byte in the file. */
    private Optional<String> damagedCell(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell != null && cell.indexOf(ImportParser.DAMAGED_CHARACTER) >= 0) {
                return Optional.of(
                        i < header.size() && !header.get(i).isBlank() ? header.get(i) : String.valueOf(i + 1));
            }
        }
        return Optional.empty();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, MemberImports.RUSSIAN);
    }

    /** The cell of a field; blank cells are absent. */
    private String value(List<String> cells, ImportField field) {
        Integer column = columns.get(field);
        if (column == null || column >= cells.size()) {
            return null;
        }
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Long rowOrganization(String value, List<Problem> problems) {
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
        Optional<Long> found = organizationsByValue.computeIfAbsent(
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

    static LocalDate date(String text, String field, List<Problem> problems) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (RUSSIAN_DATE_TEXT.matcher(value).matches()) {
            String datePart = value.split(" ")[0];
            try {
                return LocalDate.parse(datePart, RUSSIAN_DATE);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(field, "member.import.date.noSuchDate", datePart));
                return null;
            }
        }
        if (ISO_DATE_TEXT.matcher(value).matches()) {
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
            case "безработный",
                    "безработная",
                    "неработающий",
                    "временно неработающий",
                    "временно неработающая",
                    "unemployed" -> Category.UNEMPLOYED;
            default -> {
                problems.add(new Problem("category", "member.import.category.unknown", text.strip()));
                yield null;
            }
        };
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
}
