package ru.profkom.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.Urgency;
import ru.profkom.shared.WorkItem;

class WorkOrderTests {

    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final TaskScope SCOPE = new TaskScope(List.of(1L), NOW, TODAY, 20);

    @Test
    void aPassedDeadlineIsOverdueAWeekAheadUrgentLaterNormal() {
        assertThat(Urgency.ofDeadline(TODAY.minusDays(1), TODAY)).isEqualTo(Urgency.OVERDUE);
        assertThat(Urgency.ofDeadline(TODAY, TODAY)).isEqualTo(Urgency.URGENT);
        assertThat(Urgency.ofDeadline(TODAY.plusDays(7), TODAY)).isEqualTo(Urgency.URGENT);
        assertThat(Urgency.ofDeadline(TODAY.plusDays(8), TODAY)).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void somebodyWaitingMoreThanThreeDaysIsUrgent() {
        assertThat(Urgency.ofWaiting(NOW.minusSeconds(3 * 86400 + 1), NOW)).isEqualTo(Urgency.URGENT);
        assertThat(Urgency.ofWaiting(NOW.minusSeconds(3 * 86400), NOW)).isEqualTo(Urgency.NORMAL);
        assertThat(Urgency.ofWaiting(NOW.minusSeconds(3600), NOW)).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void listsOverdueThenUrgentThenNearestDeadlineThenNewest() {
        WorkItem freshApplication =
                WorkItem.waiting("JOIN_APPLICATION", 1, "a", 1, "o", NOW.minusSeconds(60), "/", SCOPE);
        WorkItem olderApplication =
                WorkItem.waiting("JOIN_APPLICATION", 2, "b", 1, "o", NOW.minusSeconds(3600), "/", SCOPE);
        WorkItem staleApplication =
                WorkItem.waiting("JOIN_APPLICATION", 3, "c", 1, "o", NOW.minusSeconds(5 * 86400), "/", SCOPE);
        WorkItem overdueReport = WorkItem.due(
                "REPORT_DUE", "1", "2025", 1, "o", NOW.minusSeconds(86400 * 300), TODAY.minusDays(2), "/", SCOPE);
        WorkItem dueTomorrow = WorkItem.due(
                "UNOPENED_PACKAGE", "1", "p", 1, "o", NOW.minusSeconds(86400), TODAY.plusDays(1), "/", SCOPE);
        WorkItem dueInFiveDays =
                WorkItem.due("UNOPENED_PACKAGE", "2", "q", 1, "o", NOW.minusSeconds(10), TODAY.plusDays(5), "/", SCOPE);
        WorkItem dueLater = WorkItem.due(
                "UNOPENED_PACKAGE", "3", "r", 1, "o", NOW.minusSeconds(10), TODAY.plusDays(30), "/", SCOPE);
        WorkItem feedback = WorkItem.notice("FEEDBACK", 1, "f", 1, "o", NOW.minusSeconds(30), "/");

        List<WorkItem> items = new ArrayList<>(List.of(
                feedback,
                dueLater,
                olderApplication,
                dueInFiveDays,
                freshApplication,
                staleApplication,
                dueTomorrow,
                overdueReport));
        items.sort(WorkOrder.MOST_URGENT_FIRST);

        assertThat(items)
                .containsExactly(
                        overdueReport,
                        dueTomorrow,
                        dueInFiveDays,
                        staleApplication,
                        dueLater,
                        feedback,
                        freshApplication,
                        olderApplication);
    }

    @Test
    void aKeyNamesTheKindSoTwoModulesNeverCollide() {
        assertThat(WorkItem.waiting("JOIN_APPLICATION", 7, "a", 1, "o", NOW, "/", SCOPE)
                        .key())
                .isEqualTo("JOIN_APPLICATION:7");
        assertThat(WorkItem.notice("FEEDBACK", 7, "a", 1, "o", NOW, "/").key()).isEqualTo("FEEDBACK:7");
    }
}
