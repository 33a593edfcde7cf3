package ru.profkom.mailings;

import ru.profkom.shared.Actor;

/** What happened to a member's channel links: the audit records them as changes of personal data. */
public final class MailingChannelEvents {

    private MailingChannelEvents() {}

    /** A Telegram chat or a VK user was linked to the person (the address itself is not repeated here). */
    public record ChannelLinked(long personId, Channel channel, Actor actor) {}

    /**
     * The link was removed: by the member (cabinet, {@code /stop}) or because the peer refused the address for
     * good (the member blocked the bot).
     */
    public record ChannelUnlinked(long personId, Channel channel, String reason, Actor actor) {}
}
