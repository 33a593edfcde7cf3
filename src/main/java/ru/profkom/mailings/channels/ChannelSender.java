package ru.profkom.mailings.channels;

import java.util.List;
import ru.profkom.mailings.Channel;

/**
 * Hands messages to one channel's peer. The outbox marks each row of a batch {@code SENDING} and commits before
 * it calls {@link #send}, and records every outcome afterwards; a crash in between leaves the rows for the
 * operator as {@code UNKNOWN}, never sent again silently.
 *
 * <p>An adapter paces itself to its peer's limits (it may block inside {@code send}) and turns every refusal of
 * the peer into an outcome instead of throwing: an exception is taken as "not known whether it went out" for the
 * whole batch, a {@link SendOutcome.Unknown} for its one message.
 */
public interface ChannelSender {

    Channel channel();

    /** How many messages one call of {@link #send} takes at most (VK takes up to 100 recipients a call). */
    default int maxBatch() {
        return 1;
    }

    /** One outcome per message, in the order given. */
    List<SendOutcome> send(List<OutgoingMessage> batch);
}
