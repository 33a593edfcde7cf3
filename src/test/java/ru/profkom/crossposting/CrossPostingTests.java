package ru.profkom.crossposting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.publications.PublicationEvents.PublicationPublished;
import ru.profkom.shared.Actor;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Role;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.WorkItem;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestChannels;
import ru.profkom.support.TestClock;

/**
 * Cross-posting against local HTTP servers that answer like the Telegram Bot API and VK's
 * {@code wall.post}: the first call fails, the retry after the backoff succeeds.
 */
@ProfkomIntegrationTest
class CrossPostingTests {

    private static final String TELEGRAM_TOKEN = "123456:SECRET-telegram-token_abcd";
    private static final String VK_TOKEN = "vk1.a.SECRETvkTOKEN.wxyz";

    @Autowired
    CrossPosting crossPosting;

    @Autowired
    CrossPostOutbox outbox;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    TestClock clock;

    @Autowired
    CrossPostTasks tasks;

    HttpServer server;
    final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
    final AtomicInteger telegramFailures = new AtomicInteger();
    final AtomicInteger vkFailures = new AtomicInteger();

    @BeforeEach
    void answerAsTelegramAndVk() {
        server = TestChannels.server();
        server.createContext("/bot", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add("TG " + exchange.getRequestURI().getPath() + " " + decode(body));
            String answer = telegramFailures.getAndDecrement() > 0
                    ? "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry later\"}"
                    : "{\"ok\":true,\"result\":{\"message_id\":7}}";
            reply(exchange, answer);
        });
        server.createContext("/method/wall.post", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add("VK " + decode(body));
            String answer = vkFailures.getAndDecrement() > 0
                    ? "{\"error\":{\"error_code\":5,\"error_msg\":\"User authorization failed\"}}"
                    : "{\"response\":{\"post_id\":42}}";
            reply(exchange, answer);
        });
    }

    @AfterEach
    void stopAnswering() {
        server.removeContext("/bot");
        server.removeContext("/method/wall.post");
    }

    @Test
    void postsAPublicationToTelegramAndVkRetryingAFailureAfterTheBackoff() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО почтамта");
        actors.run(Fixture.INFO_WORKER_A1, () -> {
            crossPosting.connect(primary, new ChannelForm(ChannelKind.TELEGRAM, "@ppo_pochtamt", TELEGRAM_TOKEN, true));
            crossPosting.connect(primary, new ChannelForm(ChannelKind.VK, "-12345", VK_TOKEN, true));
        });
        telegramFailures.set(1);
        vkFailures.set(0);

        outbox.on(new PublicationPublished(
                primary,
                "/",
                9001L,
                "Итоги конференции",
                "Коротко о главном",
                "Текст",
                List.of("/images/5"),
                "/publications/9001",
                Actor.SYSTEM));
        deliveries(primary, 2);
        // The listener runs after the commit, asynchronously: wait for the outbox rows.
        deliveries(primary, 2);
        outbox.dispatchDue();

        List<Delivery> afterFirst = deliveries(primary);
        assertThat(afterFirst)
                .extracting(Delivery::kind)
                .containsExactlyInAnyOrder(ChannelKind.TELEGRAM, ChannelKind.VK);
        Delivery telegram = of(afterFirst, ChannelKind.TELEGRAM);
        assertThat(telegram.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(telegram.attempts()).isEqualTo(1);
        assertThat(telegram.lastError()).contains("429", "Too Many Requests").doesNotContain("SECRET");
        assertThat(of(afterFirst, ChannelKind.VK).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(calls)
                .anySatisfy(call -> assertThat(call)
                        .startsWith("TG /bot" + TELEGRAM_TOKEN + "/sendPhoto")
                        .contains("chat_id=@ppo_pochtamt", "photo=http", "/images/5", "Итоги конференции"));
        assertThat(calls)
                .anySatisfy(call -> assertThat(call)
                        .startsWith("VK ")
                        .contains("owner_id=-12345", "from_group=1", "access_token=" + VK_TOKEN, "Итоги конференции"));

        // Not due yet: nothing is sent again before the backoff.
        int before = calls.size();
        outbox.dispatchDue();
        assertThat(calls).hasSize(before);

        clock.shiftedBy(CrossPostOutbox.backoff(1).plusSeconds(1), () -> {
            outbox.dispatchDue();
            return null;
        });
        Delivery retried = of(deliveries(primary), ChannelKind.TELEGRAM);
        assertThat(retried.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.lastError()).isNull();
    }

    @Test
    void givesUpAfterTheLastAttemptAndShowsTheReason() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО вокзала");
        actors.run(
                Fixture.ADMIN_A,
                () -> crossPosting.connect(primary, new ChannelForm(ChannelKind.VK, "-777", VK_TOKEN, true)));
        vkFailures.set(100);

        outbox.on(new PublicationPublished(
                primary, "/", 9002L, "Новость", null, null, List.of(), "/publications/9002", Actor.SYSTEM));
        deliveries(primary, 1);
        for (int attempt = 1; attempt <= CrossPosting.MAX_ATTEMPTS; attempt++) {
            clock.shiftedBy(Duration.ofDays(attempt), () -> {
                outbox.dispatchDue();
                return null;
            });
        }

        Delivery delivery = of(deliveries(primary), ChannelKind.VK);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(CrossPosting.MAX_ATTEMPTS);
        assertThat(delivery.lastError()).contains("User authorization failed");
    }

    @Test
    void aGivenUpCrossPostIsATaskForTheOrganizationsStaffOnly() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО порта");
        String chair = fixture.account(primary, Role.CHAIR);
        String sibling = fixture.account(fixture.primaryA1(), Role.CHAIR);
        actors.run(
                Fixture.ADMIN_A,
                () -> crossPosting.connect(primary, new ChannelForm(ChannelKind.VK, "-778", VK_TOKEN, true)));
        vkFailures.set(100);
        outbox.on(new PublicationPublished(
                primary, "/", 9003L, "Собрание в порту", null, null, List.of(), "/publications/9003", Actor.SYSTEM));
        deliveries(primary, 1);
        assertThat(failedTasks(chair, primary)).isEmpty();
        for (int attempt = 1; attempt <= CrossPosting.MAX_ATTEMPTS; attempt++) {
            clock.shiftedBy(Duration.ofDays(attempt), () -> {
                outbox.dispatchDue();
                return null;
            });
        }

        List<WorkItem> seen =
                clock.shiftedBy(Duration.ofDays(CrossPosting.MAX_ATTEMPTS), () -> failedTasks(chair, primary));
        assertThat(seen).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("FAILED_CROSSPOST");
            assertThat(item.title()).isEqualTo("Собрание в порту — Сообщество ВКонтакте");
            assertThat(item.organizationId()).isEqualTo(primary);
            assertThat(item.link()).isEqualTo("/orgs/" + primary + "/site/channels");
        });
        // Another organization's chair, another region's administrator and a member see none of it.
        assertThat(failedTasks(sibling, primary)).isEmpty();
        assertThat(failedTasks(Fixture.ADMIN_B, primary)).isEmpty();
        assertThat(failedTasks(Fixture.MEMBER_A1, primary)).isEmpty();
        // Two weeks after the last attempt it is no longer news.
        assertThat(clock.shiftedBy(
                        Duration.ofDays(CrossPosting.MAX_ATTEMPTS)
                                .plus(CrossPostTasks.SHOWN_FOR)
                                .plusDays(1),
                        () -> failedTasks(chair, primary)))
                .isEmpty();
    }

    private List<WorkItem> failedTasks(String login, long organizationId) {
        return actors.as(
                login,
                () -> tasks.tasks(
                        new TaskScope(List.of(organizationId), clock.instant(), java.time.LocalDate.now(clock), 20)));
    }

    @Test
    void showsTokensOnlyAsTheirLastCharactersAndOnlyToTheOrganizationsStaff() {
        long primary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО депо");
        actors.run(
                Fixture.ADMIN_A,
                () -> crossPosting.connect(
                        primary, new ChannelForm(ChannelKind.TELEGRAM, "@depo", TELEGRAM_TOKEN, true)));
        // A blank token keeps the stored one.
        actors.run(
                Fixture.ADMIN_A,
                () -> crossPosting.connect(primary, new ChannelForm(ChannelKind.TELEGRAM, "@depo2", "", true)));

        List<Channel> channels = actors.as(Fixture.ADMIN_A, () -> crossPosting.channels(primary));
        assertThat(channels).singleElement().satisfies(channel -> {
            assertThat(channel.target()).isEqualTo("@depo2");
            assertThat(channel.maskedToken()).isEqualTo("…abcd");
            assertThat(channel.toString()).doesNotContain("SECRET");
        });
        assertThatThrownBy(() -> actors.as(Fixture.ADMIN_B, () -> crossPosting.channels(primary)))
                .isInstanceOfSatisfying(
                        ProfkomException.class, e -> assertThat(e.kind()).isEqualTo(ProfkomException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> actors.as(Fixture.MEMBER_A1, () -> crossPosting.channels(fixture.primaryA1())))
                .isInstanceOfSatisfying(
                        ProfkomException.class, e -> assertThat(e.kind()).isEqualTo(ProfkomException.Kind.FORBIDDEN));
    }

    private List<Delivery> deliveries(long organizationId) {
        return deliveries(organizationId, 1);
    }

    private List<Delivery> deliveries(long organizationId, int atLeast) {
        return await().atMost(Patience.AFTER_COMMIT)
                .until(
                        () -> actors.as(Fixture.ADMIN_A, () -> crossPosting.deliveries(organizationId, 10)),
                        list -> list.size() >= atLeast);
    }

    private static Delivery of(List<Delivery> deliveries, ChannelKind kind) {
        return deliveries.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    private static String decode(String form) {
        return java.util.Arrays.stream(form.split("&"))
                .map(pair -> URLDecoder.decode(pair, StandardCharsets.UTF_8))
                .collect(Collectors.joining(" "));
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
