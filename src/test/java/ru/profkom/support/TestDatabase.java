package ru.profkom.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at its own empty database: an in-memory H2 by default, or a fresh schema
 * of a PostgreSQL database with {@code -Dprofkom.test.db=postgres} (or {@code PROFKOM_TEST_DB=postgres}).
 * The PostgreSQL server is {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres} unless
 * {@code profkom.test.postgres.url}, {@code .user} and {@code .password} say otherwise. The schema is
 * dropped when the context closes. Also points {@code spring.mail} at the shared {@link TestMail} server.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SELECTOR = "profkom.test.db";

    public static boolean postgres() {
        String selected = System.getProperty(SELECTOR, System.getenv("PROFKOM_TEST_DB"));
        return selected != null && selected.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> properties = new HashMap<>();
        if (postgres()) {
            String url = System.getProperty("profkom.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getProperty("profkom.test.postgres.user", "postgres");
            String password = System.getProperty("profkom.test.postgres.password", "");
            String schema = "profkom_test_" + unique;
            properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            properties.put("spring.datasource.username", user);
            properties.put("spring.datasource.password", password);
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.default-schema", schema);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    dropSchema(url, user, password, schema);
                }
            });
        } else {
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:profkom-" + unique
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        properties.put("spring.datasource.hikari.maximum-pool-size", "8");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put(
                "spring.mail.port", String.valueOf(TestMail.server().getSmtp().getPort()));
        properties.put("profkom.mail.poll-interval", "PT0.2S");
        properties.put("profkom.mailings.smtp-host", "127.0.0.1");
        properties.put(
                "profkom.mailings.smtp-port",
                String.valueOf(TestMail.server().getSmtp().getPort()));
        // Tracking: VERP return paths, and bounces read over IMAP from GreenMail (the job itself hourly: the
        // tests read the mailbox when they put a bounce in it).
        properties.put("profkom.mailings.bounce-address", TestMail.BOUNCE_ADDRESS);
        properties.put("profkom.mailings.bounce-imap-host", "127.0.0.1");
        properties.put(
                "profkom.mailings.bounce-imap-port",
                String.valueOf(TestMail.server().getImap().getPort()));
        properties.put("profkom.mailings.bounce-imap-user", TestMail.BOUNCE_USER);
        properties.put("profkom.mailings.bounce-imap-password", TestMail.BOUNCE_PASSWORD);
        properties.put("profkom.mailings.bounce-imap-ssl", "false");
        properties.put("profkom.mailings.bounce-imap-poll-interval", "PT1H");
        properties.put("profkom.base-url", "http://profkom.test");
        properties.put("profkom.demo.load", "false");
        // Every MockMvc request comes from 127.0.0.1: the tests of one context are many people, not one visitor
        // guessing passwords. SignInThrottleTests sets the real limit in a context of its own.
        if (!context.getEnvironment().containsProperty("profkom.sign-in.source-free-attempts")) {
            properties.put("profkom.sign-in.source-free-attempts", "1000000");
        }
        properties.put("profkom.jobs.poll-interval", "PT0.2S");
        properties.put("profkom.crosspost.telegram-url", TestChannels.baseUrl());
        properties.put("profkom.crosspost.vk-url", TestChannels.baseUrl());
        properties.put("profkom.mailing-channels.telegram-url", TestMailingPeers.baseUrl());
        properties.put("profkom.mailing-channels.vk-url", TestMailingPeers.baseUrl());
        properties.put("profkom.mailing-channels.telegram-bot-token", TestMailingPeers.BOT_TOKEN);
        properties.put("profkom.mailing-channels.telegram-bot-name", TestMailingPeers.BOT_NAME);
        // The bot's job hourly: the tests poll it themselves after they put an update in. A job polling every few
        // seconds beside them took the updates meant for a test's own poll and stored their offset (a race that a
        // loaded machine lost).
        properties.put("profkom.mailing-channels.telegram-poll-interval", "PT1H");
        properties.put("profkom.mailing-channels.vk-group-token", TestMailingPeers.VK_TOKEN);
        properties.put("profkom.mailing-channels.vk-group-id", String.valueOf(TestMailingPeers.VK_GROUP));
        try {
            properties.put(
                    "profkom.publications.index-dir",
                    java.nio.file.Files.createTempDirectory("profkom-index-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("profkom-test", properties));
    }

    private static void dropSchema(String url, String user, String password, String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
