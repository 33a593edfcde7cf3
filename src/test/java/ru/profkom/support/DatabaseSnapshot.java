package ru.profkom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * The content of every business table, to prove that a refused request changed nothing. Tables are
 * found in the database itself, so a new module's tables are covered without touching this class.
 * Left out: what changes on its own after earlier tests (the audit log, event publications, the
 * mail dispatcher's progress, sessions, sign-in bookkeeping, the statistics' read model that its
 * listeners fill after earlier tests' commits).
 */
public class DatabaseSnapshot {

    private static final Set<String> IGNORED_TABLES = Set.of(
            "audit_event",
            // counts of attempts for the sign-in and password-reset back-off: refused requests count too
            "access_throttle",
            "event_publication",
            "event_publication_archive",
            "spring_session",
            "spring_session_attributes",
            "flyway_schema_history",
            // the job scheduler's bookkeeping: recurring jobs (the bot's poll, daily counts) run between snapshots
            "scheduled_tasks",
            "mailing_bot_offset",
            // the tracking key, generated once at its first use by whichever request or job comes first
            "mailing_secret",
            // blocks of ids handed out: a refused request may use up a block, which is no content
            "member_id_block",
            "stat_day",
            "stat_month",
            "stat_organization");

    private static final Map<String, Set<String>> IGNORED_COLUMNS = Map.of(
            "account", Set.of("last_sign_in_at"),
            "mail_message", Set.of("status", "attempts", "sent_at", "last_error"));

    private final DSLContext dsl;

    DatabaseSnapshot(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Content(Map<String, List<String>> rowsByTable) {}

    public Content take() {
        List<String> tables = dsl.fetch("select table_name from information_schema.tables"
                        + " where table_schema = current_schema and table_type = 'BASE TABLE'"
                        + " order by table_name")
                .getValues(0, String.class);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            String name = table.toLowerCase();
            if (IGNORED_TABLES.contains(name)) {
                continue;
            }
            Set<String> ignored = IGNORED_COLUMNS.getOrDefault(name, Set.of());
            rows.put(
                    name,
                    dsl.fetch("select * from " + name + " order by 1").stream()
                            .map(record -> render(record, ignored))
                            .toList());
        }
        assertThat(rows).as("business tables found in the database").containsKey("organization");
        return new Content(rows);
    }

    /** Asserts that every business table holds exactly what it held when {@code before} was taken. */
    public void assertUnchangedSince(Content before) {
        Content after = take();
        for (var entry : before.rowsByTable().entrySet()) {
            assertThat(after.rowsByTable().get(entry.getKey()))
                    .as("rows of table %s", entry.getKey())
                    .containsExactlyElementsOf(entry.getValue());
        }
        assertThat(after.rowsByTable().keySet()).isEqualTo(before.rowsByTable().keySet());
    }

    private static String render(Record record, Set<String> ignored) {
        return java.util.Arrays.stream(record.fields())
                .filter(field -> !ignored.contains(field.getName().toLowerCase()))
                .map(field -> field.getName() + "=" + value(record, field))
                .collect(Collectors.joining(", "));
    }

    private static String value(Record record, Field<?> field) {
        Object value = record.get(field);
        return value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value);
    }
}
