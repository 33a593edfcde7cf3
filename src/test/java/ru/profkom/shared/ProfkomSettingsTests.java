package ru.profkom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The settings record binds every {@code profkom.*} property with its one default and refuses bad values at start. */
class ProfkomSettingsTests {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(ProfkomSettingsConfiguration.class);

    @Test
    void givesEverySettingItsDefault() {
        context.run(started -> {
            ProfkomSettings settings = started.getBean(ProfkomSettings.class);
            assertThat(settings.command()).isEmpty();
            assertThat(settings.configuredBaseUrl()).isEmpty();
            assertThat(settings.demo().load()).isFalse();
            assertThat(settings.mail().from()).isEqualTo("profkom@localhost");
            assertThat(settings.mail().pollInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.memberImport().workers()).isZero();
            assertThat(settings.memberImport().poll()).isEqualTo(Duration.ofMinutes(1));
            assertThat(settings.signIn().loginFreeAttempts()).isEqualTo(5);
            assertThat(settings.signIn().backOffMax()).isEqualTo(Duration.ofMinutes(15));
            assertThat(settings.publications().indexDir())
                    .isEqualTo(Path.of("./data/publications-index").normalize());
            assertThat(settings.publications().reminderPoll()).isEqualTo(Duration.ofHours(1));
            assertThat(settings.portal().formSecret()).isEmpty();
            assertThat(settings.portal().minFillTime()).isEqualTo(Duration.ofSeconds(3));
            assertThat(settings.crosspost().telegramUrl()).hasToString("https://api.telegram.org");
            assertThat(settings.crosspost().vkUrl()).hasToString("https://api.vk.com");
            assertThat(settings.crosspost().vkVersion()).isEqualTo("5.199");
            assertThat(settings.crosspost().pollInterval()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void bindsTheGivenValuesTheImportKeywordIncluded() {
        context.withPropertyValues(
                        "profkom.base-url=https://profkom.example.ru/",
                        "profkom.import.workers=3",
                        "profkom.sign-in.back-off-max=PT2M",
                        "profkom.mail.poll-interval=PT0.2S")
                .run(started -> {
                    ProfkomSettings settings = started.getBean(ProfkomSettings.class);
                    assertThat(settings.configuredBaseUrl()).isEqualTo("https://profkom.example.ru");
                    assertThat(settings.memberImport().workers()).isEqualTo(3);
                    assertThat(settings.signIn().backOffMax()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(settings.mail().pollInterval()).isEqualTo(Duration.ofMillis(200));
                });
    }

    @Test
    void refusesToStartWithABaseAddressThatLinksCannotBeBuiltFrom() {
        context.withPropertyValues("profkom.base-url=profkom.example.ru")
                .run(started -> assertThat(started.getStartupFailure())
                        .hasStackTraceContaining("profkom.base-url")
                        .hasStackTraceContaining("https://profkom.example.ru"));
    }

    @Test
    void refusesToStartWithANegativeNumberOfImportWorkers() {
        context.withPropertyValues("profkom.import.workers=-1")
                .run(started -> assertThat(started.getStartupFailure())
                        .hasStackTraceContaining("memberImport.workers")
                        .hasStackTraceContaining("rejected value [-1]"));
    }
}
