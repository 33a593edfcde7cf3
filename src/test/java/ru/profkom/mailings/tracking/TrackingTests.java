package ru.profkom.mailings.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static profkom.schema.Tables.MAILING;
import static profkom.schema.Tables.MAILING_OUTBOX;
import static profkom.schema.Tables.MAILING_TEXT;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.MailingStatus;
import ru.profkom.mailings.OutboxStatus;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.shared.PageRequest;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;

/** An e-mail of a mailing sent to GreenMail, then opened, clicked and unsubscribed from as its reader would. */
@ProfkomIntegrationTest
class TrackingTests {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern PIXEL = Pattern.compile("src=\"(http://profkom\\.test/m/o/[^\"]+)\"");
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Autowired
    DSLContext dsl;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    Members members;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Clock clock;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ru.profkom.members.MemberAccountLinks accountLinks;

    record Sent(long outboxId, long personId, MimeMessage message, String html) {}

    /** A member with an e-mail consent, one mailing to them with two links, sent through the send job. */
    private Sent send(String address) throws Exception {
        Member member = actors.asSystem(() -> members.register(
                fixture.primaryA1(),
                new PersonData(
                        Fixture.uniqueSurname("Читаев"), "Анна", null, null, null, null, null, address, null, null),
                new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
        actors.asSystem(
                () -> members.giveConsent(member.id(), ConsentPurpose.EMAIL, null, ConsentForm.ELECTRONIC, null));
        Instant now = clock.instant();
        long mailingId = dsl.insertInto(MAILING)
                .set(MAILING.ORGANIZATION_ID, fixture.regionA())
                .set(MAILING.TITLE, "Собрание")
                .set(MAILING.SUBJECT, "Приглашение")
                .set(
                        MAILING.HTML,
                        "<html><body><p>{{имя}}, <a href=\"https://profkom.example.ru/news?id=7&amp;from=mail\">новости</a>"
                                + " и <a href='https://vk.com/profkom'>ВК</a>, <a href=\"mailto:chair@example.ru\">"
                                + "председатель</a></p></body></html>")
                .set(MAILING.STATUS, MailingStatus.SCHEDULED.name())
                .set(MAILING.CREATED_AT, now)
                .set(MAILING.UPDATED_AT, now)
                .returning(MAILING.ID)
                .fetchOne(MAILING.ID);
        dsl.insertInto(MAILING_TEXT)
                .set(MAILING_TEXT.MAILING_ID, mailingId)
                .set(MAILING_TEXT.CHANNEL, Channel.EMAIL.name())
                .set(MAILING_TEXT.BODY, "Здравствуйте, {{имя}}!")
                .execute();
        long outboxId = dsl.insertInto(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.MAILING_ID, mailingId)
                .set(MAILING_OUTBOX.PERSON_ID, member.id())
                .set(MAILING_OUTBOX.ORGANIZATION_ID, fixture.primaryA1())
                .set(MAILING_OUTBOX.CHANNEL, Channel.EMAIL.name())
                .set(MAILING_OUTBOX.ADDRESS, address)
                .set(MAILING_OUTBOX.STATUS, OutboxStatus.QUEUED.name())
                .set(MAILING_OUTBOX.QUEUED_AT, now)
                .set(MAILING_OUTBOX.RECIPIENT_NAME, "Анна")
                .returning(MAILING_OUTBOX.ID)
                .fetchOne(MAILING_OUTBOX.ID);
        ru.profkom.mailings.SendJobForTests.runUntilDone(context, mailingId);
        List<MimeMessage> received = TestMail.receivedBy(address);
        assertThat(received).hasSize(1);
        MimeMessage message = received.getFirst();
        return new Sent(outboxId, member.id(), message, TestMail.part(message, "text/html"));
    }

    private static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher matcher = HREF.matcher(html.replace('\'', '"'));
        while (matcher.find()) {
            links.add(matcher.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    private Record row(long outboxId) {
        return dsl.selectFrom(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.ID.eq(outboxId))
                .fetchOne();
    }

    /** As if the message had been sent an hour ago: an open now is a reader's, not the receiving server's. */
    private void sentAnHourAgo(long outboxId) {
        dsl.update(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.SENT_AT, clock.instant().minus(Duration.ofHours(1)))
                .where(MAILING_OUTBOX.ID.eq(outboxId))
                .execute();
    }

    @Test
    void sendsOneClickUnsubscribeHeadersAndAVerpReturnPath() throws Exception {
        Sent sent = send("headers.track@profkom.test");

        String[] unsubscribe = sent.message().getHeader("List-Unsubscribe");
        assertThat(unsubscribe).hasSize(1);
        assertThat(unsubscribe[0])
                .matches("<http://profkom\\.test/m/u/[A-Za-z0-9_-]{31}>, <mailto:.+\\?subject=unsubscribe-.+>");
        assertThat(sent.message().getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(sent.message().getHeader("Return-Path")[0])
                .matches("<bounces\\+b" + sent.outboxId() + "-[0-9a-f]{16}@profkom\\.test>");
        String text = TestMail.part(sent.message(), "text/plain");
        assertThat(text).contains("Здравствуйте, Анна!").contains("http://profkom.test/m/u/");
    }

    @Test
    void rewritesEveryWebLinkThroughASignedRedirectAndCountsAClick() throws Exception {
        Sent sent = send("click.track@profkom.test");
        List<String> links = links(sent.html());

        // the two web links tracked, the mailto kept, the unsubscribe link of the footer last
        assertThat(links).hasSize(4);
        assertThat(links.get(0)).startsWith("http://profkom.test/m/c/");
        assertThat(links.get(1)).startsWith("http://profkom.test/m/c/");
        assertThat(links.get(2)).isEqualTo("mailto:chair@example.ru");
        assertThat(links.get(3)).startsWith("http://profkom.test/m/u/");
        sentAnHourAgo(sent.outboxId());

        mvc.perform(get(java.net.URI.create(links.get(0))).header("User-Agent", BROWSER))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "https://profkom.example.ru/news?id=7&from=mail"));
        mvc.perform(get(java.net.URI.create(links.get(1))).header("User-Agent", BROWSER))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "https://vk.com/profkom"));

        Record row = row(sent.outboxId());
        assertThat(row.get(MAILING_OUTBOX.CLICK_COUNT)).isEqualTo(2);
        assertThat(row.get(MAILING_OUTBOX.CLICKED_AT)).isNotNull();
        // a click proves the message was opened, even with its images blocked
        assertThat(row.get(MAILING_OUTBOX.OPENED_AT)).isNotNull();
    }

    @Test
    void refusesAForgedOrRedirectedLinkWithARussianNotFoundPage() throws Exception {
        Sent sent = send("forged.track@profkom.test");
        String link = links(sent.html()).getFirst().replace("http://profkom.test", "");
        String elsewhere = link.replaceFirst("\\?u=.*", "?u=https%3A%2F%2Fevil.example.com%2F");
        String token = link.substring("/m/c/".length(), link.indexOf('?'));
        String forged = link.replace(
                token, token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21));

        for (String bad : List.of(elsewhere, forged, "/m/c/nonsense?u=https%3A%2F%2Fvk.com")) {
            mvc.perform(get(java.net.URI.create("http://profkom.test" + bad)).header("User-Agent", BROWSER))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Ссылка не найдена")));
        }
        assertThat(row(sent.outboxId()).get(MAILING_OUTBOX.CLICK_COUNT)).isZero();
    }

