package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.RegistryRules.Meeting;
import ru.profkom.members.RegistryRules.Place;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationStatus;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.ProfkomException.Problem;
import ru.profkom.shared.Scope;

class RegistryRulesTests {

    private static final Scope REGION_A = Scope.ofPaths(List.of("/1/2/"));
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Place place(long id, String path, boolean open, int hoursAfter) {
        return new Place(id, path, open, T0.plusSeconds(3600L * hoursAfter));
    }

    @Test
    void staffCoveringEveryOpenMembershipMayChangeThePerson() {
        assertThat(RegistryRules.meet(REGION_A, List.of(place(1, "/1/2/5/", true, 0))))
                .isEqualTo(Meeting.MAY_CHANGE);
        assertThat(RegistryRules.meet(REGION_A, List.of(place(1, "/1/9/5/", false, 0), place(2, "/1/2/5/", true, 1))))
                .as("an earlier membership elsewhere does not matter while the open one is ours")
                .isEqualTo(Meeting.MAY_CHANGE);
    }

    @Test
    void anOpenMembershipOutsideTheScopeBecomesATransferRequest() {
        List<Place> places = List.of(place(1, "/1/2/5/", false, 0), place(2, "/1/9/5/", true, 1));

        assertThat(RegistryRules.meet(REGION_A, places)).isEqualTo(Meeting.TRANSFER_REQUEST);
        assertThat(RegistryRules.mayChange(REGION_A, places)).isFalse();
        assertThat(RegistryRules.holder(REGION_A, places))
                .get()
                .extracting(Place::membershipId)
                .isEqualTo(2L);
    }

    @Test
    void aPersonWhoLeftBelongsToTheOrganizationOfTheLastMembership() {
        List<Place> leftB = List.of(place(1, "/1/2/5/", false, 0), place(2, "/1/9/5/", false, 1));
        List<Place> leftA = List.of(place(1, "/1/9/5/", false, 0), place(2, "/1/2/5/", false, 1));

        assertThat(RegistryRules.meet(REGION_A, leftB)).isEqualTo(Meeting.REGISTER_ANEW);
        assertThat(RegistryRules.meet(REGION_A, leftA)).isEqualTo(Meeting.MAY_CHANGE);
        assertThat(RegistryRules.meet(REGION_A, List.of())).isEqualTo(Meeting.REGISTER_ANEW);
    }

    @Test
    void theSystemMayChangeAnyone() {
        assertThat(RegistryRules.meet(Scope.EVERYTHING, List.of(place(2, "/1/9/5/", true, 1))))
                .isEqualTo(Meeting.MAY_CHANGE);
    }

    @Test
    void aRowBelongsToTheMembershipInForceWhenItWasWritten() {
        // Left B (region 9), registered anew in A two hours later.
        List<Place> places = List.of(place(1, "/1/9/5/", false, 0), place(2, "/1/2/5/", true, 2));

        assertThat(RegistryRules.writtenInScope(REGION_A, places, T0.plusSeconds(3600)))
                .isFalse();
        assertThat(RegistryRules.writtenInScope(REGION_A, places, T0.plusSeconds(7200)))
                .as("written with the new membership")
                .isTrue();
        assertThat(RegistryRules.writtenInScope(REGION_A, places, T0.minusSeconds(1)))
                .as("before any membership: the first one's")
                .isFalse();
        assertThat(RegistryRules.writtenInScope(Scope.EVERYTHING, places, T0)).isTrue();
        assertThat(RegistryRules.visible(REGION_A, places)).isTrue();
        assertThat(RegistryRules.visible(REGION_A, places.subList(0, 1))).isFalse();
    }

    // ---- the write rule --------------------------------------------------------------------

    @Test
    void refusesAsForbiddenAChangeByStaffWhoDoNotCoverEveryOpenMembership() {
        List<Place> elsewhere = List.of(place(1, "/1/2/5/", false, 0), place(2, "/1/9/5/", true, 1));

        assertRefused(Kind.FORBIDDEN, "member.notWritable", () -> RegistryRules.requireWritable(REGION_A, elsewhere));
        RegistryRules.requireWritable(REGION_A, List.of(place(1, "/1/2/5/", true, 0)));
        RegistryRules.requireWritable(Scope.EVERYTHING, elsewhere);
    }

