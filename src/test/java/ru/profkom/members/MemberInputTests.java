package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/** Input the registry used to take: names without letters, transfers before joining, withdrawals in 2999. */
@ProfkomIntegrationTest
class MemberInputTests {

    @Autowired
    Members members;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    DatabaseSnapshot database;

    @Test
    void aNameWithoutLettersIsRefused() {
        DatabaseSnapshot.Content before = database.take();

        assertRefused(Kind.INVALID, "lastName", "member.lastName.noLetters", () -> register("---", "Анна"));
        assertRefused(Kind.INVALID, "firstName", "member.firstName.noLetters", () -> register("Петрова", "123"));
        database.assertUnchangedSince(before);
    }

    @Test
    void aTransferBeforeJoiningOrIn1800IsRefusedNamingTheDate() {
        long target = fixture.organization(fixture.territorialA1(), OrganizationKind.PRIMARY, "ППО для перевода");
        Member member = register(MembersTests.surname(), "Анна");
        long membershipId = member.memberships().getFirst().id();
        DatabaseSnapshot.Content before = database.take();

        assertRefused(
                Kind.INVALID,
                "date",
                "member.transfer.beforeJoining",
                () -> actors.as(
                        Fixture.ADMIN_A, () -> members.transfer(membershipId, target, LocalDate.of(2019, 12, 31))));
        assertRefused(
                Kind.INVALID,
                "date",
                "member.transfer.beforeJoining",
                () -> actors.as(
                        Fixture.ADMIN_A, () -> members.transfer(membershipId, target, LocalDate.of(1800, 1, 1))));
        database.assertUnchangedSince(before);
    }

    @Test
    void aWithdrawalIn2999OrBeforeTheConsentIsRefused() {
        Member member = register(MembersTests.surname(), "Анна");
        Member withConsent = actors.as(
                Fixture.ADMIN_A,
                () -> members.giveConsent(
                        member.id(), ConsentPurpose.EMAIL, LocalDate.of(2024, 3, 15), ConsentForm.PAPER, "Заявление"));
        long consentId = withConsent.consents().getFirst().id();
        DatabaseSnapshot.Content before = database.take();

        assertRefused(
                Kind.INVALID,
                "date",
                "member.date.future",
                () -> actors.as(Fixture.ADMIN_A, () -> members.withdrawConsent(consentId, LocalDate.of(2999, 1, 1))));
        assertRefused(
                Kind.INVALID,
                "date",
                "member.consent.withdrawnBeforeGiven",
                () -> actors.as(Fixture.ADMIN_A, () -> members.withdrawConsent(consentId, LocalDate.of(2024, 3, 14))));
        database.assertUnchangedSince(before);

        Member withdrawn =
                actors.as(Fixture.ADMIN_A, () -> members.withdrawConsent(consentId, LocalDate.of(2024, 3, 15)));
        assertThat(withdrawn.consents().getFirst().withdrawnOn()).isEqualTo(LocalDate.of(2024, 3, 15));
    }

    private Member register(String lastName, String firstName) {
        return actors.as(
                Fixture.ADMIN_A,
                () -> members.register(
                        fixture.primaryA1(),
                        MembersTests.person(lastName, firstName, null),
                        new MembershipData(MembershipStatus.ACTIVE, LocalDate.of(2020, 1, 1), null, Category.WORKER)));
    }
}
