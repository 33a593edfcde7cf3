package ru.profkom.mailings.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static profkom.schema.Tables.MAILING;
import static profkom.schema.Tables.MAILING_OUTBOX;
import static profkom.schema.Tables.MAILING_TEXT;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.MailingStatus;
import ru.profkom.mailings.OutboxStatus;
import ru.profkom.mailings.SendJobForTests;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;

/** E-mails sent to GreenMail, then bounces put in the bounce mailbox and read back over IMAP. */
@ProfkomIntegrationTest
class BounceMailboxTests {

    @Autowired
    DSLContext dsl;

    @Autowired
    Fixture fixture;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    BounceMailbox mailbox;

    @Autowired
    UndeliverableAddresses undeliverable;

    record Sent(long outboxId, MimeMessage message) {}

    private Sent send(String address) {
        Instant now = clock.instant();
        long mailingId = dsl.insertInto(MAILING)
                .set(MAILING.ORGANIZATION_ID, fixture.regionA())
                .set(MAILING.TITLE, "Собрание")
                .set(MAILING.SUBJECT, "Приглашение")
                .set(MAILING.STATUS, MailingStatus.SCHEDULED.name())
                .set(MAILING.CREATED_AT, now)
                .set(MAILING.UPDATED_AT, now)
                .returning(MAILING.ID)
                .fetchOne(MAILING.ID);
        dsl.insertInto(MAILING_TEXT)
                .set(MAILING_TEXT.MAILING_ID, mailingId)
                .set(MAILING_TEXT.CHANNEL, Channel.EMAIL.name())
                .set(MAILING_TEXT.BODY, "Приходите на собрание.")
                .execute();
        long outboxId = dsl.insertInto(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.MAILING_ID, mailingId)
                .set(MAILING_OUTBOX.PERSON_ID, Fixture.next())
                .set(MAILING_OUTBOX.ORGANIZATION_ID, fixture.primaryA1())
                .set(MAILING_OUTBOX.CHANNEL, Channel.EMAIL.name())
                .set(MAILING_OUTBOX.ADDRESS, address)
                .set(MAILING_OUTBOX.STATUS, OutboxStatus.QUEUED.name())
                .set(MAILING_OUTBOX.QUEUED_AT, now)
                .returning(MAILING_OUTBOX.ID)
                .fetchOne(MAILING_OUTBOX.ID);
        SendJobForTests.runUntilDone(context, mailingId);
        List<MimeMessage> received = TestMail.receivedBy(address);
        assertThat(received).hasSize(1);
        assertThat(row(outboxId).get(MAILING_OUTBOX.STATUS)).isEqualTo(OutboxStatus.SENT.name());
        return new Sent(outboxId, received.getFirst());
    }

    private Record row(long outboxId) {
        return dsl.selectFrom(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.ID.eq(outboxId))
                .fetchOne();
    }

    @Test
    void readsABounceOverImapFailsTheRowAndMarksTheAddressUndeliverable() throws Exception {
        Sent sent = send("gone.bounce@profkom.test");
        String returnPath = sent.message().getHeader("Return-Path")[0].replaceAll("[<>]", "");

        TestMail.deliverBounce(
                "gone.bounce@profkom.test",
                "5.1.1",
                "550 5.1.1 <gone.bounce@profkom.test>: User unknown",
                "Return-Path: <" + returnPath + ">\r\nTo: gone.bounce@profkom.test\r\n");
        mailbox.readOnce();

        Record row = row(sent.outboxId());
        assertThat(row.get(MAILING_OUTBOX.STATUS)).isEqualTo(OutboxStatus.FAILED.name());
        assertThat(row.get(MAILING_OUTBOX.BOUNCED_AT)).isNotNull();
        assertThat(row.get(MAILING_OUTBOX.ERROR)).startsWith("Письмо вернулось: адрес не существует (5.1.1");
        assertThat(undeliverable.isUndeliverable(Channel.EMAIL, "Gone.Bounce@profkom.test"))
                .isTrue();
        assertThat(undeliverable.among(Channel.EMAIL, List.of("gone.bounce@profkom.test", "other@profkom.test")))
                .containsOnlyKeys("gone.bounce@profkom.test");

        // read again: the message is marked read, nothing changes twice
        assertThat(mailbox.readOnce().bounced()).isZero();
    }

    @Test
    void matchesABounceByTheQuotedMessageIdAndKeepsAMailboxThatIsOnlyFull() throws Exception {
        Sent sent = send("full.bounce@profkom.test");

        TestMail.deliverBounce(
                "full.bounce@profkom.test",
                "5.2.2",
                "552 5.2.2 Mailbox full",
                "Message-ID: " + sent.message().getMessageID() + "\r\nTo: full.bounce@profkom.test\r\n");
        mailbox.readOnce();

        Record row = row(sent.outboxId());
        assertThat(row.get(MAILING_OUTBOX.STATUS)).isEqualTo(OutboxStatus.FAILED.name());
        assertThat(row.get(MAILING_OUTBOX.ERROR))
                .contains("почтовый сервер не принял письмо")
                .contains("5.2.2");
        assertThat(undeliverable.isUndeliverable(Channel.EMAIL, "full.bounce@profkom.test"))
                .isFalse();
    }

    @Test
    void leavesARowSentForADelayOrAStrangersMessage() throws Exception {
        Sent sent = send("delayed.bounce@profkom.test");
        String returnPath = sent.message().getHeader("Return-Path")[0].replaceAll("[<>]", "");

        TestMail.deliverBounce(
                "delayed.bounce@profkom.test", "4.4.1", "timeout", "Return-Path: <" + returnPath + ">\r\n");
        // a VERP address with a forged signature names no row
        TestMail.deliverBounce(
                "delayed.bounce@profkom.test",
                "5.1.1",
                "550 User unknown",
                "Return-Path: <bounces+b" + sent.outboxId() + "-0123456789abcdef@profkom.test>\r\n");
        mailbox.readOnce();

        assertThat(row(sent.outboxId()).get(MAILING_OUTBOX.STATUS)).isEqualTo(OutboxStatus.SENT.name());
        assertThat(row(sent.outboxId()).get(MAILING_OUTBOX.BOUNCED_AT)).isNull();
    }

    @Test
    void unsubscribesThePersonWhoWroteToTheMailtoOfListUnsubscribe() throws Exception {
        Sent sent = send("mailto.bounce@profkom.test");
        String mailto = sent.message().getHeader("List-Unsubscribe")[0].replaceFirst("^.*<mailto:", "");
        String subject = mailto.substring(mailto.indexOf("?subject=") + "?subject=".length(), mailto.indexOf('>'));

        MimeMessage letter = new MimeMessage(Session.getInstance(new Properties()));
        letter.setFrom(new InternetAddress("mailto.bounce@profkom.test"));
        letter.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(TestMail.BOUNCE_ADDRESS));
        letter.setSubject(subject);
        letter.setText("");
        letter.saveChanges();
        TestMail.server()
                .getUserManager()
                .getUserByEmail(TestMail.BOUNCE_ADDRESS)
                .deliver(letter);
        mailbox.readOnce();

        assertThat(row(sent.outboxId()).get(MAILING_OUTBOX.UNSUBSCRIBED_AT)).isNotNull();
        assertThat(row(sent.outboxId()).get(MAILING_OUTBOX.STATUS)).isEqualTo(OutboxStatus.SENT.name());
    }
}
