package ru.profkom.mailings.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.channels.SendOutcome.Refused;
import ru.profkom.mailings.channels.SendOutcome.RetryLater;
import ru.profkom.mailings.channels.SendOutcome.Sent;
import ru.profkom.shared.PublicAddress;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * The Telegram sender and the bot against WireMock answering like the Bot API, on the real database: links are
 * made by {@code /start <token>}, dropped by {@code /stop} and by a chat that blocked the bot.
 */
@ProfkomIntegrationTest
class TelegramChannelTests {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    @RegisterExtension
    static WireMockExtension telegram = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Autowired
    ChannelLinkRepository links;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    MessageSource messages;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    final AtomicLong ticker = new AtomicLong();
    final List<Duration> waits = new ArrayList<>();

    TelegramSender sender() {
        return new TelegramSender(
                ChannelSettingsForTests.http(telegram.baseUrl()),
                links,
                events,
                new Pacing(ticker::get, 25, Duration.ofSeconds(1)),
                wait -> {
                    waits.add(wait);
                    ticker.addAndGet(wait.toNanos());
                });
    }

    TelegramBot bot() {
        return new TelegramBot(
                ChannelSettingsForTests.http(telegram.baseUrl()),
                links,
                publicAddress,
                messages,
                transactions,
                events,
                clock);
    }

