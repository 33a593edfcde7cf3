package ru.profkom.channelregistry;

import ru.profkom.shared.Actor;

/** What staff changed in the channel registry; the audit log records each. Automatic reads are not events. */
public final class ChannelRegistryEvents {

    private ChannelRegistryEvents() {}

    public record ChannelRegistered(
            long channelId, long organizationId, String path, String description, Actor actor) {}

    /** {@code description} names the fields changed, old → new. */
    public record ChannelChanged(long channelId, long organizationId, String path, String description, Actor actor) {}

    public record ChannelArchived(long channelId, long organizationId, String path, String description, Actor actor) {}

    public record ChannelRestored(long channelId, long organizationId, String path, String description, Actor actor) {}

    /** A count typed by hand for a day. */
    public record SubscribersEntered(
            long channelId, long organizationId, String path, String description, Actor actor) {}
}
