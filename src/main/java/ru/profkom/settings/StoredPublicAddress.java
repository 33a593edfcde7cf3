package ru.profkom.settings;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import profkom.schema.tables.records.InstallationSettingRecord;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.StaleWhileReloadCache;

/**
 * The public address from the settings page, else {@code profkom.base-url}, else this process's server port.
 * The stored one is read again at most every ten seconds, so other nodes follow a change without a restart.
 */
@Component
class StoredPublicAddress implements PublicAddress {

    static final String SETTING = "public-address";
    private static final String KEY = "";

    private final SettingsRepository repository;
    private final ProfkomSettings settings;
    private final ObjectProvider<ServerProperties> serverProperties;
    private final StaleWhileReloadCache<String, Optional<InstallationSettingRecord>> stored =
            new StaleWhileReloadCache<>(Duration.ofSeconds(10), 1);
    /** The port the web server listens on, once it does; before (and in command-line processes) the configured one. */
    private volatile Integer listeningPort;

    StoredPublicAddress(
            SettingsRepository repository,
            ProfkomSettings settings,
            ObjectProvider<ServerProperties> serverProperties) {
        this.repository = repository;
        this.settings = settings;
        this.serverProperties = serverProperties;
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            listeningPort = event.getWebServer().getPort();
        }
    }

    @Override
    public String base() {
        return setting().effective();
    }

    PublicAddressSetting setting() {
        InstallationSettingRecord record =
                stored.get(KEY, () -> repository.find(SETTING)).orElse(null);
        String configured = settings.configuredBaseUrl();
        String server = serverAddress();
        if (record != null) {
            return new PublicAddressSetting(
                    record.getSettingValue(),
                    PublicAddressSetting.Source.SETTINGS_PAGE,
                    record.getSettingValue(),
                    record.getUpdatedAt(),
                    record.getUpdatedBy(),
                    configured,
                    server);
        }
        return new PublicAddressSetting(
                configured.isEmpty() ? server : configured,
                configured.isEmpty()
                        ? PublicAddressSetting.Source.SERVER_PORT
                        : PublicAddressSetting.Source.CONFIGURATION,
                null,
                null,
                null,
                configured,
                server);
    }

    void forget() {
        stored.clear();
    }

    private String serverAddress() {
        Integer port = listeningPort;
        if (port == null) {
            ServerProperties server = serverProperties.getIfAvailable();
            port = server == null || server.getPort() == null ? 8080 : server.getPort();
        }
        return "http://localhost:" + port;
    }
}
