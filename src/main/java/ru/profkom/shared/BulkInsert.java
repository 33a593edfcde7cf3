package ru.profkom.shared;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/** Inserting many rows at once, by the fastest path each database offers, for a module's own tables. */
public final class BulkInsert {

    private BulkInsert() {}

    /** Inserts records that all set the same columns as the first, as {@link #insertRows} does. */
    public static <R extends TableRecord<R>> void insertAll(DSLContext dsl, Table<R> table, List<R> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Field<?>> columns = java.util.Arrays.stream(table.fields())
                .filter(records.getFirst()::changed)
                .toList();
        int[] indexes = columns.stream().mapToInt(table::indexOf).toArray();
        insertRows(
                dsl,
                table,
                columns,
                records.size(),
                (row, column) -> records.get(row).get(indexes[column]));
    }

    /** The value of a row's column, by their positions: rows handed over without a record each. */
    @FunctionalInterface
    public interface Values {
        Object get(int row, int column);
    }

    /**
     * Inserts {@code count} rows of the columns. On PostgreSQL by {@code COPY}, which costs the database
     * a fraction of inserts; elsewhere by one prepared insert bound once per row and sent as JDBC
     * batches of 1,000. Either way the statement is rendered once and values are bound directly:
     * rendering or binding every value through jOOQ cost more than the database's work.
     */
    public static void insertRows(DSLContext dsl, Table<?> table, List<Field<?>> columns, int count, Values values) {
        if (count == 0) {
            return;
        }
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            copy(dsl, table, columns, count, values);
            return;
        }
        String sql = dsl.render(
                dsl.insertInto(table).columns(columns).values(java.util.Collections.nCopies(columns.size(), null)));
        int[] sqlTypes = columns.stream()
                .mapToInt(column -> column.getDataType().getSQLType())
                .toArray();
        dsl.connection(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                int pending = 0;
                for (int row = 0; row < count; row++) {
                    for (int i = 0; i < sqlTypes.length; i++) {
                        Object value = values.get(row, i);
                        if (value == null) {
                            statement.setNull(i + 1, sqlTypes[i]);
                        } else {
                            statement.setObject(
                                    i + 1,
                                    value instanceof Instant instant
                                            ? instant.atOffset(java.time.ZoneOffset.UTC)
                                            : value);
                        }
                    }
                    statement.addBatch();
                    if (++pending == 1_000) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        });
    }

    /** PostgreSQL's {@code COPY … FROM STDIN} in its text format, inside the caller's transaction. */
    private static void copy(DSLContext dsl, Table<?> table, List<Field<?>> columns, int count, Values values) {
        StringBuilder sql = new StringBuilder("COPY ").append(table.getName()).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).getName());
        }
        sql.append(") FROM STDIN");
        StringBuilder rows = new StringBuilder(count * 40 * columns.size());
        for (int row = 0; row < count; row++) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    rows.append('\t');
                }
                appendCopyValue(rows, values.get(row, i));
            }
            rows.append('\n');
        }
        dsl.connection(connection -> {
            try {
                connection
                        .unwrap(org.postgresql.PGConnection.class)
                        .getCopyAPI()
                        .copyIn(sql.toString(), new java.io.StringReader(rows.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** One value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
    public static void appendCopyValue(StringBuilder rows, Object value) {
        if (value == null) {
            rows.append("\\N");
            return;
        }
        if (value instanceof Long number) {
            rows.append(number.longValue());
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
