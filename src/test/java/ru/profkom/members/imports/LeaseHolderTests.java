package ru.profkom.members.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseHolderTests {

    @Test
    void readsBackWhatItWritesAndIgnoresTextsOfNoHolder() {
        LeaseHolder holder = new LeaseHolder(4711, "app-1", Instant.ofEpochMilli(1_764_000_000_123L));

        assertThat(LeaseHolder.parse(holder.text())).isEqualTo(holder);
        assertThat(LeaseHolder.parse(LeaseHolder.current().text())).isEqualTo(LeaseHolder.current());
        assertThat(LeaseHolder.parse(null)).isNull();
        assertThat(LeaseHolder.parse("web-node")).isNull();
        assertThat(LeaseHolder.parse("x@host#y")).isNull();
    }

    @Test
    void thisProcessIsAliveAndAnotherHostCannotBeProvenDead() {
        LeaseHolder current = LeaseHolder.current();

        assertThat(current.provablyDead()).isFalse();
        assertThat(new LeaseHolder(current.pid(), "another-host", current.started()).provablyDead())
                .isFalse();
    }

    @Test
    void aProcessThatEndedOnThisHostIsDeadAndSoIsAFormerProcessWhoseIdThisOneReuses() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        LeaseHolder current = LeaseHolder.current();

        assertThat(new LeaseHolder(ended.pid(), current.host(), Instant.now()).provablyDead())
                .isTrue();
        // The same server restarted (in a container, pid 1 again): the id is alive, its start is not ours.
        assertThat(new LeaseHolder(
                                current.pid(),
                                current.host(),
                                current.started() == null
                                        ? null
                                        : current.started().minus(Duration.ofHours(1)))
                        .provablyDead())
                .isEqualTo(current.started() != null);
    }
}
