package ru.profkom.channelregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.profkom.support.Refusals.assertRefused;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.crossposting.CrossPosting;
import ru.profkom.indicators.Channel;
import ru.profkom.indicators.ChannelPrefill;
import ru.profkom.indicators.Indicators;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.WorkItem;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestChannels;
import ru.profkom.support.TestClock;

/**
 * The registry on the real database, the daily read against a local HTTP server that answers like the Telegram Bot
 * API's {@code getChatMemberCount} and VK's {@code groups.getById}.
 */
@ProfkomIntegrationTest
class ChannelRegistryTests {

    private static final String TELEGRAM_TOKEN = "777000:SECRET-registry-token_abcd";
    private static final String VK_TOKEN = "vk1.a.SECRETregistryVK.wxyz";

    @Autowired
    ChannelRegistry registry;

    @Autowired
    CrossPosting crossPosting;

    @Autowired
    DailyCount.Reader reader;

    @Autowired
    ChannelTasks tasks;

    @Autowired
    ChannelPrefill prefill;

    @Autowired
    Indicators indicators;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    TestClock clock;

    @Autowired
    SchedulerClient jobs;

    HttpServer server;
    final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void answerAsTelegramAndVk() {
        server = TestChannels.server();
        server.createContext("/bot", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            calls.add("TG " + exchange.getRequestURI().getPath() + "?" + query);
            reply(
                    exchange,
                    query.equals("chat_id=@ppo_depo")
                            ? "{\"ok\":true,\"result\":9120}"
                            : "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
        });
        server.createContext("/method/groups.getById", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            calls.add("VK " + query);
            reply(
                    exchange,
                    query.contains("group_id=4242")
                            ? "{\"response\":{\"groups\":[{\"id\":4242,\"name\":\"ППО депо\",\"members_count\":1530}],"
                                    + "\"profiles\":[]}}"
                            : "{\"error\":{\"error_code\":15,\"error_msg\":\"Access denied: group is blocked\"}}");
        });
    }

    @AfterEach
    void stopAnswering() {
        server.removeContext("/bot");
        server.removeContext("/method/groups.getById");
    }

    @Test
    void readsConnectedChannelsOnceADayAndAFailedReadIsAStateOnTheChannel() {
        long depot =
                fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, Fixture.unique("ППО депо"));
        long school =
                fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, Fixture.unique("ППО школы"));
        RegisteredChannel[] channels = actors.as(Fixture.INFO_WORKER_A1, () -> {
            crossPosting.connect(
                    depot,
                    new ru.profkom.crossposting.ChannelForm(
                            ru.profkom.crossposting.ChannelKind.TELEGRAM, "@ppo_depo", TELEGRAM_TOKEN, true));
            crossPosting.connect(
                    depot,
                    new ru.profkom.crossposting.ChannelForm(
                            ru.profkom.crossposting.ChannelKind.VK, "-4242", VK_TOKEN, true));
            return new RegisteredChannel[] {
                registry.register(
                        depot, form(ChannelKind.TELEGRAM_CHANNEL, "https://t.me/ppo_depo", "Канал депо", true)),
                registry.register(depot, form(ChannelKind.VK_COMMUNITY, "https://vk.com/club4242", "ВК депо", true)),
                registry.register(
                        depot, form(ChannelKind.VK_COMMUNITY, "https://vk.com/club999", "Закрытая группа", true)),
                registry.register(depot, form(ChannelKind.TELEGRAM_CHAT, "@ppo_depo_chat", "Чат актива", true)),
                registry.register(
                        school, form(ChannelKind.TELEGRAM_CHANNEL, "https://t.me/school_ppo", "Канал школы", true)),
                registry.register(depot, form(ChannelKind.SITE, "https://depo.example.ru", "Сайт депо", false))
            };
        });

        reader.readAll();

        LocalDate today = MoscowTime.today(clock);
        RegisteredChannel telegram = read(depot, channels[0]);
        assertThat(telegram.subscribers()).isEqualTo(9_120);
        assertThat(telegram.countedOn()).isEqualTo(today);
        assertThat(telegram.readStatus()).isEqualTo(ReadStatus.OK);
        assertThat(telegram.roskomnadzorWarning()).isTrue();
        RegisteredChannel vk = read(depot, channels[1]);
        assertThat(vk.subscribers()).isEqualTo(1_530);
        assertThat(vk.readStatus()).isEqualTo(ReadStatus.OK);
        RegisteredChannel blocked = read(depot, channels[2]);
        assertThat(blocked.readStatus()).isEqualTo(ReadStatus.FAILED);
        assertThat(blocked.readError()).contains("VK: 15", "Access denied").doesNotContain("SECRET");
        assertThat(blocked.subscribers()).isNull();
        assertThat(read(depot, channels[3]).readError())
                .contains("Telegram: 400", "chat not found")
                .doesNotContain("SECRET");
        RegisteredChannel unconnected = read(school, channels[4]);
        assertThat(unconnected.readStatus()).isEqualTo(ReadStatus.FAILED);
        assertThat(unconnected.readError()).isEqualTo("нет подключения к Telegram в кросспостинге организации");
        assertThat(read(depot, channels[5]).readStatus()).isNull();
        assertThat(calls)
                .anySatisfy(call -> assertThat(call)
                        .isEqualTo("TG /bot" + TELEGRAM_TOKEN + "/getChatMemberCount?chat_id=@ppo_depo"))
                .anySatisfy(call -> assertThat(call)
                        .contains("group_id=4242", "fields=members_count", "access_token=" + VK_TOKEN, "v=5.199"))
                .noneSatisfy(call -> assertThat(call).contains("school_ppo"));
        assertThat(actors.as(Fixture.INFO_WORKER_A1, () -> registry.readings(depot, channels[0].id(), today, today)))
                .containsExactly(new ChannelReading(channels[0].id(), today, 9_120, ReadingSource.API));

        // Read again the same day: still one reading of the day.
        reader.readAll();
        assertThat(actors.as(
                        Fixture.INFO_WORKER_A1,
                        () -> registry.readings(depot, channels[0].id(), today.minusDays(1), today)))
                .hasSize(1);
    }

    @Test
    void theDailyReadIsOneRecurringJobOfTheDatabaseScheduler() {
        assertThat(jobs.getScheduledExecution(TaskInstanceId.of(DailyCount.TASK, "recurring")))
                .hasValueSatisfying(execution -> assertThat(execution.getExecutionTime())
                        .isAfter(clock.instant())
                        .isBeforeOrEqualTo(clock.instant().plus(java.time.Duration.ofDays(1))));
    }

    @Test
    void theTokenIsHandedToTheSystemOnly() {
        long depot =
                fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, Fixture.unique("ППО токен"));
        actors.run(
                Fixture.INFO_WORKER_A1,
                () -> crossPosting.connect(
                        depot,
                        new ru.profkom.crossposting.ChannelForm(
                                ru.profkom.crossposting.ChannelKind.TELEGRAM, "@ppo_token", TELEGRAM_TOKEN, true)));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.run(
                        Fixture.ADMIN_A,
                        () -> crossPosting.readingConnection(depot, ru.profkom.crossposting.ChannelKind.TELEGRAM)));
        assertThat(actors.asSystem(
                        () -> crossPosting.readingConnection(depot, ru.profkom.crossposting.ChannelKind.TELEGRAM)))
                .hasValueSatisfying(connection -> assertThat(connection.token()).isEqualTo(TELEGRAM_TOKEN));
    }

    @Test
    void aRegionListsItsSubtreesChannelsFilteredAndOthersSeeNone() {
        String name = Fixture.unique("Профком");
        long territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, name + " ТО");
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, name + " ППО");
        actors.run(Fixture.ADMIN_A, () -> {
            registry.register(territorial, form(ChannelKind.SITE, "https://to.example.ru", name + " сайт", false));
            registry.register(
                    primary,
                    form(
                            ChannelKind.VK_COMMUNITY,
                            "https://vk.com/ppo_" + Math.abs(name.hashCode()),
                            name + " ВК",
                            false));
            RegisteredChannel closed =
                    registry.register(primary, form(ChannelKind.OK, "https://ok.ru/ppo", name + " ОК", false));
            registry.archive(primary, closed.id());
        });

        actors.run(Fixture.ADMIN_A, () -> {
            assertThat(registry.channels(territorial, ChannelFilter.OWN, PageRequest.of(0, 10))
                            .items())
                    .extracting(RegisteredChannel::name)
                    .containsExactly(name + " сайт");
            assertThat(registry.channels(
                                    territorial, new ChannelFilter(true, null, "", false, false), PageRequest.of(0, 10))
                            .items())
                    .extracting(RegisteredChannel::name)
                    .containsExactly(name + " сайт", name + " ВК");
            assertThat(registry.channels(
                                    territorial, new ChannelFilter(true, null, "", true, false), PageRequest.of(0, 10))
                            .total())
                    .isEqualTo(3);
            assertThat(registry.channels(
                                    territorial,
                                    new ChannelFilter(true, ChannelKind.VK_COMMUNITY, "", false, false),
                                    PageRequest.of(0, 10))
                            .items())
                    .extracting(RegisteredChannel::name)
                    .containsExactly(name + " ВК");
            assertThat(registry.channels(
                                    territorial,
                                    new ChannelFilter(true, null, "вк", false, false),
                                    PageRequest.of(0, 10))
                            .items())
                    .extracting(RegisteredChannel::name)
                    .containsExactly(name + " ВК");
            assertThat(registry.channels(
                                    territorial, new ChannelFilter(true, null, "", false, false), PageRequest.of(1, 1))
                            .items())
                    .extracting(RegisteredChannel::name)
                    .containsExactly(name + " ВК");
        });
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.run(
                        Fixture.ADMIN_B, () -> registry.channels(primary, ChannelFilter.OWN, PageRequest.of(0, 10))));
        assertRefused(
                Kind.FORBIDDEN,
                "access.denied",
                () -> actors.run(
                        Fixture.MEMBER_A1,
                        () -> registry.channels(fixture.primaryA1(), ChannelFilter.OWN, PageRequest.of(0, 10))));
        await().atMost(Patience.AFTER_COMMIT)
                .untilAsserted(() -> assertThat(actors.as(
                                        Fixture.ADMIN_A,
                                        () -> auditLog.forSubtree(
                                                territorial,
                                                new AuditFilter("REGISTRY_CHANNEL_ARCHIVED", null, null, null),
                                                PageRequest.of(0, 10)))
                                .items())
                        .extracting(AuditEntry::details)
                        .containsExactly("OK «" + name + " ОК» https://ok.ru/ppo"));
    }

    @Test
    void handCountsMakeTheChartTheWarningTheHomeTaskAndTheIndicatorsMonth() {
        long primary =
                fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, Fixture.unique("ППО порта"));
        LocalDate today = MoscowTime.today(clock);
        LocalDate monthAgo = today.minusDays(30);
        RegisteredChannel[] channels = actors.as(Fixture.INFO_WORKER_A1, () -> {
            RegisteredChannel site =
                    registry.register(primary, form(ChannelKind.SITE, "https://port.example.ru", "Сайт", false));
            RegisteredChannel telegram = registry.register(
                    primary, form(ChannelKind.TELEGRAM_CHANNEL, "https://t.me/ppo_port", "Канал", false));
            registry.enterCount(primary, site.id(), monthAgo, 400);
            registry.enterCount(primary, telegram.id(), monthAgo.plusDays(1), 8_000);
            registry.enterCount(primary, telegram.id(), today.minusDays(2), 10_050);
            return new RegisteredChannel[] {site, telegram};
        });

        actors.run(Fixture.INFO_WORKER_A1, () -> {
            // The site counts with its only reading on every later day.
            assertThat(registry.totals(primary, monthAgo, today))
                    .containsExactly(
                            new DailyTotal(monthAgo, 400),
                            new DailyTotal(monthAgo.plusDays(1), 8_400),
                            new DailyTotal(today.minusDays(2), 10_450));
            assertThat(registry.totals(primary, today.minusDays(5), today))
                    .containsExactly(new DailyTotal(today.minusDays(2), 10_450));
            assertThat(registry.latestCounts(primary, monthAgo.plusDays(1)))
                    .extracting(LatestCount::name, LatestCount::subscribers)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("Сайт", 400),
                            org.assertj.core.groups.Tuple.tuple("Канал", 8_000));
            assertRefused(
                    Kind.INVALID,
                    "date",
                    "channels.date.future",
                    () -> registry.enterCount(primary, channels[1].id(), today.plusDays(1), 100));
            assertRefused(
                    Kind.INVALID,
                    "subscribers",
                    "channels.subscribers.negative",
                    () -> registry.enterCount(primary, channels[1].id(), today, -5));
        });

        TaskScope scope = new TaskScope(List.of(fixture.territorialA1()), clock.instant(), today, 50);
        List<WorkItem> items = actors.as(Fixture.INFO_WORKER_A1, () -> tasks.tasks(scope));
        assertThat(items)
                .filteredOn(item -> item.key().equals(ChannelTasks.KIND + ":" + channels[1].id()))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.organizationId()).isEqualTo(primary);
                    assertThat(item.deadline()).isEqualTo(RoskomnadzorRule.registrationDeadline(today.minusDays(2)));
                    assertThat(item.link()).isEqualTo("/orgs/" + primary + "/channels/" + channels[1].id());
                });
        assertThat(items)
                .noneSatisfy(item -> assertThat(item.key()).isEqualTo(ChannelTasks.KIND + ":" + channels[0].id()));
        assertThat(actors.as(
                        Fixture.MEMBER_A1,
                        () -> tasks.tasks(new TaskScope(List.of(fixture.primaryA1()), clock.instant(), today, 50))))
                .isEmpty();

        YearMonth month = MoscowTime.month(clock);
        actors.run(Fixture.INFO_WORKER_A1, () -> {
            assertThat(prefill.fromRegistry(primary, month)).isEqualTo(2);
            assertThat(prefill.fromRegistry(primary, month)).isZero();
            assertThat(indicators
                            .channels(primary, month, null, PageRequest.of(0, 50))
                            .items())
                    .extracting(Channel::kind, Channel::address, Channel::subscribers)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Channel.Kind.SITE, "https://port.example.ru", 400),
                            org.assertj.core.groups.Tuple.tuple(
                                    Channel.Kind.TELEGRAM, "https://t.me/ppo_port", 10_050));
        });
    }

    private RegisteredChannel read(long organizationId, RegisteredChannel channel) {
        return actors.as(Fixture.INFO_WORKER_A1, () -> registry.channel(organizationId, channel.id()));
    }

    private static ChannelForm form(ChannelKind kind, String address, String name, boolean connected) {
        return new ChannelForm(kind, address, name, "", connected);
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