    @Test
    void countsAReadersOpenAndFlagsAMachinesOpen() throws Exception {
        Sent sent = send("open.track@profkom.test");
        Matcher pixel = PIXEL.matcher(sent.html());
        assertThat(pixel.find()).isTrue();
        String path = pixel.group(1).replace("http://profkom.test", "");

        // seconds after sending: the receiving server or a scanner, not the reader
        mvc.perform(get(path).header("User-Agent", BROWSER))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_GIF));
        Record early = row(sent.outboxId());
        assertThat(early.get(MAILING_OUTBOX.OPENED_AT)).isNull();
        assertThat(early.get(MAILING_OUTBOX.MACHINE_OPEN)).isTrue();
        assertThat(early.get(MAILING_OUTBOX.MACHINE_OPEN_COUNT)).isEqualTo(1);

        sentAnHourAgo(sent.outboxId());
        // Apple Mail Privacy Protection's bare agent: a machine again
        mvc.perform(get(path).header("User-Agent", "Mozilla/5.0")).andExpect(status().isOk());
        mvc.perform(get(path).header("User-Agent", BROWSER)).andExpect(status().isOk());
        mvc.perform(get(path).header("User-Agent", BROWSER)).andExpect(status().isOk());

        Record row = row(sent.outboxId());
        assertThat(row.get(MAILING_OUTBOX.OPENED_AT)).isNotNull();
        assertThat(row.get(MAILING_OUTBOX.OPEN_COUNT)).isEqualTo(2);
        assertThat(row.get(MAILING_OUTBOX.MACHINE_OPEN_COUNT)).isEqualTo(2);
        mvc.perform(get("/m/o/" + "A".repeat(31) + ".gif")).andExpect(status().isNotFound());
    }

    @Test
    void oneClickUnsubscribeWithdrawsTheEmailConsentVisiblyAndAudited() throws Exception {
        Sent sent = send("unsubscribe.track@profkom.test");
        String link = sent.message()
                .getHeader("List-Unsubscribe")[0]
                .replaceFirst("^<http://profkom\\.test", "")
                .replaceFirst(">.*$", "");

        // RFC 8058: the mail client posts List-Unsubscribe=One-Click, without a session or a CSRF token
        mvc.perform(post(link)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isNoContent());

        assertThat(row(sent.outboxId()).get(MAILING_OUTBOX.UNSUBSCRIBED_AT)).isNotNull();
        await().atMost(Patience.AFTER_COMMIT)
                .until(() -> actors.asSystem(() -> members.get(sent.personId())).consents().stream()
                        .anyMatch(consent -> consent.purpose() == ConsentPurpose.EMAIL && !consent.active()));
        assertThat(actors.asSystem(() -> members.history(sent.personId())))
                .anyMatch(change -> "consent.withdrawn".equals(change.field())
                        && ConsentPurpose.EMAIL.name().equals(change.oldValue()));
        await().atMost(Patience.AFTER_COMMIT)
                .until(() -> audited(sent.personId()).size() == 1);
        assertThat(audited(sent.personId()).getFirst().details()).contains("рассылка");

        // the member sees it in the cabinet: the e-mail consent withdrawn today, no longer offered to withdraw
        String login = fixture.account(fixture.primaryA1(), ru.profkom.shared.Role.MEMBER);
        actors.run(Fixture.ADMIN_A, () -> accountLinks.link(sent.personId(), login));
        String cabinet = mvc.perform(get("/cabinet").with(actors.signedIn(login)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String emailRow = java.util.Arrays.stream(cabinet.split("<tr"))
                .filter(tr -> tr.contains("Личная электронная почта"))
                .findFirst()
                .orElseThrow();
        assertThat(emailRow)
                .contains(ru.profkom.shared.MoscowTime.today(clock)
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                .doesNotContain("withdraw-consent");

        // the page of the same link now says it is done; a second POST changes nothing
        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Вы отписались")));
        mvc.perform(post(link)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isNoContent());
        assertThat(audited(sent.personId())).hasSize(1);
    }

    @Test
    void theUnsubscribePageAsksFirstAndItsButtonUnsubscribes() throws Exception {
        Sent sent = send("page.track@profkom.test");
        String link = sent.message()
                .getHeader("List-Unsubscribe")[0]
                .replaceFirst("^<http://profkom\\.test", "")
                .replaceFirst(">.*$", "");

        String page = mvc.perform(get(link))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Больше не присылать рассылки профсоюза на адрес p***@profkom.test?");
        assertThat(row(sent.outboxId()).get(MAILING_OUTBOX.UNSUBSCRIBED_AT)).isNull();

        mvc.perform(post(link)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("confirm=1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Вы отписались")));
        assertThat(row(sent.outboxId()).get(MAILING_OUTBOX.UNSUBSCRIBED_AT)).isNotNull();
        mvc.perform(get("/m/u/" + "A".repeat(31)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ссылка не найдена")));
    }

    @Test
    void signsAlikeOnEveryNodeWithTheKeyStoredOnce(
            @Autowired TrackingKey key,
            @Autowired TrackingRepository repository,
            @Autowired ru.profkom.shared.ProfkomSettings settings,
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        String token = key.tokens().open(7);
        // another node (or this one after a restart) reads the stored key instead of generating its own
        TrackingKey otherNode = new TrackingKey(repository, settings, transactions);

        assertThat(repository.secret(TrackingKey.NAME)).isPresent();
        assertThat(otherNode.tokens().readOpen(token))
                .map(TrackingTokens.Token::outboxId)
                .contains(7L);
        assertThat(otherNode.tokens().open(7)).isEqualTo(token);
    }

    private List<AuditEntry> audited(long personId) {
        return actors
                .asSystem(() -> auditLog.forSubtree(
                                fixture.primaryA1(),
                                new AuditFilter("CONSENT_WITHDRAWN_BY_UNSUBSCRIBE", null, null, null),
                                new PageRequest(0, 100))
                        .items())
                .stream()
                .filter(entry -> Long.valueOf(personId).equals(entry.targetId()))
                .toList();
    }
}