    @Test
    void letsOnlyOpenPrimaryAndShopOrganizationsHoldMembers() {
        assertThat(RegistryRules.holdsMembers(organization(OrganizationKind.PRIMARY, OrganizationStatus.ACTIVE)))
                .isTrue();
        assertThat(RegistryRules.holdsMembers(organization(OrganizationKind.SHOP, OrganizationStatus.ACTIVE)))
                .isTrue();
        assertThat(RegistryRules.holdsMembers(organization(OrganizationKind.REGIONAL, OrganizationStatus.ACTIVE)))
                .isFalse();
        assertThat(RegistryRules.holdsMembers(organization(OrganizationKind.PRIMARY, OrganizationStatus.LIQUIDATED)))
                .isFalse();
        assertRefused(
                Kind.INVALID,
                "organizationId",
                "member.organization.notPrimary",
                () -> RegistryRules.requireHoldsMembers(
                        organization(OrganizationKind.TERRITORIAL, OrganizationStatus.ACTIVE), "organizationId"));
        assertRefused(
                Kind.CONFLICT,
                "organization.closed",
                () -> RegistryRules.requireHoldsMembers(
                        organization(OrganizationKind.PRIMARY, OrganizationStatus.MERGED), "organizationId"));
    }

    // ---- a person's data -------------------------------------------------------------------

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static PersonData person(String lastName, String firstName, LocalDate birthDate, String snils) {
        return new PersonData(lastName, firstName, null, birthDate, null, snils, null, null, null, null);
    }

    @Test
    void cleansAPersonsDataAsTheRegistryStoresIt() {
        PersonData clean = RegistryRules.validate(
                new PersonData(
                        "  иванова ",
                        "анна  мария",
                        "",
                        LocalDate.of(1990, 5, 1),
                        Gender.F,
                        "112-233-445 95",
                        "8 (912) 345-67-89",
                        "  anna@example.ru ",
                        " старшая   медсестра ",
                        "   "),
                TODAY,
                null);

        assertThat(clean.lastName()).isEqualTo("Иванова");
        assertThat(clean.firstName()).isEqualTo("Анна Мария");
        assertThat(clean.patronymic()).isNull();
        assertThat(clean.snils()).isEqualTo("11223344595");
        assertThat(clean.phone()).isEqualTo("+79123456789");
        assertThat(clean.email()).isEqualTo("anna@example.ru");
        assertThat(clean.position()).isEqualTo("старшая медсестра");
        assertThat(clean.department()).isNull();
    }

