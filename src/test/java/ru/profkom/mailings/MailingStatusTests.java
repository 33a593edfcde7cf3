package ru.profkom.mailings;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException.Kind;

class MailingStatusTests {

    @Test
    void goesFromDraftThroughScheduledAndSendingToDone() {
        MailingStatus scheduled = MailingStatus.DRAFT.afterSchedule();
        assertThat(scheduled).isEqualTo(MailingStatus.SCHEDULED);
        MailingStatus sending = scheduled.afterStart();
        assertThat(sending).isEqualTo(MailingStatus.SENDING);
        assertThat(sending.afterStart()).isEqualTo(MailingStatus.SENDING);
        assertThat(sending.afterFinish()).isEqualTo(MailingStatus.DONE);
    }

    @Test
    void editsOnlyADraft() {
        assertThat(MailingStatus.DRAFT.afterEdit()).isEqualTo(MailingStatus.DRAFT);
        for (MailingStatus status : MailingStatus.values()) {
            assertThat(status.editable()).isEqualTo(status == MailingStatus.DRAFT);
            if (status != MailingStatus.DRAFT) {
                assertRefused(Kind.CONFLICT, "mailing.readOnly", status::afterEdit);
                assertRefused(Kind.CONFLICT, "mailing.schedule.notDraft", status::afterSchedule);
            }
        }
    }

    @Test
    void pausesAndResumesAnActiveMailing() {
        assertThat(MailingStatus.SENDING.afterPause()).isEqualTo(MailingStatus.PAUSED);
        assertThat(MailingStatus.SCHEDULED.afterPause()).isEqualTo(MailingStatus.PAUSED);
        assertThat(MailingStatus.PAUSED.afterResume()).isEqualTo(MailingStatus.SCHEDULED);
        assertThat(MailingStatus.PAUSED.active()).isFalse();
        assertRefused(Kind.CONFLICT, "mailing.pause.again", MailingStatus.PAUSED::afterPause);
        assertRefused(Kind.CONFLICT, "mailing.pause.notActive", MailingStatus.DRAFT::afterPause);
        assertRefused(Kind.CONFLICT, "mailing.pause.notActive", MailingStatus.DONE::afterPause);
        assertRefused(Kind.CONFLICT, "mailing.resume.notPaused", MailingStatus.SENDING::afterResume);
        assertRefused(Kind.CONFLICT, "mailing.start.notScheduled", MailingStatus.PAUSED::afterStart);
    }

    @Test
    void cancelsAnythingNotDone() {
        for (MailingStatus status : new MailingStatus[] {
            MailingStatus.DRAFT, MailingStatus.SCHEDULED, MailingStatus.SENDING, MailingStatus.PAUSED
        }) {
            assertThat(status.afterCancel()).isEqualTo(MailingStatus.CANCELLED);
        }
        assertRefused(Kind.CONFLICT, "mailing.cancel.again", MailingStatus.CANCELLED::afterCancel);
        assertRefused(Kind.CONFLICT, "mailing.cancel.done", MailingStatus.DONE::afterCancel);
        assertRefused(Kind.CONFLICT, "mailing.start.notScheduled", MailingStatus.CANCELLED::afterStart);
    }

    @Test
    void retryingFailedRowsSchedulesADoneMailingAgain() {
        assertThat(MailingStatus.DONE.afterResend()).isEqualTo(MailingStatus.SCHEDULED);
        assertThat(MailingStatus.PAUSED.afterResend()).isEqualTo(MailingStatus.PAUSED);
        assertRefused(Kind.CONFLICT, "mailing.resend.notSent", MailingStatus.DRAFT::afterResend);
        assertRefused(Kind.CONFLICT, "mailing.resend.notSent", MailingStatus.CANCELLED::afterResend);
    }
}
