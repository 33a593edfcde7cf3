package ru.profkom.mailings;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException.Kind;

class OutboxStatusTests {

    @Test
    void goesFromQueuedThroughSendingToAnOutcome() {
        OutboxStatus sending = OutboxStatus.QUEUED.afterClaim();
        assertThat(sending).isEqualTo(OutboxStatus.SENDING);
        assertThat(sending.afterSent()).isEqualTo(OutboxStatus.SENT);
        assertThat(sending.afterRefused()).isEqualTo(OutboxStatus.FAILED);
        assertThat(sending.afterRetryLater()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(sending.afterRunDied()).isEqualTo(OutboxStatus.UNKNOWN);
    }

    @Test
    void claimsOnlyAQueuedRow() {
        for (OutboxStatus status : OutboxStatus.values()) {
            if (status != OutboxStatus.QUEUED) {
                assertRefused(Kind.CONFLICT, "mailing.outbox.claim.notQueued", status::afterClaim);
            }
        }
    }

    @Test
    void recordsAnOutcomeOnlyForARowBeingSent() {
        for (OutboxStatus status : OutboxStatus.values()) {
            if (status != OutboxStatus.SENDING) {
                assertRefused(Kind.CONFLICT, "mailing.outbox.outcome.notSending", status::afterSent);
                assertRefused(Kind.CONFLICT, "mailing.outbox.outcome.notSending", status::afterRefused);
                assertRefused(Kind.CONFLICT, "mailing.outbox.outcome.notSending", status::afterRetryLater);
                assertRefused(Kind.CONFLICT, "mailing.outbox.outcome.notSending", status::afterRunDied);
            }
        }
    }

    @Test
    void failsASentOrUnknownRowThatBouncedAndNoOther() {
        assertThat(OutboxStatus.SENT.afterBounce()).isEqualTo(OutboxStatus.FAILED);
        assertThat(OutboxStatus.UNKNOWN.afterBounce()).isEqualTo(OutboxStatus.FAILED);
        for (OutboxStatus status : java.util.List.of(OutboxStatus.QUEUED, OutboxStatus.SENDING, OutboxStatus.FAILED)) {
            assertRefused(Kind.CONFLICT, "mailing.outbox.bounce.notSent", status::afterBounce);
        }
    }

    @Test
    void resendsFailedAndUnknownRowsOnlyWhenAsked() {
        assertThat(OutboxStatus.FAILED.afterResend()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(OutboxStatus.UNKNOWN.afterResend()).isEqualTo(OutboxStatus.QUEUED);
        assertRefused(Kind.CONFLICT, "mailing.outbox.resend.sent", OutboxStatus.SENT::afterResend);
        assertRefused(Kind.CONFLICT, "mailing.outbox.resend.pending", OutboxStatus.QUEUED::afterResend);
        assertRefused(Kind.CONFLICT, "mailing.outbox.resend.pending", OutboxStatus.SENDING::afterResend);
    }

    @Test
    void countsOnlyOutcomesAsSettled() {
        assertThat(OutboxStatus.QUEUED.settled()).isFalse();
        assertThat(OutboxStatus.SENDING.settled()).isFalse();
        assertThat(OutboxStatus.SENT.settled()).isTrue();
        assertThat(OutboxStatus.FAILED.settled()).isTrue();
        assertThat(OutboxStatus.UNKNOWN.settled()).isTrue();
    }
}
