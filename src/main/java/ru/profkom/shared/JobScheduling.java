package ru.profkom.shared;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The one scheduler for work that must survive a restart and run once across nodes: db-scheduler over the
 * table {@code scheduled_tasks}. A module contributes a {@link Task} bean (a {@code RecurringTask} for a
 * periodic job, a {@code OneTimeTask} it schedules through {@link SchedulerClient} with an id as its data);
 * every node runs the same tasks, and the table's optimistic lock hands each due execution to one of them.
 * A node that dies while running one stops its heartbeat, and another node takes the execution over after
 * {@code profkom.jobs.dead-after}, so a job's handler must be safe to run again for the same data.
 *
 * <p>The scheduler keeps the system's time, not the application's {@code Clock}: due times and heartbeats are
 * the nodes' shared agreement, and a clock moved for a business rule (a test running work "in ten days") must not
 * make daily jobs due or running executions look dead.
 *
 * <p>Only the web server runs jobs: a command-line process ({@code profkom.command} set) schedules through
 * the client but leaves the running to the servers.
 */
@Configuration(proxyBeanMethods = false)
class JobScheduling {

    @Bean(destroyMethod = "stop")
    Scheduler jobScheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, ProfkomSettings settings) {
        List<Task<?>> all = tasks.orderedStream().toList();
        List<RecurringTask<?>> recurring = all.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        // startTasks registers the recurring tasks itself; naming them in create too is a duplicate key.
        List<Task<?>> others =
                all.stream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
        ProfkomSettings.Jobs jobs = settings.jobs();
        return Scheduler.create(dataSource, others)
                .startTasks(recurring)
                .threads(jobs.threads())
                .pollingInterval(jobs.pollInterval())
                .heartbeatInterval(jobs.deadAfter().dividedBy(4))
                .missedHeartbeatsLimit(4)
                .registerShutdownHook()
                .build();
    }

    /** Starts the workers once the server is ready, so no job runs against a half-built context. */
    @Bean
    @ConditionalOnProperty(name = "profkom.command", havingValue = "", matchIfMissing = true)
    JobSchedulerStart jobSchedulerStart(Scheduler scheduler) {
        return new JobSchedulerStart(scheduler);
    }

    static final class JobSchedulerStart {
        private final Scheduler scheduler;

        JobSchedulerStart(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            scheduler.start();
        }
    }
}
