package ru.profkom.crossposting;

/** Where an organization cross-posts. */
public enum ChannelKind {
    TELEGRAM,
    VK;

    public String messageKey() {
        return "crosspost.kind." + name();
    }
}
