package ru.profkom.members.web;

import java.util.List;
import ru.profkom.members.activists.ActivistSubmissionRow;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Texts;

/** The columns of an activists' base in a file: the same for today's base, a snapshot and the consolidated one. */
final class ActivistColumns {

    private ActivistColumns() {}

    static List<String> headers(Texts texts) {
        return List.of(
                texts.text("member.field.fullName"),
                texts.text("member.field.role"),
                texts.text("member.field.roleOrganization"),
                texts.text("member.field.since"),
                texts.text("member.field.phone"),
                texts.text("member.field.email"),
                texts.text("member.field.position"),
                texts.text("member.field.organization"));
    }

    static List<String> cells(ActivistSubmissionRow row, Texts texts, Formats formats) {
        return List.of(
                row.fullName(),
                texts.text(row.role().messageKey()),
                row.roleOrganizationName(),
                formats.date(row.startedOn()),
                row.phone() == null ? "" : formats.phone(row.phone()),
                row.email() == null ? "" : row.email(),
                row.position() == null ? "" : row.position(),
                row.organizationName());
    }
}
