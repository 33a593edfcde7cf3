package ru.profkom.mailings.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacingTests {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final Pacing pacing = new Pacing(now::get, 25, Duration.ofSeconds(1));

    @Test
    void spacesCallsToDifferentChatsAt25ASecond() {
        assertThat(pacing.reserve("a")).isEqualTo(Duration.ZERO);
        assertThat(pacing.reserve("b")).isEqualTo(Duration.ofMillis(40));
        assertThat(pacing.reserve("c")).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void givesOneChatOneMessageASecond() {
        assertThat(pacing.reserve("a")).isEqualTo(Duration.ZERO);
        now.addAndGet(Duration.ofMillis(400).toNanos());
        assertThat(pacing.reserve("b")).as("another chat waits for nobody").isEqualTo(Duration.ZERO);
        assertThat(pacing.reserve("a"))
                .as("the same chat a second after its last")
                .isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void queuesCallsInTheOrderReservedForASenderThatWaitsEachSlot() {
        pacing.reserve("a");
        assertThat(pacing.reserve("a")).isEqualTo(Duration.ofSeconds(1));
        assertThat(pacing.reserve("b")).as("after the call reserved before it").isEqualTo(Duration.ofMillis(1040));
    }

    @Test
    void sendsAtOnceWhenTheSlotHasPassed() {
        pacing.reserve("a");
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(pacing.reserve("a")).isEqualTo(Duration.ZERO);
    }

    @Test
    void holdsEveryCallUntilThePeersWaitHasPassed() {
        pacing.holdFor(Duration.ofSeconds(7));
        assertThat(pacing.held()).isEqualTo(Duration.ofSeconds(7));
        assertThat(pacing.reserve("x")).isEqualTo(Duration.ofSeconds(7));
        now.addAndGet(Duration.ofSeconds(8).toNanos());
        assertThat(pacing.held()).isEqualTo(Duration.ZERO);
    }

    @Test
    void keepsTheRateWhenOneSecondHolds250Calls() {
        Duration last = Duration.ZERO;
        for (int i = 0; i < 250; i++) {
            last = pacing.reserve("chat" + i);
        }
        assertThat(last)
                .as("the 250th of 25 a second starts 9.96 s after the first")
                .isEqualTo(Duration.ofMillis(9960));
    }
}
