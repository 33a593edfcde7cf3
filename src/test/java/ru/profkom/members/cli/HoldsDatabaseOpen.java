package ru.profkom.members.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A second process holding an embedded H2 database open, as the web server does: prints «open» once
 * connected and keeps the database until its standard input closes.
 */
public final class HoldsDatabaseOpen {

    private HoldsDatabaseOpen() {}

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            connection.createStatement().execute("create table if not exists held(id int)");
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait until the test closes our input
            }
        }
    }
}
