package ru.profkom.mailings.channels;

import java.time.Duration;

/** What a channel's peer answered for one message. */
public sealed interface SendOutcome {

    /** Accepted by the peer; {@code providerId} is its message id (for delivery receipts), or null. */
    record Sent(String providerId) implements SendOutcome {}

    /**
     * Refused with a reason to show (Russian, no personal data). {@code permanent}: the address is unusable
     * (no such user, blocked the bot); otherwise a later retry may succeed.
     */
    record Refused(String reason, boolean permanent) implements SendOutcome {}

    /**
     * Not known whether the peer took it: the connection was lost after the message was handed over. The outbox
     * marks the row {@code UNKNOWN}, listed and never sent again silently.
     */
    record Unknown(String reason) implements SendOutcome {}

    /** The peer asked to wait (Telegram's 429 {@code retry_after}, an SMTP 4xx): not sent, to be sent again. */
    record RetryLater(Duration after, String reason) implements SendOutcome {}
}
