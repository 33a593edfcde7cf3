package ru.profkom.mailings.channels;

import java.util.List;
import java.util.Map;
import ru.profkom.mailings.Channel;

/**
 * One personalised message for one person on one channel, as the outbox row {@code outboxId} holds it.
 *
 * @param address the channel's address: an e-mail address, a Telegram chat id, a VK user id, a phone in +7 form
 * @param subject the e-mail subject; ignored by the other channels
 * @param text the plain text (the only body of SMS, Telegram and VK)
 * @param html the HTML body of an e-mail, or null for text only
 * @param headers extra e-mail headers (List-Unsubscribe, List-Unsubscribe-Post); empty for the other channels
 * @param returnPath the envelope sender of an e-mail (VERP: one per row, so a bounce names the row), or null
 */
public record OutgoingMessage(
        long outboxId,
        Channel channel,
        String address,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        Map<String, String> headers,
        String returnPath) {

    public OutgoingMessage {
        attachments = List.copyOf(attachments);
        headers = Map.copyOf(headers);
    }

    /** The same message marked, e.g. «[Проверка] »: an e-mail's subject, or the text of the other channels. */
    public OutgoingMessage prefixed(String prefix) {
        boolean email = channel == Channel.EMAIL;
        return new OutgoingMessage(
                outboxId,
                channel,
                address,
                email ? prefix + (subject == null ? "" : subject) : subject,
                email ? text : prefix + (text == null ? "" : text),
                html,
                attachments,
                headers,
                returnPath);
    }

    /** A file sent with an e-mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {}
}
