package ru.profkom.mailings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSendLimitTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void allowsUpToThreeInAMinute() {
        assertThat(TestSendLimit.wait(List.of(), NOW)).isEmpty();
        assertThat(TestSendLimit.wait(List.of(NOW.minusSeconds(50), NOW.minusSeconds(10)), NOW))
                .isEmpty();
    }

    @Test
    void theFourthWaitsUntilTheOldestOfTheMinuteLeavesIt() {
        List<Instant> three = List.of(NOW.minusSeconds(10), NOW.minusSeconds(40), NOW.minusSeconds(20));
        assertThat(TestSendLimit.wait(three, NOW)).contains(Duration.ofSeconds(20));
    }

    @Test
    void sendsOlderThanAMinuteDoNotCount() {
        List<Instant> sends =
                List.of(NOW.minusSeconds(61), NOW.minusSeconds(60), NOW.minusSeconds(5), NOW.minusSeconds(3));
        assertThat(TestSendLimit.wait(sends, NOW)).isEmpty();
    }

    @Test
    void aWaitIsAtLeastOneSecond() {
        List<Instant> three = List.of(NOW.minusMillis(59_999), NOW.minusSeconds(1), NOW);
        assertThat(TestSendLimit.wait(three, NOW)).contains(Duration.ofSeconds(1));
    }
}
