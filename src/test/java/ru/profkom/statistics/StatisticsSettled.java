package ru.profkom.statistics;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.profkom.support.Patience;

/** Waits until the statistics' listeners have handled every event published so far. */
public final class StatisticsSettled {

    private StatisticsSettled() {}

    public static void await(JdbcTemplate jdbc) {
        Awaitility.await()
                .atMost(Patience.AFTER_COMMIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from event_publication where completion_date is null"
                                        + " and listener_id like '%StatisticsListener%'",
                                Long.class)
                        == 0);
    }
}
