package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Snils;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class MembersTests {

    @Autowired
    Members members;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    AuditLog auditLog;

    // ---- registration and its refusals -----------------------------------------------------------

    @Test
    void registersAMemberWithAllTheirData() {
        PersonData person = person(surname(), "Анна", "Петровна");
        Member member = register(Fixture.ADMIN_A, fixture.primaryA1(), person, card());

        assertThat(member.lastName()).isEqualTo(person.lastName());
        assertThat(member.snils()).isEqualTo(Snils.normalize(person.snils()));
        assertThat(member.phone()).isEqualTo(person.phone());
        assertThat(member.memberships()).singleElement().satisfies(membership -> {
            assertThat(membership.status()).isEqualTo(MembershipStatus.ACTIVE);
            assertThat(membership.organizationId()).isEqualTo(fixture.primaryA1());
        });
    }

    @Test
    void findsThePersonBySnilsInsteadOfAddingThemTwice() {
        PersonData person = person(surname(), "Анна", "Петровна");
        register(Fixture.ADMIN_A, fixture.primaryA1(), person, card());
        PersonData sameSnils = new PersonData(
                surname(), "Иван", null, LocalDate.of(1970, 1, 1), null, person.snils(), null, null, null, null);

        assertRefused(
                Kind.CONFLICT,
                "member.alreadyMember",
                () -> register(Fixture.ADMIN_A, fixture.primaryA1(), sameSnils, card()));
    }

    @Test
    void findsThePersonByFoldedNameAndBirthDate() {
        String surname = surname();
        PersonData person = new PersonData(
                "Ёж" + surname, "Алёна", "Сергеевна", LocalDate.of(1990, 3, 4), null, null, null, null, null, null);
        register(Fixture.ADMIN_A, fixture.primaryA1(), person, card());
        PersonData typedOtherwise = new PersonData(
                "  еж" + surname.toUpperCase(),
                "АЛЕНА",
                "сергеевна ",
                LocalDate.of(1990, 3, 4),
                null,
                null,
                null,
                null,
                null,
                null);

        assertRefused(
                Kind.CONFLICT,
                "member.alreadyMember",
                () -> register(Fixture.ADMIN_A, fixture.primaryA1(), typedOtherwise, card()));
    }

    @Test
    void rejectsACardNumberAlreadyIssued() {
        String card = card();
        register(Fixture.ADMIN_A, fixture.primaryA1(), person(surname(), "Анна", null), card);

        assertRefused(
                Kind.INVALID,
                "cardNumber",
                "member.card.taken",
                () -> register(Fixture.ADMIN_A, fixture.primaryA1(), person(surname(), "Борис", null), card));
    }

    @Test
    void rejectsABirthDateInTheFutureAndAnInvalidSnils() {
        PersonData future = new PersonData(
                surname(), "Анна", null, LocalDate.now().plusDays(2), null, null, null, null, null, null);
        PersonData badSnils =
                new PersonData(surname(), "Анна", null, null, null, "112-233-445 00", null, null, null, null);

        assertRefused(
                Kind.INVALID,
                "birthDate",
                "member.birthDate.future",
                () -> register(Fixture.ADMIN_A, fixture.primaryA1(), future, null));
        assertRefused(
                Kind.INVALID,
                "snils",
                "member.snils.invalid",
                () -> register(Fixture.ADMIN_A, fixture.primaryA1(), badSnils, null));
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    @Test
    void recordsAnExitInTheHistory() {
        Member member = register(Fixture.ADMIN_A, fixture.primaryA1(), person(surname(), "Анна", null), card());
        long membershipId = member.memberships().getFirst().id();

        Member exited = actors.as(Fixture.ADMIN_A, () -> members.exit(membershipId, ExitReason.OWN_WISH, today()));

        assertThat(exited.memberships().getFirst().status()).isEqualTo(MembershipStatus.EXITED);
        assertThat(exited.memberships().getFirst().exitReason()).isEqualTo(ExitReason.OWN_WISH);
        List<MemberChange> history = actors.as(Fixture.ADMIN_A, () -> members.history(member.id()));
        assertThat(history).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("status");
            assertThat(change.oldValue()).isEqualTo("ACTIVE");
            assertThat(change.newValue()).contains("EXITED");
            assertThat(change.actorLogin()).isEqualTo(Fixture.ADMIN_A);
        });
    }

    @Test
    void keepsTheCardNumberThroughATransfer() {
        long otherPrimary = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО для перевода");
        String card = card();
        Member member = register(Fixture.ADMIN_A, fixture.primaryA1(), person(surname(), "Анна", null), card);

        Member transferred = actors.as(
                Fixture.ADMIN_A,
                () -> members.transfer(member.memberships().getFirst().id(), otherPrimary, null));

        Membership current = transferred.memberships().stream()
                .filter(m -> m.status().current())
                .findFirst()
                .orElseThrow();
        assertThat(current.organizationId()).isEqualTo(otherPrimary);
        assertThat(current.cardNumber()).isEqualTo(card);
        assertThat(transferred.memberships()).hasSize(2);
    }

    // ---- search ----------------------------------------------------------------------------------

    @Test
    void findsAMemberBySurnamePrefixWordsInAnyOrderCardSnilsPhoneAndEmail() {
        String surname = surname();
        PersonData person = person(surname, "Анастасия", "Игоревна");
        String card = card();
        Member member = register(Fixture.ADMIN_A, fixture.primaryA1(), person, card);

        assertThat(search(surname.substring(0, surname.length() - 2))).contains(member.id());
        assertThat(search("игоревна " + surname.toLowerCase() + " анаст")).contains(member.id());
        assertThat(search(card)).containsExactly(member.id());
        assertThat(search(person.snils())).containsExactly(member.id());
        assertThat(search(person.phone())).containsExactly(member.id());
        assertThat(search(person.email().toUpperCase())).containsExactly(member.id());
        assertThat(search("Никтоневстречался " + surname)).isEmpty();
    }

    @Test
    void listsSurnameMatchesFirstThenOtherWordsAndCountsNoFurtherThanThePage() {
        String word = surname();
        // "Абв…" sorts before the word itself: by name order alone this person would come first.
        Member byFirstName = register(Fixture.ADMIN_A, fixture.primaryA1(), person("Абрамов", word, null), card());
        Member bySurname = register(Fixture.ADMIN_A, fixture.primaryA1(), person(word + "ов", "Пётр", null), card());
        Member bySurnameToo = register(Fixture.ADMIN_A, fixture.primaryA1(), person(word + "а", "Анна", null), card());

        assertThat(search(word)).containsExactly(bySurnameToo.id(), bySurname.id(), byFirstName.id());

        var firstPage = actors.as(
                Fixture.ADMIN_A,
                () -> members.search(
                        new MemberQuery(word, fixture.regionA(), null, null, null, null), PageRequest.of(0, 2)));
        assertThat(firstPage.items()).hasSize(2);
        assertThat(firstPage.totalAtLeast()).isTrue();
        var secondPage = actors.as(
                Fixture.ADMIN_A,
                () -> members.search(
                        new MemberQuery(word, fixture.regionA(), null, null, null, null), PageRequest.of(1, 2)));
        assertThat(secondPage.items()).extracting(MemberSummary::personId).containsExactly(byFirstName.id());
        assertThat(secondPage.totalAtLeast()).isFalse();
        assertThat(secondPage.total()).isEqualTo(3);
    }

    @Test
    void endsAPrefixRangeJustAfterEveryNameStartingWithIt() {
        assertThat(MemberConditions.prefixEnd("ива")).isEqualTo("ивб");
        assertThat(MemberConditions.prefixEnd("шея")).isEqualTo("шеѐ");
        assertThat("иваново").isGreaterThanOrEqualTo("ива").isLessThan(MemberConditions.prefixEnd("ива"));
    }

    // ---- scope -----------------------------------------------------------------------------------

    @Test
    void showsAnotherRegionsMembersToNoOne() {
        PersonData person = person(surname(), "Борис", null);
        Member outside = register(Fixture.ADMIN_B, fixture.primaryB1(), person, card());

        assertThat(actors.as(
                                Fixture.ADMIN_A,
                                () -> members.search(
                                        new MemberQuery(person.lastName(), null, null, null, null, null),
                                        PageRequest.of(0, 50)))
                        .items())
                .isEmpty();
        assertRefused(
                Kind.NOT_FOUND, "member.notFound", () -> actors.as(Fixture.ADMIN_A, () -> members.get(outside.id())));
        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.run(
                        Fixture.ADMIN_A, () -> members.export(MemberQuery.of(fixture.primaryB1()), "CSV", row -> {})));
        assertRefused(
                Kind.NOT_FOUND,
                "member.notFound",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> members.exit(outside.memberships().getFirst().id(), ExitReason.OWN_WISH, null)));
    }

    @Test
    void showsAMemberAccountNoOneThroughTheRegistry() {
        Member member = register(Fixture.ADMIN_A, fixture.primaryA1(), person(surname(), "Вера", null), card());

        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(
                        Fixture.MEMBER_A1,
                        () -> members.search(MemberQuery.of(fixture.primaryA1()), PageRequest.of(0, 10))));
        assertThat(actors.as(Fixture.MEMBER_A1, () -> members.search(MemberQuery.all(), PageRequest.of(0, 10)))
                        .items())
                .isEmpty();
        assertRefused(
                Kind.NOT_FOUND, "member.notFound", () -> actors.as(Fixture.MEMBER_A1, () -> members.get(member.id())));
    }

    // ---- audit -----------------------------------------------------------------------------------

    @Test
    void auditsJoiningReadingAndExportingWithoutPersonalData() {
        PersonData person = person(surname(), "Галина", null);
        Member member = register(Fixture.ADMIN_A, fixture.primaryA1(), person, card());
        actors.as(Fixture.ADMIN_A, () -> members.get(member.id()));
        actors.run(Fixture.ADMIN_A, () -> members.export(MemberQuery.of(fixture.primaryA1()), "CSV", row -> {}));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<AuditEntry> entries = actors.as(
                            Fixture.ADMIN_A,
                            () -> auditLog.forSubtree(fixture.primaryA1(), AuditFilter.none(), PageRequest.of(0, 200)))
                    .items();
            assertThat(entries)
                    .extracting(AuditEntry::action)
                    .contains("MEMBER_JOINED", "MEMBER_CARD_READ", "MEMBERS_EXPORTED");
            assertThat(entries)
                    .extracting(AuditEntry::details)
                    .noneMatch(details -> details != null
                            && (details.contains(person.lastName()) || details.contains(person.phone())));
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private List<Long> search(String text) {
        return actors
                .as(
                        Fixture.ADMIN_A,
                        () -> members.search(
                                new MemberQuery(text, fixture.regionA(), null, null, null, null),
                                PageRequest.of(0, 50)))
                .items()
                .stream()
                .map(MemberSummary::personId)
                .toList();
    }

    private Member register(String login, long organizationId, PersonData person, String card) {
        return actors.as(
                login,
                () -> members.register(
                        organizationId,
                        person,
                        new MembershipData(MembershipStatus.ACTIVE, null, card, Category.WORKER)));
    }

    /** A surname no other test uses: Cyrillic letters from a counter, so that name searches find one person. */
    static String surname() {
        String letters = "бвгдклмнпрстфхцчшщ";
        long n = Fixture.next();
        StringBuilder name = new StringBuilder("Тест");
        for (int i = 0; i < 8; i++) {
            name.append(letters.charAt((int) Math.floorMod(n, letters.length())));
            n /= letters.length();
        }
        return name + "ова";
    }

    static String card() {
        return Fixture.uniqueDigits(9) + "Б";
    }

    static PersonData person(String lastName, String firstName, String patronymic) {
        String snils = Fixture.uniqueSnils();
        String phone = "+7916" + Fixture.uniqueDigits(7);
        return new PersonData(
                lastName,
                firstName,
                patronymic,
                LocalDate.of(1995, 5, 17),
                Gender.F,
                snils,
                phone,
                Fixture.unique("m").toLowerCase() + "@profkom.test",
                "Медсестра",
                "Хирургия");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Moscow"));
    }
}
