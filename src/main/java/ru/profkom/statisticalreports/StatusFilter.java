package ru.profkom.statisticalreports;

/** Which organizations a list of reports shows; {@code NOT_SUBMITTED} is not started, draft or returned. */
public enum StatusFilter {
    ALL,
    NOT_SUBMITTED,
    NOT_STARTED,
    DRAFT,
    RETURNED,
    SUBMITTED,
    ACCEPTED;

    /** The filter named, or ALL for blank or unknown text. */
    public static StatusFilter of(String name) {
        try {
            return name == null || name.isBlank() ? ALL : valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            return ALL;
        }
    }

    public boolean matches(ReportStatus status) {
        return switch (this) {
            case ALL -> true;
            case NOT_SUBMITTED -> status.editable();
            default -> status.name().equals(name());
        };
    }

    public String messageKey() {
        return "statreport.filter." + name();
    }
}
