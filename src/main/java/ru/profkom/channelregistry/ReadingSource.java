package ru.profkom.channelregistry;

/** Where a subscriber count came from. */
public enum ReadingSource {
    API,
    HAND;

    public String messageKey() {
        return "channels.source." + name();
    }
}
