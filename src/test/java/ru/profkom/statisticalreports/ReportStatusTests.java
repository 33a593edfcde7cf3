package ru.profkom.statisticalreports;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException.Kind;

class ReportStatusTests {

    @Test
    void goesFromNotStartedThroughDraftToSubmittedAndAccepted() {
        ReportStatus draft = ReportStatus.NOT_STARTED.afterSave();
        assertThat(draft).isEqualTo(ReportStatus.DRAFT);
        assertThat(draft.afterSave()).isEqualTo(ReportStatus.DRAFT);
        ReportStatus submitted = draft.afterSubmit();
        assertThat(submitted).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.afterAccept()).isEqualTo(ReportStatus.ACCEPTED);
        assertThat(ReportStatus.NOT_STARTED.afterSubmit()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void makesAReturnedReportADraftAgainThatCanBeResubmitted() {
        ReportStatus returned = ReportStatus.SUBMITTED.afterReturn("Проверьте число женщин");
        assertThat(returned).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.editable()).isTrue();
        assertThat(returned.afterSave()).isEqualTo(ReportStatus.DRAFT);
        assertThat(returned.afterSubmit()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void keepsASubmittedOrAcceptedReportReadOnly() {
        assertThat(ReportStatus.SUBMITTED.editable()).isFalse();
        assertThat(ReportStatus.ACCEPTED.editable()).isFalse();
        assertRefused(Kind.CONFLICT, "statreport.readOnly.submitted", ReportStatus.SUBMITTED::afterSave);
        assertRefused(Kind.CONFLICT, "statreport.readOnly.accepted", ReportStatus.ACCEPTED::afterSave);
    }

    @Test
    void refusesSubmittingTwice() {
        assertRefused(Kind.CONFLICT, "statreport.submit.again", ReportStatus.SUBMITTED::afterSubmit);
        assertRefused(Kind.CONFLICT, "statreport.readOnly.accepted", ReportStatus.ACCEPTED::afterSubmit);
    }

    @Test
    void decidesOnlyOnASubmittedReport() {
        for (ReportStatus status :
                new ReportStatus[] {ReportStatus.NOT_STARTED, ReportStatus.DRAFT, ReportStatus.RETURNED}) {
            assertRefused(Kind.CONFLICT, "statreport.decide.notSubmitted", status::afterAccept);
            assertRefused(Kind.CONFLICT, "statreport.decide.notSubmitted", () -> status.afterReturn("Исправьте"));
        }
        assertRefused(Kind.CONFLICT, "statreport.accept.again", ReportStatus.ACCEPTED::afterAccept);
        assertRefused(Kind.CONFLICT, "statreport.return.accepted", () -> ReportStatus.ACCEPTED.afterReturn("Поздно"));
    }

    @Test
    void returnsOnlyWithAComment() {
        assertRefused(
                Kind.INVALID,
                "comment",
                "statreport.return.commentRequired",
                () -> ReportStatus.SUBMITTED.afterReturn("   "));
        assertRefused(
                Kind.INVALID,
                "comment",
                "statreport.return.commentRequired",
                () -> ReportStatus.SUBMITTED.afterReturn(null));
        assertRefused(
                Kind.INVALID,
                "comment",
                "validation.tooLong",
                () -> ReportStatus.SUBMITTED.afterReturn("ы".repeat(ReportStatus.MAX_COMMENT + 1)));
    }

    @Test
    void filtersTheNotSubmittedAsNotStartedDraftOrReturned() {
        assertThat(StatusFilter.NOT_SUBMITTED.matches(ReportStatus.NOT_STARTED)).isTrue();
        assertThat(StatusFilter.NOT_SUBMITTED.matches(ReportStatus.DRAFT)).isTrue();
        assertThat(StatusFilter.NOT_SUBMITTED.matches(ReportStatus.RETURNED)).isTrue();
        assertThat(StatusFilter.NOT_SUBMITTED.matches(ReportStatus.SUBMITTED)).isFalse();
        assertThat(StatusFilter.NOT_SUBMITTED.matches(ReportStatus.ACCEPTED)).isFalse();
        assertThat(StatusFilter.ACCEPTED.matches(ReportStatus.ACCEPTED)).isTrue();
        assertThat(StatusFilter.ACCEPTED.matches(ReportStatus.SUBMITTED)).isFalse();
        assertThat(StatusFilter.of("nonsense")).isEqualTo(StatusFilter.ALL);
        assertThat(StatusFilter.of(" RETURNED ")).isEqualTo(StatusFilter.RETURNED);
    }
}
