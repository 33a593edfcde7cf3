package ru.profkom.channelregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException;

class ChannelRulesTests {

    @Test
    void derivesTheApiIdFromTheAddress() {
        assertThat(ChannelRules.derivedId(ChannelKind.TELEGRAM_CHANNEL, "https://t.me/ppo_pochta"))
                .isEqualTo("@ppo_pochta");
        assertThat(ChannelRules.derivedId(ChannelKind.TELEGRAM_CHAT, "@aktiv_chat"))
                .isEqualTo("@aktiv_chat");
        assertThat(ChannelRules.derivedId(ChannelKind.TELEGRAM_CHAT, "https://t.me/+AbCdEf123"))
                .isEmpty();
        assertThat(ChannelRules.derivedId(ChannelKind.VK_COMMUNITY, "https://vk.com/club123456"))
                .isEqualTo("123456");
        assertThat(ChannelRules.derivedId(ChannelKind.VK_COMMUNITY, "vk.com/public77"))
                .isEqualTo("77");
        assertThat(ChannelRules.derivedId(ChannelKind.VK_COMMUNITY, "https://vk.com/Profkom_Rzd"))
                .isEqualTo("profkom_rzd");
        assertThat(ChannelRules.derivedId(ChannelKind.SITE, "https://profkom.example.ru"))
                .isEmpty();
    }

    @Test
    void keepsTheGivenIdAndTrimsTheTexts() {
        ChannelForm checked = ChannelRules.check(new ChannelForm(
                ChannelKind.TELEGRAM_CHAT, "  https://t.me/+AbCdEf123 ", " Чат актива ", "-1001234567890", true));
        assertThat(checked.address()).isEqualTo("https://t.me/+AbCdEf123");
        assertThat(checked.name()).isEqualTo("Чат актива");
        assertThat(checked.apiTarget()).isEqualTo("-1001234567890");
        assertThat(ChannelRules.check(new ChannelForm(ChannelKind.SITE, "profkom.example.ru", "Сайт", "", false))
                        .apiTarget())
                .isNull();
    }

    @Test
    void reportsEveryWrongFieldTogether() {
        assertThatThrownBy(() -> ChannelRules.check(new ChannelForm(null, "не адрес", "", "bad id!", false)))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        e -> assertThat(e.problems())
                                .extracting(ProfkomException.Problem::field)
                                .containsExactlyInAnyOrder("kind", "address", "name", "apiTarget"));
    }

    @Test
    void onlyTelegramAndVkAreReadAutomaticallyAndOnlyWithAnId() {
        assertThatThrownBy(() -> ChannelRules.check(
                        new ChannelForm(ChannelKind.SITE, "https://profkom.example.ru", "Сайт", "", true)))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        e -> assertThat(e.problems())
                                .extracting(ProfkomException.Problem::messageKey)
                                .containsExactly("channels.connected.notReadable"));
        assertThatThrownBy(() -> ChannelRules.check(
                        new ChannelForm(ChannelKind.TELEGRAM_CHAT, "https://t.me/+AbCdEf123", "Чат", "", true)))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        e -> assertThat(e.problems())
                                .extracting(ProfkomException.Problem::field, ProfkomException.Problem::messageKey)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                        "apiTarget", "channels.apiTarget.required")));
    }

    @Test
    void aCountIsAWholeNumberFromZeroToAHundredMillion() {
        ChannelRules.checkCount(0);
        ChannelRules.checkCount(ChannelRules.MAX_SUBSCRIBERS);
        for (Integer wrong : new Integer[] {null, -1, ChannelRules.MAX_SUBSCRIBERS + 1}) {
            assertThatThrownBy(() -> ChannelRules.checkCount(wrong))
                    .isInstanceOfSatisfying(
                            ProfkomException.class,
                            e -> assertThat(e.problems())
                                    .extracting(ProfkomException.Problem::field)
                                    .containsExactly("subscribers"));
        }
    }
}
