package ru.profkom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.util.Collections;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.support.JobProbe;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class JobSchedulingTests {

    @Autowired
    SchedulerClient jobs;

    @Autowired
    JobProbe probe;

    @Autowired
    DSLContext dsl;

    @Autowired
    Clock clock;

    @Test
    void aScheduledJobRunsOnceAndLeavesNoRowBehind() {
        String data = "run-" + System.identityHashCode(this);
        jobs.scheduleIfNotExists(probe.task.instance(data, data), clock.instant());
        // The same instance asked for twice (two nodes, a double click) is one execution.
        boolean second = jobs.scheduleIfNotExists(probe.task.instance(data, data), clock.instant());

        await().atMost(Patience.AFTER_COMMIT).until(() -> probe.executed.contains(data));
        assertThat(second).isFalse();
        await().atMost(Patience.AFTER_COMMIT)
                .until(() -> jobs.getScheduledExecution(TaskInstanceId.of("test-probe", data))
                        .isEmpty());
        assertThat(Collections.frequency(probe.executed, data)).isEqualTo(1);
        assertThat(dsl.fetchCount(
                        DSL.table("scheduled_tasks"), DSL.field("task_instance").eq(data)))
                .isZero();
    }
}