    @Test
    void refusesEveryProblemOfAPersonsDataAtOnce() {
        var refusal = assertRefused(
                Kind.INVALID,
                "member.lastName.noLetters",
                () -> RegistryRules.validate(
                        new PersonData(
                                "---",
                                " ",
                                null,
                                TODAY.plusDays(1),
                                null,
                                "112-233-445 00",
                                "12",
                                "not-an-address",
                                null,
                                null),
                        TODAY,
                        null));

        assertThat(refusal.problems())
                .extracting(Problem::field, Problem::messageKey)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("firstName", "validation.required"),
                        org.assertj.core.groups.Tuple.tuple("birthDate", "member.birthDate.future"),
                        org.assertj.core.groups.Tuple.tuple("snils", "member.snils.invalid"),
                        org.assertj.core.groups.Tuple.tuple("phone", "validation.phone"),
                        org.assertj.core.groups.Tuple.tuple("email", "validation.email"));
        assertRefused(
                Kind.INVALID,
                "birthDate",
                "member.birthDate.tooOld",
                () -> RegistryRules.validate(person("Иванова", "Анна", LocalDate.of(1899, 12, 31), null), TODAY, null));
    }

    @Test
    void refusesTheSnilsOfSomeoneElseOnlyWhenAsked() {
        PersonData data = person("Иванова", "Анна", null, "112-233-445 95");

        assertRefused(
                Kind.INVALID,
                "snils",
                "member.snils.taken",
                () -> RegistryRules.validate(data, TODAY, "11223344595"::equals));
        assertThat(RegistryRules.validate(data, TODAY, snils -> false).snils()).isEqualTo("11223344595");
        assertThat(RegistryRules.validate(data, TODAY, null).snils())
                .as("a new person's SNILS finds them instead")
                .isEqualTo("11223344595");
    }

    @Test
    void collectsTheProblemsOfAnImportRowInsteadOfThrowing() {
        MembershipData joining =
                new MembershipData(MembershipStatus.ACTIVE, LocalDate.of(1980, 1, 1), "К".repeat(33), Category.WORKER);

        RegistryRules.ImportCheck check =
                RegistryRules.checkForImport(person("Иванова", "Анна", LocalDate.of(1990, 5, 1), null), joining, TODAY);

        assertThat(check.clean()).isNull();
        assertThat(check.problems())
                .extracting(Problem::field, Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("joinedOn", "member.date.beforeBirth"),
                        org.assertj.core.groups.Tuple.tuple("cardNumber", "validation.tooLong"));
        assertThat(RegistryRules.checkForImport(person("", "Анна", null, null), joining, TODAY)
                        .problems())
                .extracting(Problem::messageKey)
                .containsExactly("validation.required");
        assertThat(RegistryRules.checkForImport(
                                person("Иванова", "Анна", null, null),
                                new MembershipData(null, null, null, null),
                                TODAY)
                        .clean())
                .isNotNull();
    }

    @Test
    void datesAMembershipNeitherInTheFutureNorBeforeBirth() {
        var validation = new ru.profkom.shared.Validation();
        RegistryRules.checkDate(validation, "joinedOn", TODAY, TODAY, LocalDate.of(1990, 1, 1));
        assertThat(validation.hasProblems()).isFalse();
        RegistryRules.checkDate(validation, "joinedOn", TODAY.plusDays(1), TODAY, null);
        RegistryRules.checkDate(validation, "joinedOn", LocalDate.of(1989, 12, 31), TODAY, LocalDate.of(1990, 1, 1));
        assertRefused(Kind.INVALID, "joinedOn", "member.date.future", validation::throwIfInvalid);
        assertRefused(Kind.INVALID, "joinedOn", "member.date.beforeBirth", validation::throwIfInvalid);
    }

    @Test
    void findsTheSamePersonByTheFoldedName() {
        assertThat(RegistryRules.nameKey(
                        new PersonData("Артёмова", "Анна", "Петровна", null, null, null, null, null, null, null)))
                .isEqualTo("артемова анна петровна");
        assertThat(RegistryRules.nameKey(person("Артёмова", "Анна", null, null)))
                .isEqualTo("артемова анна");
    }

    @Test
    void keepsKnownValuesOverBlanksWhenMerging() {
        PersonData stored = new PersonData(
                "Артёмова",
                "Анна",
                "Петровна",
                LocalDate.of(1990, 5, 1),
                Gender.F,
                "11223344595",
                "+79123456789",
                null,
                "медсестра",
                null);
        PersonData incoming = new PersonData(
                "АРТЕМОВА", "Анна", null, null, null, null, null, "anna@example.ru", "старшая медсестра", null);

        PersonData merged = RegistryRules.merge(stored, incoming);

        assertThat(merged.lastName()).as("the stored spelling of the same name").isEqualTo("Артёмова");
        assertThat(merged.patronymic()).isEqualTo("Петровна");
        assertThat(merged.birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
        assertThat(merged.phone()).isEqualTo("+79123456789");
        assertThat(merged.email()).isEqualTo("anna@example.ru");
        assertThat(merged.position()).isEqualTo("старшая медсестра");
    }

    @Test
    void listsTheChangedFieldsInTheOrderOfTheForm() {
        PersonData before = person("Иванова", "Анна", LocalDate.of(1990, 5, 1), null);
        PersonData after = new PersonData(
                "Петрова", "Анна", null, LocalDate.of(1990, 5, 2), Gender.F, null, null, null, null, null);

        assertThat(RegistryRules.changes(before, after))
                .containsExactly(
                        new RegistryRules.FieldChange("lastName", "Иванова", "Петрова"),
                        new RegistryRules.FieldChange("birthDate", "1990-05-01", "1990-05-02"),
                        new RegistryRules.FieldChange("gender", null, "F"));
        assertThat(RegistryRules.changes(before, before)).isEmpty();
    }

    private static Organization organization(OrganizationKind kind, OrganizationStatus status) {
        return new Organization(
                5L, 2L, "/1/2/5/", 2, kind, null, "ППО", "ППО", null, null, null, null, null, null, null, null, null,
                null, status, null, null, T0, 0);
    }
}
