package ru.profkom.mailings;

import java.util.List;

/**
 * How the chosen channels are used: every one a person is reachable on, or only the first of them in the order
 * of {@link #FALLBACK} (Telegram, else VK, else e-mail, else SMS: the free and read channels before the paid one).
 */
public enum Delivery {
    ALL_CHANNELS,
    FIRST_AVAILABLE;

    public static final List<Channel> FALLBACK = List.of(Channel.TELEGRAM, Channel.VK, Channel.EMAIL, Channel.SMS);

    public String messageKey() {
        return "mailing.delivery." + name();
    }
}
