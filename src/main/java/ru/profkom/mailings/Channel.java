package ru.profkom.mailings;

/** A way to reach a member. Each has its own adapter, consent purpose and address in the registry or a link. */
public enum Channel {
    EMAIL,
    TELEGRAM,
    VK,
    SMS;

    public String messageKey() {
        return "mailing.channel." + name();
    }
}
