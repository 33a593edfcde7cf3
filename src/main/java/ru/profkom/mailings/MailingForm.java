package ru.profkom.mailings;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A mailing as its sender composes it: what it is called, whom it addresses, what it says on each chosen channel
 * (the keys of {@code texts}), and when it may go out.
 *
 * @param sendAt when to start, or null for as soon as it is scheduled
 * @param windowStart the earliest Moscow time of day to send, or null for any
 * @param windowEnd the latest Moscow time of day to send, or null for any
 */
public record MailingForm(
        String title,
        Audience audience,
        Delivery delivery,
        String subject,
        String html,
        Map<Channel, String> texts,
        Instant sendAt,
        LocalTime windowStart,
        LocalTime windowEnd) {

    public MailingForm {
        audience = audience == null ? Audience.EVERYONE : audience;
        delivery = delivery == null ? Delivery.ALL_CHANNELS : delivery;
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }

    public List<Channel> channels() {
        return texts.keySet().stream().sorted().toList();
    }
}
