package ru.profkom.mailings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static profkom.schema.Tables.MAILING;
import static profkom.schema.Tables.MAILING_OUTBOX;
import static profkom.schema.Tables.MAILING_TEXT;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;

@ProfkomIntegrationTest
class MailingSendingTests {

    @Autowired
    DSLContext dsl;

    @Autowired
    MailingSending sending;

    @Autowired
    CustomTask<Long> mailingSendTask;

    @Autowired
    SchedulerClient jobs;

    @Autowired
    Fixture fixture;

    @Autowired
    Clock clock;

    @Autowired
    MailingControl control;

    @Autowired
    ru.profkom.organizations.Organizations organizations;

    private ru.profkom.shared.Scope regionScope() {
        return ru.profkom.shared.Scope.ofPaths(
                List.of(organizations.pathOf(fixture.regionA()).orElseThrow()));
    }

    private long mailing(MailingStatus status, LocalTime windowStart, LocalTime windowEnd) {
        Instant now = clock.instant();
        long id = dsl.insertInto(MAILING)
                .set(MAILING.ORGANIZATION_ID, fixture.regionA())
                .set(MAILING.TITLE, "Собрание")
                .set(MAILING.SUBJECT, "{{имя}}, приглашаем")
                .set(MAILING.HTML, "<p>{{name}} из {{организация}}</p>")
                .set(MAILING.STATUS, status.name())
                .set(MAILING.WINDOW_START, windowStart)
                .set(MAILING.WINDOW_END, windowEnd)
                .set(MAILING.CREATED_AT, now)
                .set(MAILING.UPDATED_AT, now)
                // the rows below are the audience: queued already, as the job does at its first run
                .set(MAILING.QUEUED_AT, now)
                .returning(MAILING.ID)
                .fetchOne(MAILING.ID);
        dsl.insertInto(MAILING_TEXT)
                .set(MAILING_TEXT.MAILING_ID, id)
                .set(MAILING_TEXT.CHANNEL, Channel.EMAIL.name())
                .set(MAILING_TEXT.BODY, "Здравствуйте, {{имя}}! Билет {{билет}}.")
                .execute();
        return id;
    }

    private long row(long mailingId, String address, OutboxStatus status, String name) {
        return dsl.insertInto(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.MAILING_ID, mailingId)
                .set(MAILING_OUTBOX.PERSON_ID, Fixture.next())
                .set(MAILING_OUTBOX.ORGANIZATION_ID, fixture.primaryA1())
                .set(MAILING_OUTBOX.CHANNEL, Channel.EMAIL.name())
                .set(MAILING_OUTBOX.ADDRESS, address)
                .set(MAILING_OUTBOX.STATUS, status.name())
                .set(MAILING_OUTBOX.QUEUED_AT, clock.instant())
                .set(MAILING_OUTBOX.RECIPIENT_NAME, name)
                .set(MAILING_OUTBOX.ORGANIZATION_NAME, "ППО завода")
                .set(MAILING_OUTBOX.CARD_NUMBER, "77-" + name.length())
                .returning(MAILING_OUTBOX.ID)
                .fetchOne(MAILING_OUTBOX.ID);
    }

