package ru.profkom.statisticalreports;

import ru.profkom.shared.ProfkomException;

/**
 * Where a yearly report stands: not started → draft → submitted → accepted, or returned with a comment, which
 * makes it a draft again for the organization to correct and resubmit. Each {@code after…} method is one
 * transition: it names the status that follows or refuses the action with the reason.
 */
public enum ReportStatus {
    NOT_STARTED,
    DRAFT,
    SUBMITTED,
    ACCEPTED,
    RETURNED;

    /** The longest comment of a return. */
    public static final int MAX_COMMENT = 2000;

    /** Whether the organization may still change the report: not yet submitted, or returned to it. */
    public boolean editable() {
        return this == NOT_STARTED || this == DRAFT || this == RETURNED;
    }

    /** Submitted or accepted: the parent has it and its lines are fixed. */
    public boolean submitted() {
        return this == SUBMITTED || this == ACCEPTED;
    }

    public String messageKey() {
        return "statreport.status." + name();
    }

    /** Saving a draft; a returned report becomes a draft again. */
    public ReportStatus afterSave() {
        return switch (this) {
            case NOT_STARTED, DRAFT, RETURNED -> DRAFT;
            case SUBMITTED -> throw ProfkomException.conflict("statreport.readOnly.submitted");
            case ACCEPTED -> throw ProfkomException.conflict("statreport.readOnly.accepted");
        };
    }

    public ReportStatus afterSubmit() {
        return switch (this) {
            case NOT_STARTED, DRAFT, RETURNED -> SUBMITTED;
            case SUBMITTED -> throw ProfkomException.conflict("statreport.submit.again");
            case ACCEPTED -> throw ProfkomException.conflict("statreport.readOnly.accepted");
        };
    }

    public ReportStatus afterAccept() {
        return switch (this) {
            case SUBMITTED -> ACCEPTED;
            case ACCEPTED -> throw ProfkomException.conflict("statreport.accept.again");
            default -> throw ProfkomException.conflict("statreport.decide.notSubmitted");
        };
    }

    /** Returning needs a comment saying what to correct. */
    public ReportStatus afterReturn(String comment) {
        if (this != SUBMITTED) {
            throw ProfkomException.conflict(
                    this == ACCEPTED ? "statreport.return.accepted" : "statreport.decide.notSubmitted");
        }
        if (comment == null || comment.isBlank()) {
            throw ProfkomException.invalid("comment", "statreport.return.commentRequired");
        }
        if (comment.strip().length() > MAX_COMMENT) {
            throw ProfkomException.invalid(
                    "comment",
                    "validation.tooLong",
                    MAX_COMMENT,
                    comment.strip().length());
        }
        return RETURNED;
    }
}
