package ru.profkom.channelregistry;

/** The outcome of the last automatic read of a connected channel, shown on it. */
public enum ReadStatus {
    OK,
    FAILED;

    public String messageKey() {
        return "channels.read." + name();
    }
}
