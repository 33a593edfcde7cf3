package ru.profkom.settings;

import java.time.Instant;

/**
 * The public address as the settings page shows it: the one in use and where it comes from, the one set on the
 * page (with who set it and when), the one in the configuration ({@code profkom.base-url}) and this server's own.
 */
public record PublicAddressSetting(
        String effective,
        Source source,
        String stored,
        Instant storedAt,
        String storedBy,
        String configured,
        String server) {

    /** Where the address in use comes from, first one set wins. */
    public enum Source {
        SETTINGS_PAGE,
        CONFIGURATION,
        SERVER_PORT;

        public String messageKey() {
            return "settings.publicAddress.source." + name();
        }
    }
}