    private OutboxStatus status(long outboxId) {
        return OutboxStatus.valueOf(dsl.select(MAILING_OUTBOX.STATUS)
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.ID.eq(outboxId))
                .fetchOne(MAILING_OUTBOX.STATUS));
    }

    private MailingStatus mailingStatus(long mailingId) {
        return MailingStatus.valueOf(dsl.select(MAILING.STATUS)
                .from(MAILING)
                .where(MAILING.ID.eq(mailingId))
                .fetchOne(MAILING.STATUS));
    }

    private void runUntilDone(long mailingId) {
        for (int run = 0; run < 20 && sending.runOnce(mailingId).isPresent(); run++) {
            // each run is one batch
        }
    }

    @Test
    void sendsEachQueuedRowPersonalisedAndFinishesTheMailing() throws Exception {
        long mailingId = mailing(MailingStatus.SCHEDULED, null, null);
        long anna = row(mailingId, "anna.send@profkom.test", OutboxStatus.QUEUED, "Анна");
        long boris = row(mailingId, "boris.send@profkom.test", OutboxStatus.QUEUED, "Борис");

        runUntilDone(mailingId);

        assertThat(status(anna)).isEqualTo(OutboxStatus.SENT);
        assertThat(status(boris)).isEqualTo(OutboxStatus.SENT);
        assertThat(mailingStatus(mailingId)).isEqualTo(MailingStatus.DONE);
        List<MimeMessage> received = TestMail.receivedBy("anna.send@profkom.test");
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("Анна, приглашаем");
        assertThat(dsl.select(MAILING_OUTBOX.PROVIDER_ID)
                        .from(MAILING_OUTBOX)
                        .where(MAILING_OUTBOX.ID.eq(anna))
                        .fetchOne(MAILING_OUTBOX.PROVIDER_ID))
                .isEqualTo(received.getFirst().getMessageID());
        // A further run finds nothing to do and sends nothing twice.
        assertThat(sending.runOnce(mailingId)).isEmpty();
        assertThat(TestMail.receivedBy("anna.send@profkom.test")).hasSize(1);
    }

    @Test
    void marksRowsADeadRunLeftSendingUnknownAndNeverSendsThemSilently() {
        long mailingId = mailing(MailingStatus.SENDING, null, null);
        long lost = row(mailingId, "lost.send@profkom.test", OutboxStatus.SENDING, "Вера");
        long queued = row(mailingId, "queued.send@profkom.test", OutboxStatus.QUEUED, "Галина");

        runUntilDone(mailingId);

        assertThat(status(lost)).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(status(queued)).isEqualTo(OutboxStatus.SENT);
        assertThat(TestMail.receivedBy("lost.send@profkom.test")).isEmpty();
    }

    @Test
    void sendsNothingForAPausedMailingAndWaitsOutsideTheWindow() {
        long paused = mailing(MailingStatus.PAUSED, null, null);
        long pausedRow = row(paused, "paused.send@profkom.test", OutboxStatus.QUEUED, "Дина");
        assertThat(sending.runOnce(paused)).isEmpty();
        assertThat(status(pausedRow)).isEqualTo(OutboxStatus.QUEUED);

        LocalTime moscowNow =
                clock.instant().atZone(ru.profkom.shared.MoscowTime.ZONE).toLocalTime();
        // a one-minute window that has just closed (or opens in a minute): either way now is outside it
        LocalTime start = moscowNow.plusMinutes(1);
        long outside = mailing(MailingStatus.SCHEDULED, start, start.plusMinutes(1));
        long outsideRow = row(outside, "night.send@profkom.test", OutboxStatus.QUEUED, "Ева");
        Optional<Instant> next = sending.runOnce(outside);
        assertThat(next).isPresent();
        assertThat(next.get()).isAfter(clock.instant());
        assertThat(status(outsideRow)).isEqualTo(OutboxStatus.QUEUED);
        assertThat(mailingStatus(outside)).isEqualTo(MailingStatus.SCHEDULED);
    }

    @Test
    void theSchedulerRunsTheMailingToTheEnd() {
        long mailingId = mailing(MailingStatus.SCHEDULED, null, null);
        long row = row(mailingId, "job.send@profkom.test", OutboxStatus.QUEUED, "Жанна");

        jobs.scheduleIfNotExists(mailingSendTask.instance(String.valueOf(mailingId), mailingId), clock.instant());

        await().atMost(Patience.AFTER_COMMIT).until(() -> mailingStatus(mailingId) == MailingStatus.DONE);
        assertThat(status(row)).isEqualTo(OutboxStatus.SENT);
        assertThat(TestMail.receivedBy("job.send@profkom.test")).hasSize(1);
    }

    @Test
    void pausesResumesAndResendsFailedRowsOnlyWithinTheSendersScope() {
        long mailingId = mailing(MailingStatus.SENDING, null, null);
        long queued = row(mailingId, "resume.send@profkom.test", OutboxStatus.QUEUED, "Зоя");
        long failed = row(mailingId, "failed.send@profkom.test", OutboxStatus.FAILED, "Ирина");
        long unknown = row(mailingId, "unknown.send@profkom.test", OutboxStatus.UNKNOWN, "Кира");

        ru.profkom.support.Refusals.assertRefused(
                ru.profkom.shared.ProfkomException.Kind.FORBIDDEN,
                "mailing.forbidden",
                () -> control.pause(ru.profkom.shared.Scope.ofPaths(List.of("/999999999/")), mailingId));
        assertThat(control.pause(regionScope(), mailingId)).isEqualTo(MailingStatus.PAUSED);
        assertThat(sending.runOnce(mailingId)).isEmpty();
        assertThat(status(queued)).isEqualTo(OutboxStatus.QUEUED);

        assertThat(control.resume(regionScope(), mailingId)).isEqualTo(MailingStatus.SCHEDULED);
        await().atMost(Patience.AFTER_COMMIT).until(() -> mailingStatus(mailingId) == MailingStatus.DONE);
        assertThat(status(queued)).isEqualTo(OutboxStatus.SENT);
        assertThat(status(failed)).isEqualTo(OutboxStatus.FAILED);

        assertThat(control.resend(regionScope(), mailingId, false)).isEqualTo(1);
        await().atMost(Patience.AFTER_COMMIT)
                .until(() -> mailingStatus(mailingId) == MailingStatus.DONE && status(failed) == OutboxStatus.SENT);
        assertThat(status(unknown)).isEqualTo(OutboxStatus.UNKNOWN);
        assertThat(TestMail.receivedBy("unknown.send@profkom.test")).isEmpty();
        assertThat(TestMail.receivedBy("failed.send@profkom.test")).hasSize(1);
    }
}
