package ru.profkom.mailings;

import ru.profkom.shared.ProfkomException;

/**
 * Where a mailing stands: a draft is edited, then scheduled; the send job makes it sending and, once no row is
 * queued, done. Scheduled or sending mailings may be paused and resumed; anything not done may be cancelled
 * (rows already sent stay sent). Retrying the failed rows of a done mailing schedules it again.
 */
public enum MailingStatus {
    DRAFT,
    SCHEDULED,
    SENDING,
    PAUSED,
    CANCELLED,
    DONE;

    public String messageKey() {
        return "mailing.status." + name();
    }

    /** Only a draft's audience and message may change: a scheduled one has its outbox rows already. */
    public boolean editable() {
        return this == DRAFT;
    }

    /** Whether the send job should work on it now. */
    public boolean active() {
        return this == SCHEDULED || this == SENDING;
    }

    public MailingStatus afterEdit() {
        if (this != DRAFT) {
            throw ProfkomException.conflict("mailing.readOnly", name());
        }
        return DRAFT;
    }

    public MailingStatus afterSchedule() {
        if (this != DRAFT) {
            throw ProfkomException.conflict("mailing.schedule.notDraft");
        }
        return SCHEDULED;
    }

    /** The job's first batch. */
    public MailingStatus afterStart() {
        return switch (this) {
            case SCHEDULED, SENDING -> SENDING;
            default -> throw ProfkomException.conflict("mailing.start.notScheduled");
        };
    }

    /** The job found no queued row left. */
    public MailingStatus afterFinish() {
        return switch (this) {
            case SCHEDULED, SENDING -> DONE;
            default -> throw ProfkomException.conflict("mailing.start.notScheduled");
        };
    }

    public MailingStatus afterPause() {
        return switch (this) {
            case SCHEDULED, SENDING -> PAUSED;
            case PAUSED -> throw ProfkomException.conflict("mailing.pause.again");
            default -> throw ProfkomException.conflict("mailing.pause.notActive");
        };
    }

    public MailingStatus afterResume() {
        if (this != PAUSED) {
            throw ProfkomException.conflict("mailing.resume.notPaused");
        }
        return SCHEDULED;
    }

    public MailingStatus afterCancel() {
        return switch (this) {
            case DRAFT, SCHEDULED, SENDING, PAUSED -> CANCELLED;
            case CANCELLED -> throw ProfkomException.conflict("mailing.cancel.again");
            case DONE -> throw ProfkomException.conflict("mailing.cancel.done");
        };
    }

    /** Failed or unknown rows put back in the queue: a done (or paused) mailing goes out again. */
    public MailingStatus afterResend() {
        return switch (this) {
            case DONE, SCHEDULED, SENDING -> SCHEDULED;
            case PAUSED -> PAUSED;
            case DRAFT, CANCELLED -> throw ProfkomException.conflict("mailing.resend.notSent");
        };
    }
}
