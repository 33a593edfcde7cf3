package ru.profkom.members;

/** Where a transfer request stands: waiting for the holding organization, then accepted or declined, for good. */
public enum TransferStatus {
    PENDING,
    ACCEPTED,
    DECLINED;

    /** Only a waiting request is decided, once. */
    public boolean canBecome(TransferStatus next) {
        return this == PENDING && (next == ACCEPTED || next == DECLINED);
    }

    public String messageKey() {
        return "member.transfer.status." + name();
    }
}
