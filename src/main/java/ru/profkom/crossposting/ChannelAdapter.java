package ru.profkom.crossposting;

/** Sends a post to one kind of network; throws {@link DeliveryException} with a readable reason on failure. */
interface ChannelAdapter {

    ChannelKind kind();

    void send(String target, String token, Post post) throws DeliveryException;

    /** A refusal with a text that names no token. */
    final class DeliveryException extends Exception {
        DeliveryException(String message) {
            super(message);
        }
    }
}