    @Test
    void sendsToTheChatPacedAtOneASecondPerChatAnd25ASecondOverall() {
        telegram.stubFor(post(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/sendMessage"))
                .willReturn(aResponse().withBody("{\"ok\":true,\"result\":{\"message_id\":42}}")));

        List<SendOutcome> outcomes =
                sender().send(List.of(message("100"), message("100"), message("200"), message("100")));

        assertThat(outcomes).containsOnly(new Sent("42"));
        assertThat(waits)
                .as("the same chat waits a second, another chat only the overall gap")
                .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(40), Duration.ofMillis(960));
        LoggedRequest first = telegram.findAll(
                        postRequestedFor(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/sendMessage")))
                .getFirst();
        assertThat(VkSenderTests.form(first, "chat_id")).isEqualTo("100");
        assertThat(VkSenderTests.form(first, "text")).isEqualTo("Собрание в пятницу");
    }

    @Test
    void honoursRetryAfterAndHoldsTheRestWithoutCallingTelegram() {
        telegram.stubFor(post(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/sendMessage"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withBody(
                                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                                        + "\"parameters\":{\"retry_after\":7}}")));

        List<SendOutcome> outcomes = sender().send(List.of(message("300"), message("301"), message("302")));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(RetryLater.class));
        assertThat(((RetryLater) outcomes.get(0)).after()).isEqualTo(Duration.ofSeconds(7));
        assertThat(telegram.findAll(
                        postRequestedFor(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/sendMessage"))))
                .as("one call: the storm costs no further requests")
                .hasSize(1);
    }

    @Test
    void refusesForGoodAndDropsTheLinkOfAChatThatBlockedTheBot() {
        long person = IDS.incrementAndGet();
        String chat = String.valueOf(IDS.incrementAndGet());
        transactions.executeWithoutResult(s -> links.link(person, Channel.TELEGRAM, chat, clock.instant()));
        telegram.stubFor(
                post(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/sendMessage"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withBody(
                                                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));

        List<SendOutcome> outcomes = sender().send(List.of(message(chat)));

        assertThat(outcomes.getFirst())
                .isInstanceOfSatisfying(
                        Refused.class, r -> assertThat(r.permanent()).isTrue());
        assertThat(links.linksOf(person)).doesNotContainKey(Channel.TELEGRAM);
    }

    @Test
    void linksTheChatByAOneTimeStartTokenAndRefusesItTheSecondTime() {
        long person = IDS.incrementAndGet();
        String chat = String.valueOf(IDS.incrementAndGet());
        String otherChat = String.valueOf(IDS.incrementAndGet());
        String token = "tok" + IDS.incrementAndGet();
        Instant now = clock.instant();
        transactions.executeWithoutResult(
                s -> links.insertToken(token, person, Channel.TELEGRAM, now, now.plus(Duration.ofHours(1))));
        answerSends();
        updates(update(chat, "/start " + token), update(otherChat, "/start " + token));

        assertThat(bot().poll()).isEqualTo(2);

        assertThat(links.linksOf(person)).containsEntry(Channel.TELEGRAM, chat);
        assertThat(links.personAt(Channel.TELEGRAM, otherChat)).isEmpty();
        assertThat(answerTo(chat)).contains("Telegram подключён");
        assertThat(answerTo(otherChat)).contains("Ссылка недействительна");
    }

    @Test
    void refusesAnExpiredTokenAndAnswersCardAndStop() {
        long person = IDS.incrementAndGet();
        String chat = String.valueOf(IDS.incrementAndGet());
        String stranger = String.valueOf(IDS.incrementAndGet());
        String expired = "old" + IDS.incrementAndGet();
        Instant now = clock.instant();
        transactions.executeWithoutResult(s -> {
            links.insertToken(expired, person, Channel.TELEGRAM, now.minus(Duration.ofDays(2)), now.minusSeconds(60));
            links.link(person, Channel.TELEGRAM, chat, now);
        });
        answerSends();
        updates(update(stranger, "/start " + expired), update(chat, "/card"));
        bot().poll();

        assertThat(answerTo(stranger)).contains("Ссылка недействительна");
        assertThat(links.personAt(Channel.TELEGRAM, stranger)).isEmpty();
        assertThat(answerTo(chat)).contains(publicAddress.link("/cabinet"));

        telegram.resetRequests();
        updates(update(chat, "/stop"));
        bot().poll();

        assertThat(answerTo(chat)).contains("Telegram отключён");
        assertThat(links.linksOf(person)).doesNotContainKey(Channel.TELEGRAM);
    }

    @Test
    void keepsItsOffsetSoAnUpdateIsHandledOnce() {
        long person = IDS.incrementAndGet();
        String chat = String.valueOf(IDS.incrementAndGet());
        String token = "tok" + IDS.incrementAndGet();
        Instant now = clock.instant();
        transactions.executeWithoutResult(
                s -> links.insertToken(token, person, Channel.TELEGRAM, now, now.plus(Duration.ofHours(1))));
        answerSends();
        String update = update(chat, "/start " + token);
        updates(update);
        bot().poll();
        long updateId = Long.parseLong(update.replaceAll("^\\{\"update_id\":(\\d+).*$", "$1"));

        Long next = transactions.execute(s -> links.nextUpdateId(TelegramBot.OFFSET_KEY));
        assertThat(next).isEqualTo(updateId + 1);
        telegram.resetRequests();
        updates(update);
        assertThat(bot().poll())
                .as("Telegram repeating an update it was told of")
                .isZero();
        assertThat(telegram.findAll(
                        postRequestedFor(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/getUpdates"))))
                .singleElement()
                .satisfies(r -> assertThat(VkSenderTests.form(r, "offset")).isEqualTo(String.valueOf(updateId + 1)));
    }

    private void answerSends() {
        telegram.stubFor(post(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/sendMessage"))
                .willReturn(aResponse().withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
    }

    private void updates(String... updates) {
        telegram.stubFor(post(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/getUpdates"))
                .willReturn(aResponse().withBody("{\"ok\":true,\"result\":[" + String.join(",", updates) + "]}")));
    }

    private static String update(String chat, String text) {
        return "{\"update_id\":" + IDS.incrementAndGet() + ",\"message\":{\"message_id\":1,\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"text\":\"" + text + "\"}}";
    }

    private String answerTo(String chat) {
        return telegram
                .findAll(postRequestedFor(urlEqualTo("/bot" + ChannelSettingsForTests.BOT_TOKEN + "/sendMessage"))
                        .withRequestBody(containing("chat_id=" + chat)))
                .stream()
                .map(r -> VkSenderTests.form(r, "text"))
                .reduce("", String::concat);
    }

    private static OutgoingMessage message(String chat) {
        return new OutgoingMessage(
                1, Channel.TELEGRAM, chat, null, "Собрание в пятницу", null, List.of(), Map.of(), null);
    }
}
