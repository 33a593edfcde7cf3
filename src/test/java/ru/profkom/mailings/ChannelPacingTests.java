package ru.profkom.mailings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomSettings;

class ChannelPacingTests {

    private static final ProfkomSettings.Mailings SETTINGS = new ProfkomSettings.Mailings(
            "localhost",
            25,
            "",
            "",
            false,
            2,
            Duration.ofSeconds(30),
            "profkom@localhost",
            1024,
            LocalTime.of(9, 0),
            LocalTime.of(21, 0),
            500,
            0,
            1500,
            1000,
            600,
            "",
            "",
            "",
            993,
            "",
            "",
            true,
            "INBOX",
            Duration.ofMinutes(5),
            "",
            "",
            "");

    private static final Instant STARTED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void waitsAsLongAsTheSlowestChannelOfTheBatchNeeds() {
        Instant now = STARTED.plusSeconds(2);
        // 300 SMS at 600 a minute take 30 s; 500 Telegram messages at 1,500 a minute take 20 s
        assertThat(ChannelPacing.nextRun(STARTED, now, Map.of(Channel.SMS, 300, Channel.TELEGRAM, 500), SETTINGS))
                .isEqualTo(STARTED.plusSeconds(30));
    }

    @Test
    void runsAgainAtOnceForAChannelWithoutALimitOrWhenTheBatchTookLonger() {
        Instant now = STARTED.plusSeconds(2);
        assertThat(ChannelPacing.nextRun(STARTED, now, Map.of(Channel.EMAIL, 500), SETTINGS))
                .isEqualTo(now);
        Instant late = STARTED.plusSeconds(90);
        assertThat(ChannelPacing.nextRun(STARTED, late, Map.of(Channel.SMS, 300), SETTINGS))
                .isEqualTo(late);
    }
}
