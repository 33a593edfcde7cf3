package ru.profkom.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Reading millions of rows through JDBC directly, where a jOOQ record per row cost more than the database's work. */
public final class BulkReads {

    private BulkReads() {}

    /**
     * A prepared statement that reads {@code fetchSize} rows at a time (a cursor on PostgreSQL inside a
     * transaction) and, on PostgreSQL, is prepared on the server at once, so its results come in binary:
     * printing and parsing every number as text took most of the time of reading them.
     */
    public static PreparedStatement prepare(Connection connection, String sql, int fetchSize) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setFetchSize(fetchSize);
        if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }
}
