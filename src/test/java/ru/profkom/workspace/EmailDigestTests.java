package ru.profkom.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static profkom.schema.Tables.MAIL_MESSAGE;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.JoinApplications;
import ru.profkom.members.PersonData;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;

/**
 * The daily digest reads each person's tasks as that person, goes out through the mail outbox to a real SMTP
 * server (GreenMail) once a day at most, and only when something is new.
 */
@ProfkomIntegrationTest
class EmailDigestTests {

    @Autowired
    EmailDigests digests;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    JoinApplications applications;

    @Autowired
    Notifications notifications;

    @Autowired
    PublicAddress address;

    @Autowired
    DSLContext dsl;

    @Autowired
    Accounts accounts;

    @Test
    void aDigestListsThePersonsOwnTasksWithLinksAndNeverAnotherOrganizations() throws Exception {
        long primary = fixture.primary(fixture.territorialA1(), null, 60);
        long sibling = fixture.primary(fixture.territorialA1(), null, 60);
        String chair = fixture.account(primary, Role.CHAIR);
        String siblingChair = fixture.account(sibling, Role.CHAIR);
        String mine = Fixture.uniqueSurname("Дайджестов");
        String theirs = Fixture.uniqueSurname("Соседов");
        apply(primary, mine);
        apply(sibling, theirs);
        LocalDate day = LocalDate.of(2031, 1, 15);

        digests.send(day);

        String letter = body(received(chair));
        assertThat(received(chair).getSubject())
                .startsWith("Профком: новых задач")
                .contains("15.01.2031");
        assertThat(letter)
                .contains("Здравствуйте, Тестовый Пользователь " + chair)
                .contains("Заявление о вступлении: " + mine)
                .contains(address.link("/orgs/" + primary + "/site#applications"))
                .contains(address.link("/me"))
                .doesNotContain(theirs)
                .doesNotContain("/orgs/" + sibling + "/");
        assertThat(body(received(siblingChair))).contains(theirs).doesNotContain(mine);
        // What the letter lists is what the person's own home lists: nothing more.
        List<String> home = actors.as(chair, () -> notifications.mine()).stream()
                .map(notification -> notification.item().title())
                .toList();
        assertThat(home).anyMatch(title -> title.contains(mine)).noneMatch(title -> title.contains(theirs));
        // The job leaves no actor behind on its thread.
        assertThat(CurrentActor.scoped()).isEmpty();
    }

    @Test
    void aDayGetsOneDigestAndADayWithNothingNewGetsNone() throws Exception {
        long primary = fixture.primary(fixture.territorialA1(), null, 40);
        String chair = fixture.account(primary, Role.CHAIR);
        apply(primary, Fixture.uniqueSurname("Первый"));
        LocalDate day = LocalDate.of(2031, 2, 10);

        digests.send(day);
        digests.send(day);
        assertThat(queuedFor(chair)).isEqualTo(1);

        // The next morning the same tasks are still open, but none is new: no letter.
        digests.send(day.plusDays(1));
        assertThat(queuedFor(chair)).isEqualTo(1);

        String second = Fixture.uniqueSurname("Второй");
        apply(primary, second);
        digests.send(day.plusDays(2));
        assertThat(queuedFor(chair)).isEqualTo(2);
        await().atMost(Patience.AFTER_COMMIT)
                .until(() -> TestMail.receivedBy(Fixture.emailOf(chair)).size() == 2);
        String latest = dsl.select(MAIL_MESSAGE.BODY)
                .from(MAIL_MESSAGE)
                .where(MAIL_MESSAGE.RECIPIENT.eq(Fixture.emailOf(chair)))
                .orderBy(MAIL_MESSAGE.ID.desc())
                .limit(1)
                .fetchOne(MAIL_MESSAGE.BODY);
        assertThat(latest).contains("[новое] Заявление о вступлении: " + second);
        assertThat(latest.lines().filter(line -> line.contains("[новое]"))).hasSize(1);
    }

    @Test
    void aPersonWhoSwitchedTheDigestOffIsNotWrittenTo() {
        long primary = fixture.primary(fixture.territorialA1(), null, 30);
        String chair = fixture.account(primary, Role.CHAIR);
        apply(primary, Fixture.uniqueSurname("Отписка"));
        actors.run(chair, () -> notifications.setDigestEnabled(false));

        digests.send(LocalDate.of(2031, 3, 3));

        assertThat(queuedFor(chair)).isZero();
    }

    @Test
    void aPersonWhoseRoleWasRevokedGetsNoDigestOfThatOrganization() {
        long primary = fixture.primary(fixture.territorialA1(), null, 30);
        String chair = fixture.account(primary, Role.CHAIR);
        apply(primary, Fixture.uniqueSurname("Отозванный"));
        long grant =
                actors
                        .as(Fixture.ADMIN_A, () -> accounts.grantsIn(primary, false, new PageRequest(0, 50)))
                        .items()
                        .stream()
                        .filter(view -> view.login().equals(chair))
                        .findFirst()
                        .orElseThrow()
                        .id();
        actors.run(Fixture.ADMIN_A, () -> accounts.revoke(grant));

        digests.send(LocalDate.of(2031, 4, 4));

        assertThat(queuedFor(chair)).isZero();
    }

    @Test
    void theJobIsScheduledForSevenInTheMorningMoscowTime() {
        Instant next = dsl.select(DSL.field("execution_time", Instant.class))
                .from(DSL.table("scheduled_tasks"))
                .where(DSL.field("task_name").eq(DigestJob.NAME))
                .fetchOne(DSL.field("execution_time", Instant.class));

        assertThat(next).isNotNull();
        LocalDateTime moscow = LocalDateTime.ofInstant(next, MoscowTime.ZONE);
        assertThat(moscow.toLocalTime()).isEqualTo(LocalTime.of(7, 0));
    }

    private int queuedFor(String login) {
        return dsl.fetchCount(MAIL_MESSAGE, MAIL_MESSAGE.RECIPIENT.eq(Fixture.emailOf(login)));
    }

    private static MimeMessage received(String login) {
        return await().atMost(Patience.AFTER_COMMIT)
                .until(() -> TestMail.receivedBy(Fixture.emailOf(login)), list -> !list.isEmpty())
                .getFirst();
    }

    private static String body(MimeMessage message) throws Exception {
        return (String) message.getContent();
    }

    private void apply(long primary, String surname) {
        CurrentActor.asSystem(() -> applications.receive(
                primary,
                new PersonData(
                        surname,
                        "Анна",
                        "Петровна",
                        LocalDate.of(1990, 5, 4),
                        null,
                        null,
                        null,
                        "zayavka@example.ru",
                        null,
                        null),
                true));
    }
}
