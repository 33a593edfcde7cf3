package ru.profkom.mailings;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * What the sender composed, as the rules check it before scheduling.
 *
 * @param audienceSize how many rows the audience resolves to now, over all channels chosen
 * @param texts the plain text per channel chosen (SMS, Telegram, VK and the e-mail's text part)
 * @param html the e-mail's HTML body, or null
 * @param sendAt when to start, or null for now
 * @param windowStart the earliest Moscow time of day to send, or null for any
 * @param windowEnd the latest Moscow time of day to send ("not after 21:00"), or null for any
 * @param attachmentSizes bytes of each e-mail attachment, by file name
 */
public record MailingDraft(
        String title,
        String subject,
        Map<Channel, String> texts,
        String html,
        long audienceSize,
        Instant sendAt,
        LocalTime windowStart,
        LocalTime windowEnd,
        Map<String, Long> attachmentSizes) {

    public MailingDraft {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        attachmentSizes = attachmentSizes == null ? Map.of() : Map.copyOf(attachmentSizes);
    }

    public List<Channel> channels() {
        return texts.keySet().stream().sorted().toList();
    }
}
