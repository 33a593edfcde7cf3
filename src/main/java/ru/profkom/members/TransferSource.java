package ru.profkom.members;

/** Where staff met the person a transfer request is about. */
public enum TransferSource {
    FORM,
    API,
    IMPORT,
    APPLICATION;

    public String messageKey() {
        return "member.transfer.source." + name();
    }
}
