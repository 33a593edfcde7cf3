package ru.profkom.channelregistry;

/** What a registered channel is; the Telegram and VK ones can be read through their APIs. */
public enum ChannelKind {
    SITE,
    VK_COMMUNITY,
    TELEGRAM_CHANNEL,
    TELEGRAM_CHAT,
    OK,
    MAX,
    YOUTUBE,
    OTHER;

    public String messageKey() {
        return "channels.kind." + name();
    }

    /** Whether the daily job can read its subscribers (Telegram {@code getChatMemberCount}, VK {@code groups.getById}). */
    public boolean readable() {
        return this == VK_COMMUNITY || this == TELEGRAM_CHANNEL || this == TELEGRAM_CHAT;
    }

    public boolean telegram() {
        return this == TELEGRAM_CHANNEL || this == TELEGRAM_CHAT;
    }

    /** Parses a form's or a query's value; null for blank or unknown. */
    public static ChannelKind parse(String text) {
        if (text == null) {
            return null;
        }
        for (ChannelKind kind : values()) {
            if (kind.name().equals(text.strip())) {
                return kind;
            }
        }
        return null;
    }
}
