package ru.profkom.channelregistry;

/**
 * Which channels a list shows: of the organization alone or its whole subtree, of a kind, matching a text in the
 * name or address, with the archived ones or not, only those with the Roskomnadzor warning.
 */
public record ChannelFilter(boolean subtree, ChannelKind kind, String query, boolean archived, boolean warningOnly) {

    public static final ChannelFilter OWN = new ChannelFilter(false, null, "", false, false);

    public ChannelFilter {
        query = query == null ? "" : query.strip();
    }
}
