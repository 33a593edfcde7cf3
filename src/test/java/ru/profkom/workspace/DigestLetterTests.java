package ru.profkom.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.Urgency;
import ru.profkom.shared.WorkItem;

class DigestLetterTests {

    private static final DigestLetter.Labels LABELS = (key, arguments) -> key + List.of(arguments);

    private static WorkItem item(String key, LocalDate deadline, Urgency urgency) {
        return new WorkItem(
                "JOIN_APPLICATION", key, "Иванова", 7, "ППО", Instant.EPOCH, deadline, urgency, "/orgs/7/site");
    }

    @Test
    void nothingNewMeansNoLetter() {
        List<WorkItem> open = List.of(item("A:1", null, Urgency.NORMAL));

        assertThat(DigestLetter.of("Анна", LocalDate.of(2031, 1, 1), open, Set.of("A:1"), LABELS, path -> path))
                .isEmpty();
        assertThat(DigestLetter.of("Анна", LocalDate.of(2031, 1, 1), List.of(), Set.of(), LABELS, path -> path))
                .isEmpty();
    }

    @Test
    void everyOpenTaskIsListedWithItsAbsoluteLinkAndTheNewOnesMarked() {
        List<WorkItem> open =
                List.of(item("A:1", LocalDate.of(2031, 3, 1), Urgency.URGENT), item("A:2", null, Urgency.NORMAL));

        DigestLetter letter = DigestLetter.of(
                        "Анна", LocalDate.of(2031, 2, 25), open, Set.of("A:2"), LABELS, path -> "https://p.ru" + path)
                .orElseThrow();

        assertThat(letter.subject()).isEqualTo("workspace.digest.mail.subject[25.02.2031, 1]");
        assertThat(letter.body())
                .contains("• workspace.digest.mail.new[] workspace.kind.JOIN_APPLICATION[]: Иванова — ППО, "
                        + "workspace.deadline[01.03.2031] (workspace.urgency.URGENT[])\n  https://p.ru/orgs/7/site")
                .contains("• workspace.kind.JOIN_APPLICATION[]: Иванова — ППО\n  https://p.ru/orgs/7/site")
                .contains("workspace.digest.mail.switchOff[https://p.ru/me]");
        assertThat(letter.body().lines().filter(line -> line.contains("mail.new")))
                .hasSize(1);
    }
}
