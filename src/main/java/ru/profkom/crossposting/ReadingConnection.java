package ru.profkom.crossposting;

/**
 * An organization's connection of a kind as a background reader needs it (the channel registry's daily count of
 * subscribers): the target and the token. Handed out to the system actor only; never shown, never logged.
 */
public record ReadingConnection(ChannelKind kind, String target, String token) {

    @Override
    public String toString() {
        return "ReadingConnection[" + kind + " " + target + " " + Channel.mask(token) + "]";
    }
}
