package ru.profkom.mailings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static profkom.schema.Tables.AUDIT_EVENT;
import static profkom.schema.Tables.MAILING_OUTBOX;
import static profkom.schema.Tables.MAILING_TEST_SEND;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.accounts.Accounts;
import ru.profkom.mailings.MailingLines.TestSent;
import ru.profkom.mailings.channels.ChannelLinkRepository;
import ru.profkom.mailings.channels.EmailSender;
import ru.profkom.mailings.channels.TestRelays;
import ru.profkom.members.Member;
import ru.profkom.members.MemberCabinet;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;
import ru.profkom.support.TestMailingPeers;

@ProfkomIntegrationTest
class MailingTestSendTests {

    private static final Path SMTP_SINK = Path.of("/usr/sbin/smtp-sink");

    @Autowired
    MailingTestSends testSends;

    @Autowired
    Mailings mailings;

    @Autowired
    Members members;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    DSLContext dsl;

    @Autowired
    MailingRepository repository;

    @Autowired
    AudienceRepository audiences;

    @Autowired
    TestSendRepository sends;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    MemberCabinet cabinet;

    @Autowired
    ChannelLinkRepository links;

    @Autowired
    ru.profkom.members.MemberAccountLinks accountLinks;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    CurrentActor currentActor;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    long primary;
    long personId;
    String staff;
    long mailingId;

