package ru.profkom.crossposting;

public enum DeliveryStatus {
    PENDING,
    SENT,
    /** Given up after {@link CrossPosting#MAX_ATTEMPTS} attempts. */
    FAILED;

    public String messageKey() {
        return "crosspost.status." + name();
    }
}
