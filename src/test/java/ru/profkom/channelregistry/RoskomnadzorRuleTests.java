package ru.profkom.channelregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RoskomnadzorRuleTests {

    @Test
    void warnsFromNineThousandSubscribers() {
        assertThat(RoskomnadzorRule.warns(null)).isFalse();
        assertThat(RoskomnadzorRule.warns(8_999)).isFalse();
        assertThat(RoskomnadzorRule.warns(9_000)).isTrue();
        assertThat(RoskomnadzorRule.warns(250_000)).isTrue();
    }

    @Test
    void registrationIsNeededOnlyOverTenThousand() {
        assertThat(RoskomnadzorRule.mustRegister(null)).isFalse();
        assertThat(RoskomnadzorRule.mustRegister(9_500)).isFalse();
        assertThat(RoskomnadzorRule.mustRegister(10_000)).isFalse();
        assertThat(RoskomnadzorRule.mustRegister(10_001)).isTrue();
    }

    @Test
    void theDeadlineIsTenWorkingDaysLaterSkippingWeekends() {
        // Wednesday 2 December 2026: Thu, Fri, then two weeks less two days.
        assertThat(RoskomnadzorRule.registrationDeadline(LocalDate.of(2026, 12, 2)))
                .isEqualTo(LocalDate.of(2026, 12, 16));
        // Friday: two full working weeks.
        assertThat(RoskomnadzorRule.registrationDeadline(LocalDate.of(2026, 12, 4)))
                .isEqualTo(LocalDate.of(2026, 12, 18));
        // Passed on a Saturday: the count starts on Monday.
        assertThat(RoskomnadzorRule.registrationDeadline(LocalDate.of(2026, 12, 5)))
                .isEqualTo(LocalDate.of(2026, 12, 18));
    }

    @Test
    void anArchivedChannelShowsNoWarning() {
        RegisteredChannel open = channel(9_100, null);
        RegisteredChannel closed = channel(12_000, java.time.Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(open.roskomnadzorWarning()).isTrue();
        assertThat(open.mustRegister()).isFalse();
        assertThat(closed.roskomnadzorWarning()).isFalse();
        assertThat(closed.mustRegister()).isFalse();
    }

    private static RegisteredChannel channel(int subscribers, java.time.Instant archivedAt) {
        return new RegisteredChannel(
                1,
                2,
                "/1/2/",
                ChannelKind.TELEGRAM_CHANNEL,
                "https://t.me/ppo",
                "ППО",
                "@ppo",
                true,
                subscribers,
                LocalDate.of(2026, 12, 1),
                ReadStatus.OK,
                null,
                null,
                archivedAt);
    }
}