    @BeforeEach
    void world() {
        long territorial =
                fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, Fixture.unique("Терорг"));
        primary = fixture.primary(territorial, Fixture.unique("ППО"), 40);
        staff = fixture.account(territorial, Role.ORG_ADMIN);
        personId = actors.as(Fixture.ADMIN_A, () -> {
            Member member = members.register(
                    primary,
                    new PersonData(
                            Fixture.uniqueSurname("Проверкина"),
                            "Вера",
                            null,
                            LocalDate.of(1991, 3, 4),
                            null,
                            Fixture.uniqueSnils(),
                            null,
                            Fixture.unique("vera") + "@example.ru",
                            null,
                            null),
                    new MembershipData(MembershipStatus.ACTIVE, null, null, null));
            members.giveConsent(member.id(), ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, null);
            members.giveConsent(member.id(), ConsentPurpose.EMAIL, null, ConsentForm.PAPER, null);
            return member.id();
        });
        mailingId = actors.as(
                staff,
                () -> mailings.createDraft(
                        territorial,
                        new MailingForm(
                                "Собрание председателей",
                                Audience.EVERYONE,
                                Delivery.ALL_CHANNELS,
                                "{{имя}}, собрание",
                                "<p>{{имя}}, ждём вас.</p>",
                                Map.of(Channel.EMAIL, "{{фио}}, ждём вас."),
                                null,
                                null,
                                null)));
    }

    @Test
    void sendsTheDraftToOneselfPersonalisedAsAMemberPrefixedUncountedAndAudited() throws Exception {
        TestSent sent = actors.as(staff, () -> testSends.send(mailingId, personId));

        assertThat(sent.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.sent()).isTrue();
            assertThat(delivery.channel()).isEqualTo(Channel.EMAIL);
            assertThat(delivery.address()).isEqualTo(Fixture.emailOf(staff));
        });
        MimeMessage received = TestMail.receivedBy(Fixture.emailOf(staff)).getFirst();
        assertThat(received.getSubject()).isEqualTo("[Проверка] Вера, собрание");
        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertThat((String) alternative.getBodyPart(0).getContent())
                .startsWith("Проверкина")
                .contains("Вера, ждём вас.");
        assertThat(received.getHeader("List-Unsubscribe")).isNull();

        assertThat(dsl.fetchCount(MAILING_OUTBOX, MAILING_OUTBOX.MAILING_ID.eq(mailingId)))
                .isZero();
        assertThat(actors.as(staff, () -> mailings.get(mailingId)).status()).isEqualTo(MailingStatus.DRAFT);
        await().atMost(Patience.AFTER_COMMIT)
                .until(() -> dsl.fetchCount(
                                AUDIT_EVENT,
                                AUDIT_EVENT.ACTION.eq("MAILING_TEST_SENT").and(AUDIT_EVENT.TARGET_ID.eq(mailingId)))
                        == 1);
        assertThat(dsl.select(AUDIT_EVENT.DETAILS)
                        .from(AUDIT_EVENT)
                        .where(AUDIT_EVENT.ACTION.eq("MAILING_TEST_SENT").and(AUDIT_EVENT.TARGET_ID.eq(mailingId)))
                        .fetchOne(AUDIT_EVENT.DETAILS))
                .contains("Собрание председателей", "EMAIL", String.valueOf(personId));
    }

    @Test
    void goesToTheTelegramChatOfTheAccountsPersonToo() throws Exception {
        long me = actors.as(Fixture.ADMIN_A, () -> {
            Member member = members.register(
                    primary,
                    new PersonData(
                            Fixture.uniqueSurname("Сотрудникова"),
                            "Дарья",
                            null,
                            LocalDate.of(1988, 5, 6),
                            null,
                            Fixture.uniqueSnils(),
                            null,
                            null,
                            null,
                            null),
                    new MembershipData(MembershipStatus.ACTIVE, null, null, null));
            accountLinks.link(member.id(), staff);
            return member.id();
        });
        String chat = String.valueOf(700_000_000L + me);
        links.link(me, Channel.TELEGRAM, chat, clock.instant());
        long both = actors.as(
                staff,
                () -> mailings.createDraft(
                        primary,
                        new MailingForm(
                                "Собрание в Telegram",
                                Audience.EVERYONE,
                                Delivery.ALL_CHANNELS,
                                "{{имя}}, собрание",
                                null,
                                Map.of(
                                        Channel.EMAIL,
                                        "{{имя}}, ждём вас.",
                                        Channel.TELEGRAM,
                                        "{{имя}}, ждём вас в чате."),
                                null,
                                null,
                                null)));
        TestMailingPeers.server()
                .stubFor(post(urlEqualTo("/bot" + TestMailingPeers.BOT_TOKEN + "/sendMessage"))
                        .withRequestBody(containing(chat))
                        .willReturn(aResponse().withBody("{\"ok\":true,\"result\":{\"message_id\":7}}")));
        try {
            TestSent sent = actors.as(staff, () -> testSends.send(both, null));

            assertThat(sent.deliveries())
                    .extracting(
                            MailingLines.TestDelivery::channel,
                            MailingLines.TestDelivery::address,
                            MailingLines.TestDelivery::sent)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, Fixture.emailOf(staff), true),
                            org.assertj.core.groups.Tuple.tuple(Channel.TELEGRAM, chat, true));
            TestMailingPeers.server()
                    .verify(postRequestedFor(urlEqualTo("/bot" + TestMailingPeers.BOT_TOKEN + "/sendMessage"))
                            .withRequestBody(containing(chat))
                            .withRequestBody(containing(java.net.URLEncoder.encode(
                                    "[Проверка] Дарья, ждём вас в чате.", java.nio.charset.StandardCharsets.UTF_8))));
        } finally {
            TestMailingPeers.reset();
        }
    }

    @Test
    void asOneselfItTakesTheAccountsName() throws Exception {
        actors.run(staff, () -> testSends.send(mailingId, null));

        MimeMessage received = TestMail.receivedBy(Fixture.emailOf(staff)).getFirst();
        assertThat(received.getSubject()).isEqualTo("[Проверка] Тестовый Пользователь " + staff + ", собрание");
    }

    @Test
    void aFourthInAMinuteIsRefusedInRussianAndNothingIsSent() {
        for (int i = 0; i < TestSendLimit.PER_WINDOW; i++) {
            actors.run(staff, () -> testSends.send(mailingId, null));
        }
        assertThatThrownBy(() -> actors.run(staff, () -> testSends.send(mailingId, null)))
                .isInstanceOfSatisfying(ProfkomException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ProfkomException.Kind.CONFLICT);
                    assertThat(refused.problems().getFirst().messageKey()).isEqualTo("mailing.testSend.tooOften");
                });
        assertThat(TestMail.receivedBy(Fixture.emailOf(staff))).hasSize(TestSendLimit.PER_WINDOW);
        assertThat(dsl.fetchCount(MAILING_TEST_SEND, MAILING_TEST_SEND.MAILING_ID.eq(mailingId)))
                .isEqualTo(TestSendLimit.PER_WINDOW);
    }

    @Test
    void aPersonOutsideTheAudienceIsRefused() {
        assertThatThrownBy(() -> actors.run(staff, () -> testSends.send(mailingId, personId + 1_000_000)))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        refused -> assertThat(refused.problems().getFirst().messageKey())
                                .isEqualTo("mailing.testSend.notInAudience"));
    }

    @Test
    void aRelayThatRefusesOrCannotBeReachedWritesNothingAndSaysWhy() throws Exception {
        assumeTrue(Files.isExecutable(SMTP_SINK), "postfix smtp-sink is installed");
        try (TestRelays.Sink refusing = TestRelays.Sink.start("-f", "RCPT")) {
            MailingTestSends viaRefusing = through(TestRelays.sender(refusing.port()));
            assertThatThrownBy(() -> actors.run(staff, () -> viaRefusing.send(mailingId, personId)))
                    .isInstanceOfSatisfying(ProfkomException.class, refused -> {
                        assertThat(refused.problems().getFirst().messageKey()).isEqualTo("mailing.testSend.failed");
                        assertThat(refused.problems().getFirst().arguments()[0].toString())
                                .contains(Fixture.emailOf(staff), "Почтовый сервер отказал (500)");
                    });
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailingTestSends viaNothing = through(TestRelays.sender(closedPort));
        assertThatThrownBy(() -> actors.run(staff, () -> viaNothing.send(mailingId, personId)))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        refused -> assertThat(refused.problems()
                                        .getFirst()
                                        .arguments()[0]
                                        .toString())
                                .contains("Почтовый сервер недоступен"));
        // the audit's event is published in the transaction that records the send: no row, no entry
        assertThat(dsl.fetchCount(MAILING_TEST_SEND, MAILING_TEST_SEND.MAILING_ID.eq(mailingId)))
                .isZero();
    }

    /** The service as the context makes it, with the e-mail sender replaced. */
    private MailingTestSends through(EmailSender email) {
        return new MailingTestSends(
                repository,
                audiences,
                sends,
                organizations,
                accounts,
                cabinet,
                links,
                List.of(email),
                publicAddress,
                messages,
                events,
                currentActor,
                transactions,
                clock);
    }
}
