package ru.profkom.mailings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SendingWindowTests {

    private final SendingWindow daytime = new SendingWindow(LocalTime.of(9, 0), LocalTime.of(21, 0));

    @Test
    void sendsWithinTheMoscowWindowOnly() {
        assertThat(daytime.allows(Instant.parse("2026-12-03T06:00:00Z"))).isTrue(); // 09:00 Moscow
        assertThat(daytime.allows(Instant.parse("2026-12-03T17:59:59Z"))).isTrue(); // 20:59:59
        assertThat(daytime.allows(Instant.parse("2026-12-03T18:00:00Z"))).isFalse(); // 21:00
        assertThat(daytime.allows(Instant.parse("2026-12-03T05:59:00Z"))).isFalse(); // 08:59
    }

    @Test
    void waitsForTheNextStartOfTheWindow() {
        assertThat(daytime.nextAllowed(Instant.parse("2026-12-03T19:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-04T06:00:00Z"));
        assertThat(daytime.nextAllowed(Instant.parse("2026-12-03T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-03T06:00:00Z"));
        Instant inside = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(daytime.nextAllowed(inside)).isEqualTo(inside);
        assertThat(new SendingWindow(null, null).allows(Instant.parse("2026-12-03T23:00:00Z")))
                .isTrue();
    }
}
