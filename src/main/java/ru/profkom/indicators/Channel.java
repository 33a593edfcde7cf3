package ru.profkom.indicators;

/** A channel of the organization (site, VK group, Telegram channel, ...) with its subscribers in a month. */
public record Channel(long id, long organizationId, Kind kind, String address, int subscribers) {

    public enum Kind {
        SITE,
        VK,
        TELEGRAM,
        OK,
        MAX,
        YOUTUBE,
        OTHER;

        public String messageKey() {
            return "indicator.channel.kind." + name();
        }

        public boolean social() {
            return this != SITE && this != OTHER;
        }
    }
}
