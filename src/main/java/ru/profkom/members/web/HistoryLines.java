package ru.profkom.members.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.profkom.members.MemberChange;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.shared.AccountDirectory;
import ru.profkom.shared.Snils;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Texts;

/**
 * A member's history as people read it, on the staff card and in the member's own cabinet alike.
 * The registry stores values as it holds them (enum names, ISO dates, bare digits).
 */
@Component
class HistoryLines {

    private static final Pattern STATUS = Pattern.compile("([A-Z_]+)(?: \\(([A-Z_]+)\\))?");
    private static final Pattern MEMBERSHIP = Pattern.compile("(.*) \\(([A-Z_]+)\\)");

    private final Texts texts;
    private final Formats formats;
    private final AccountDirectory accounts;

    HistoryLines(Texts texts, Formats formats, AccountDirectory accounts) {
        this.texts = texts;
        this.formats = formats;
        this.accounts = accounts;
    }

    /** One line of the history: the field already in words, {@code actor} the person's name (the login if unknown). */
    public record HistoryLine(
            Instant occurredAt, String actorLogin, String field, String oldValue, String newValue, String actor) {}

    List<HistoryLine> of(List<MemberChange> changes) {
        Map<String, String> names = accounts.fullNamesOf(
                changes.stream().map(MemberChange::actorLogin).collect(Collectors.toSet()));
        return changes.stream()
                .map(change -> new HistoryLine(
                        change.occurredAt(),
                        change.actorLogin(),
                        fieldName(change.field()),
                        readable(change.field(), change.oldValue()),
                        readable(change.field(), change.newValue()),
                        change.actorLogin() == null
                                ? null
                                : names.getOrDefault(
                                        change.actorLogin().strip().toLowerCase(Locale.ROOT), change.actorLogin())))
                .toList();
    }

    private String fieldName(String field) {
        if (field.startsWith("consent.") && !field.equals("consent.withdrawn")) {
            String purpose = field.substring("consent.".length());
            try {
                return texts.text("member.field.consent") + ": "
                        + texts.text(ConsentPurpose.valueOf(purpose).messageKey());
            } catch (IllegalArgumentException unknown) {
                return field;
            }
        }
        return texts.text("member.field." + field);
    }

    private String readable(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (field) {
                case "birthDate" -> formats.date(LocalDate.parse(value));
                case "snils" -> Snils.display(value);
                case "phone" -> formats.phone(value);
                case "gender" -> texts.text(Gender.valueOf(value).messageKey());
                case "category" -> texts.text(Category.valueOf(value).messageKey());
                case "role" ->
                    "—".equals(value)
                            ? value
                            : texts.text(UnionRole.valueOf(value).messageKey());
                case "status" -> readableStatus(value);
                case "membership" -> readableMembership(value);
                case "card" -> texts.text("member.history.card." + value);
                case "consent.withdrawn" ->
                    value.matches("[A-Z_]+")
                            ? texts.text(ConsentPurpose.valueOf(value).messageKey())
                            : value.matches("\\d{4}-\\d{2}-\\d{2}") ? formats.date(LocalDate.parse(value)) : value;
                default -> value.matches("\\d{4}-\\d{2}-\\d{2}") ? formats.date(LocalDate.parse(value)) : value;
            };
        } catch (RuntimeException unreadable) {
            return value;
        }
    }

    /** "EXITED (OWN_WISH)" → "Выбыл (По собственному желанию)". */
    private String readableStatus(String value) {
        Matcher matcher = STATUS.matcher(value);
        if (!matcher.matches()) {
            return value;
        }
        String status = texts.text(MembershipStatus.valueOf(matcher.group(1)).messageKey());
        return matcher.group(2) == null
                ? status
                : status + " ("
                        + texts.text(ExitReason.valueOf(matcher.group(2)).messageKey()) + ")";
    }

    /** "ППО … (ACTIVE)" → "ППО … (Состоит)". */
    private String readableMembership(String value) {
        Matcher matcher = MEMBERSHIP.matcher(value);
        return matcher.matches()
                ? matcher.group(1) + " ("
                        + texts.text(MembershipStatus.valueOf(matcher.group(2)).messageKey()) + ")"
                : value;
    }
}
