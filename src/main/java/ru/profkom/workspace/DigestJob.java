package ru.profkom.workspace;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.profkom.shared.MoscowTime;

/**
 * The digest as a db-scheduler job ({@code shared.JobScheduling}): once a day at seven in the morning, Moscow
 * time, on one node. A run missed while every node was down happens when one starts; the digest's own record
 * keeps a repeated run from writing to anyone twice the same day.
 */
@Configuration(proxyBeanMethods = false)
class DigestJob {

    static final String NAME = "workspace-email-digest";

    /** Early enough to be read before the working day, late enough not to land at night. */
    static final LocalTime SENT_AT = LocalTime.of(7, 0);

    @Bean
    RecurringTask<Void> emailDigestTask(EmailDigests digests, Clock clock) {
        return Tasks.recurring(NAME, Schedules.daily(MoscowTime.ZONE, SENT_AT))
                .execute((instance, context) -> digests.send(MoscowTime.today(clock)));
    }
}
