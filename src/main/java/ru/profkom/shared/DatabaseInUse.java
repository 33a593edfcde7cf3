package ru.profkom.shared;

import java.sql.SQLException;
import java.util.Optional;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a start that failed because the embedded H2 database is open in another process (the web
 * server, usually, while a command runs): one Russian sentence instead of Spring's stack trace. A
 * command then ends with exit code 2, as for any cause the user can remove (README). Registered in
 * {@code META-INF/spring.factories}, ahead of Spring's own failure analyzers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class DatabaseInUse implements SpringBootExceptionReporter {

    /** H2's code for "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final String url;

    public DatabaseInUse(ConfigurableApplicationContext context) {
        this.url = context.getEnvironment().getProperty("spring.datasource.url", "");
    }

    @Override
    public boolean reportException(Throwable failure) {
        if (!causedBy(failure)) {
            return false;
        }
        System.err.println(sentence(url));
        return true;
    }

    /** True when the failure, or one of its causes, is H2 refusing a database open elsewhere. */
    public static boolean causedBy(Throwable failure) {
        return cause(failure).isPresent();
    }

    static String sentence(String url) {
        String file = url.startsWith("jdbc:h2:file:")
                ? url.substring("jdbc:h2:file:".length()).split(";")[0]
                : url;
        return "База данных H2 «" + file + "» открыта другим процессом — скорее всего, запущен веб-сервер Profkom."
                + " Остановите его и повторите команду или укажите базу PostgreSQL (--db jdbc:postgresql://…).";
    }

    private static Optional<SQLException> cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return Optional.of(sql);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
