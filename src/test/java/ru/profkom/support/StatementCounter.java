package ru.profkom.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SQL statements jOOQ executes on the calling thread while {@link #record} runs: a guard against pages and
 * services whose statements grow with their rows (N+1). MockMvc serves a request on the test's thread, so a
 * request's statements are all counted; other threads' are not.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    @Bean
    ExecuteListenerProvider statementCountingListener() {
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                List<String> statements = RECORDING.get();
                if (statements != null) {
                    statements.add(context.sql());
                }
            }
        });
    }

    /** The statements executed by {@code action}, in order. */
    public static List<String> record(Callable<?> action) throws Exception {
        List<String> outer = RECORDING.get();
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            action.call();
        } finally {
            RECORDING.set(outer);
        }
        return statements;
    }
}
