package ru.profkom.mailings;

import ru.profkom.shared.ProfkomException;

/**
 * Where one outbox row (one mailing × person × channel) stands. A run claims a {@code QUEUED} row as
 * {@code SENDING} and commits before it hands the message to the channel, then records the outcome; a row still
 * {@code SENDING} when a later run starts belonged to a run that died, and becomes {@code UNKNOWN}: it may or may
 * not have gone out, so only an operator sends it again. Each {@code after…} method is one transition.
 */
public enum OutboxStatus {
    QUEUED,
    SENDING,
    SENT,
    FAILED,
    UNKNOWN;

    public String messageKey() {
        return "mailing.outbox.status." + name();
    }

    /** Whether a run has nothing more to do with the row unless an operator asks. */
    public boolean settled() {
        return this == SENT || this == FAILED || this == UNKNOWN;
    }

    /** A run takes the row to hand it to the channel. */
    public OutboxStatus afterClaim() {
        if (this != QUEUED) {
            throw ProfkomException.conflict("mailing.outbox.claim.notQueued", name());
        }
        return SENDING;
    }

    /** The channel accepted the message. */
    public OutboxStatus afterSent() {
        return fromSending(SENT);
    }

    /** The channel refused it (permanently or not): the operator may retry failed rows. */
    public OutboxStatus afterRefused() {
        return fromSending(FAILED);
    }

    /** The channel asked to wait: the row goes back to the queue, as nothing was sent. */
    public OutboxStatus afterRetryLater() {
        return fromSending(QUEUED);
    }

    /** The run that claimed the row ended without recording an outcome (a crash, a kill, an exception in the adapter). */
    public OutboxStatus afterRunDied() {
        return fromSending(UNKNOWN);
    }

    /**
     * A bounce came back for a row that went out, or whose fate was unknown (the bounce proves it went): it did
     * not reach the person.
     */
    public OutboxStatus afterBounce() {
        if (this != SENT && this != UNKNOWN) {
            throw ProfkomException.conflict("mailing.outbox.bounce.notSent", name());
        }
        return FAILED;
    }

    /** The operator retries a failed row, or explicitly resends one whose fate is unknown. */
    public OutboxStatus afterResend() {
        return switch (this) {
            case FAILED, UNKNOWN -> QUEUED;
            case SENT -> throw ProfkomException.conflict("mailing.outbox.resend.sent");
            case QUEUED, SENDING -> throw ProfkomException.conflict("mailing.outbox.resend.pending");
        };
    }

    private OutboxStatus fromSending(OutboxStatus next) {
        if (this != SENDING) {
            throw ProfkomException.conflict("mailing.outbox.outcome.notSending", name());
        }
        return next;
    }
}
