package ru.profkom.mailings.channels;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import ru.profkom.shared.ProfkomSettings.MailingChannels;

/** The channels' settings as a test points them at its own local peers. */
final class ChannelSettingsForTests {

    static final String BOT_TOKEN = "123456:TEST-bot-token_secret";
    static final String VK_TOKEN = "vk1.a.TESTgroupTOKEN";
    static final long VK_GROUP = 777;

    private ChannelSettingsForTests() {}

    static MailingChannels settings(String telegramUrl, String vkUrl, String smppHost, int smppPort, String password) {
        return new MailingChannels(
                BOT_TOKEN,
                "profkom_test_bot",
                URI.create(telegramUrl),
                Duration.ofSeconds(5),
                URI.create(vkUrl),
                "5.199",
                VK_TOKEN,
                VK_GROUP,
                smppHost,
                smppPort,
                "profkom",
                password,
                "PROFKOM",
                new BigDecimal("2.50"),
                Duration.ofHours(24));
    }

    static MailingChannels http(String baseUrl) {
        return settings(baseUrl, baseUrl, "", 2775, "");
    }
}
