package ru.profkom.mailings.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static profkom.schema.Tables.MAILING;
import static profkom.schema.Tables.MAILING_OUTBOX;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.MailingStatus;
import ru.profkom.mailings.OutboxStatus;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Scope;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.WorkItem;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.Refusals;

@ProfkomIntegrationTest
class MailingReportsTests {

    @Autowired
    DSLContext dsl;

    @Autowired
    Fixture fixture;

    @Autowired
    Clock clock;

    @Autowired
    Organizations organizations;

    @Autowired
    MailingReports reports;

    @Autowired
    MailingTasks tasks;

    @Autowired
    Actors actors;

    @Autowired
    ru.profkom.indicators.Indicators indicators;

    private Scope scopeOf(long organizationId) {
        return Scope.ofPaths(List.of(organizations.pathOf(organizationId).orElseThrow()));
    }

    private long mailing(long sender) {
        Instant now = clock.instant();
        return dsl.insertInto(MAILING)
                .set(MAILING.ORGANIZATION_ID, sender)
                .set(MAILING.TITLE, "Отчёт о доставке")
                .set(MAILING.STATUS, MailingStatus.DONE.name())
                .set(MAILING.CREATED_AT, now)
                .set(MAILING.UPDATED_AT, now)
                .returning(MAILING.ID)
                .fetchOne(MAILING.ID);
    }

    /** A row in a state, with what tracking recorded on it. */
    private void row(long mailingId, long organizationId, Channel channel, OutboxStatus status, String... marks) {
        Instant now = clock.instant();
        var insert = dsl.insertInto(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.MAILING_ID, mailingId)
                .set(MAILING_OUTBOX.PERSON_ID, Fixture.next())
                .set(MAILING_OUTBOX.ORGANIZATION_ID, organizationId)
                .set(MAILING_OUTBOX.CHANNEL, channel.name())
                .set(MAILING_OUTBOX.ADDRESS, Fixture.unique("r") + "@profkom.test")
                .set(MAILING_OUTBOX.STATUS, status.name())
                .set(MAILING_OUTBOX.QUEUED_AT, now);
        for (String mark : marks) {
            switch (mark) {
                case "opened" -> insert = insert.set(MAILING_OUTBOX.OPENED_AT, now);
                case "machine" -> insert = insert.set(MAILING_OUTBOX.MACHINE_OPEN, true);
                case "clicked" -> insert = insert.set(MAILING_OUTBOX.CLICKED_AT, now);
                case "unsubscribed" -> insert = insert.set(MAILING_OUTBOX.UNSUBSCRIBED_AT, now);
                case "bounced" -> insert = insert.set(MAILING_OUTBOX.BOUNCED_AT, now);
                case "receipt" -> insert = insert.set(MAILING_OUTBOX.DELIVERED_AT, now);
                default -> throw new IllegalArgumentException(mark);
            }
        }
        insert.execute();
    }

