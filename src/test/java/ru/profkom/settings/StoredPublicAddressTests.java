package ru.profkom.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import profkom.schema.tables.records.InstallationSettingRecord;
import ru.profkom.shared.ProfkomSettings;

/** The order of the public address's sources, without Spring: the page's, the configured one, this server's port. */
class StoredPublicAddressTests {

    private final SettingsRepository repository = mock(SettingsRepository.class);

    @Test
    void usesThisServersPortWhenNothingIsSetNeverA_HardCoded8080() {
        when(repository.find(StoredPublicAddress.SETTING)).thenReturn(Optional.empty());
        StoredPublicAddress address = address("", 9090);

        assertThat(address.base()).isEqualTo("http://localhost:9090");
        assertThat(address.setting().source()).isEqualTo(PublicAddressSetting.Source.SERVER_PORT);
        assertThat(address.link("/card/abc")).isEqualTo("http://localhost:9090/card/abc");
    }

    @Test
    void prefersTheConfiguredAddressToTheServersOwn() {
        when(repository.find(StoredPublicAddress.SETTING)).thenReturn(Optional.empty());

        assertThat(address("https://profkom.example.ru/", 9090).base()).isEqualTo("https://profkom.example.ru");
    }

    @Test
    void prefersTheAddressSetOnTheSettingsPageToTheConfiguredOne() {
        InstallationSettingRecord stored = new InstallationSettingRecord();
        stored.setName(StoredPublicAddress.SETTING);
        stored.setSettingValue("https://profkom.union.ru");
        stored.setUpdatedAt(Instant.parse("2026-12-03T08:00:00Z"));
        stored.setUpdatedBy("admin");
        when(repository.find(StoredPublicAddress.SETTING)).thenReturn(Optional.of(stored));
        StoredPublicAddress address = address("https://profkom.example.ru", 9090);

        assertThat(address.base()).isEqualTo("https://profkom.union.ru");
        assertThat(address.setting().source()).isEqualTo(PublicAddressSetting.Source.SETTINGS_PAGE);
        assertThat(address.setting().configured()).isEqualTo("https://profkom.example.ru");
        assertThat(address.setting().server()).isEqualTo("http://localhost:9090");
    }

    /** {@code PORT=9090} reaches the server's port through application.properties' {@code server.port=${PORT:8080}}. */
    private StoredPublicAddress address(String baseUrl, int port) {
        ProfkomSettings settings = new Binder(
                        new MapConfigurationPropertySource(java.util.Map.of("profkom.base-url", baseUrl)))
                .bindOrCreate("profkom", ProfkomSettings.class);
        ServerProperties server = new ServerProperties();
        server.setPort(port);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("serverProperties", server);
        return new StoredPublicAddress(repository, settings, beans.getBeanProvider(ServerProperties.class));
    }
}
