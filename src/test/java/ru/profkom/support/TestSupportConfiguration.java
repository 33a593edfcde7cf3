package ru.profkom.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
@Import({Fixture.class, Actors.class, DatabaseSnapshot.class, StatementCounter.class})
public class TestSupportConfiguration {

    @Bean
    JobProbe jobProbe() {
        return new JobProbe();
    }

    @Bean
    com.github.kagkarlsson.scheduler.task.Task<String> jobProbeTask(JobProbe probe) {
        return probe.task;
    }

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