    @Test
    void countsEveryOutcomeInTotalPerChannelAndPerOrganization() {
        long mailingId = mailing(fixture.regionA());
        long primary = fixture.primaryA1();
        long territorial = fixture.territorialA2();
        row(mailingId, primary, Channel.EMAIL, OutboxStatus.SENT, "opened", "clicked");
        row(mailingId, primary, Channel.EMAIL, OutboxStatus.SENT, "opened", "unsubscribed");
        row(mailingId, primary, Channel.EMAIL, OutboxStatus.SENT, "machine");
        row(mailingId, primary, Channel.EMAIL, OutboxStatus.FAILED, "bounced");
        row(mailingId, primary, Channel.SMS, OutboxStatus.SENT, "receipt");
        row(mailingId, primary, Channel.SMS, OutboxStatus.SENT);
        row(mailingId, territorial, Channel.TELEGRAM, OutboxStatus.UNKNOWN);
        row(mailingId, territorial, Channel.EMAIL, OutboxStatus.QUEUED);

        MailingReports.Summary summary = reports.summary(scopeOf(fixture.regionA()), mailingId);

        assertThat(summary.totals()).isEqualTo(new DeliveryCounts(8, 1, 4, 1, 2, 1, 1, 1, 1, 1, 1));
        assertThat(summary.totals().deliveredPercent()).isEqualTo(50);
        assertThat(summary.totals().openedPercent()).isEqualTo(50);
        assertThat(summary.channels().get(Channel.SMS)).isEqualTo(new DeliveryCounts(2, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0));
        assertThat(summary.channels()).containsOnlyKeys(Channel.EMAIL, Channel.SMS, Channel.TELEGRAM);

        var lines = reports.byOrganization(scopeOf(fixture.regionA()), mailingId, new PageRequest(0, 50));
        assertThat(lines.total()).isEqualTo(2);
        assertThat(lines.items())
                .extracting(MailingReports.OrganizationLine::organizationId)
                .containsExactly(primary, territorial);
        assertThat(lines.items().get(0).counts().total()).isEqualTo(6);
        assertThat(lines.items().get(0).chain()).isNotEmpty();
        assertThat(lines.items().get(1).counts()).isEqualTo(new DeliveryCounts(2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(lines.items().get(0).counts().plus(lines.items().get(1).counts()))
                .isEqualTo(summary.totals());
    }

    @Test
    void hidesTheReportFromStaffOutsideTheSendersScope() {
        long mailingId = mailing(fixture.regionA());
        row(mailingId, fixture.primaryA1(), Channel.EMAIL, OutboxStatus.SENT);

        Refusals.assertRefused(
                Kind.NOT_FOUND, "mailing.notFound", () -> reports.summary(scopeOf(fixture.regionB()), mailingId));
        Refusals.assertRefused(
                Kind.NOT_FOUND,
                "mailing.notFound",
                () -> reports.byOrganization(scopeOf(fixture.primaryA1()), mailingId, new PageRequest(0, 10)));
        Refusals.assertRefused(
                Kind.NOT_FOUND, "mailing.notFound", () -> reports.summary(scopeOf(fixture.regionA()), -1));
    }

    @Test
    void putsAMailingWithFailedOrUnknownRowsOnTheSendersHome() {
        long troubled = mailing(fixture.regionA());
        row(troubled, fixture.primaryA1(), Channel.EMAIL, OutboxStatus.FAILED, "bounced");
        row(troubled, fixture.primaryA1(), Channel.TELEGRAM, OutboxStatus.UNKNOWN);
        row(troubled, fixture.primaryA1(), Channel.EMAIL, OutboxStatus.SENT);
        long fine = mailing(fixture.regionA());
        row(fine, fixture.primaryA1(), Channel.EMAIL, OutboxStatus.SENT);

        TaskScope home = new TaskScope(List.of(fixture.regionA()), clock.instant(), MoscowTime.today(clock), 50);
        List<WorkItem> items = actors.as(Fixture.ADMIN_A, () -> tasks.tasks(home));

        assertThat(items)
                .filteredOn(item -> item.key().equals(MailingTasks.KIND + ":" + troubled))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.title()).isEqualTo("Отчёт о доставке — 2");
                    assertThat(item.organizationId()).isEqualTo(fixture.regionA());
                    assertThat(item.link()).endsWith("/mailings/" + troubled).startsWith("/orgs/");
                });
        assertThat(items).noneMatch(item -> item.key().equals(MailingTasks.KIND + ":" + fine));
        // region B's administrator holds no role in region A: nothing of it on their home
        assertThat(actors.as(
                        Fixture.ADMIN_B,
                        () -> tasks.tasks(new TaskScope(
                                List.of(fixture.regionA()), clock.instant(), MoscowTime.today(clock), 50))))
                .noneMatch(item -> item.key().equals(MailingTasks.KIND + ":" + troubled));
    }

    @Test
    void feedsTheShareDeliveredOfTheMonthsMessagesToTheIndicators() {
        long primary = fixture.primary(fixture.territorialA1(), Fixture.unique("ППО рассылок"), 100);
        long mailingId = mailing(fixture.regionA());
        row(mailingId, primary, Channel.EMAIL, OutboxStatus.SENT, "opened");
        row(mailingId, primary, Channel.EMAIL, OutboxStatus.SENT);
        row(mailingId, primary, Channel.SMS, OutboxStatus.SENT, "receipt");
        row(mailingId, primary, Channel.EMAIL, OutboxStatus.FAILED, "bounced");
        java.time.YearMonth month = MoscowTime.month(clock);

        var reach = actors.as(Fixture.ADMIN_A, () -> indicators.readings(primary, month)).stream()
                .filter(reading -> reading.code().equals(MailingIndicators.CODE))
                .findFirst()
                .orElseThrow();
        assertThat(reach.value()).isEqualByComparingTo("75");
        assertThat(reach.sourceDetail()).isEqualTo("3 / 4");
        assertThat(reach.met()).isFalse();
        var before = actors.as(Fixture.ADMIN_A, () -> indicators.readings(primary, month.minusMonths(1))).stream()
                .filter(reading -> reading.code().equals(MailingIndicators.CODE))
                .findFirst()
                .orElseThrow();
        assertThat(before.value()).isNull();
    }
}
