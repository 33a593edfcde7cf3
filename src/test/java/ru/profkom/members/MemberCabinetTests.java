package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.Refusals;

@ProfkomIntegrationTest
class MemberCabinetTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Members members;

    @Autowired
    MemberCabinet cabinet;

    @Autowired
    MemberAccountLinks accountLinks;

    @Autowired
    CorrectionRequests corrections;

    @Autowired
    Clock clock;

    @Test
    void showsTheMemberOnlyTheirOwnPerson() throws Exception {
        long mine = register("Гончарова", fixture.primaryA1());
        long neighbour = register("Тургенева", fixture.primaryA1());
        String login = linkedAccount(mine, fixture.primaryA1());
        linkedAccount(neighbour, fixture.primaryA1());

        String page = page(login, "/cabinet");

        assertThat(page)
                .contains("Гончарова Анна Сергеевна", "Отозвать согласие")
                .doesNotContain("Тургенева");
        assertThat(actors.as(login, () -> cabinet.me().id())).isEqualTo(mine);
        assertThat(page(login, "/")).contains("/cabinet", "Личный кабинет");
    }

    @Test
    void recordsTheDateAndHistoryOfAWithdrawnConsentAndRefusesSomebodyElses() throws Exception {
        long mine = register("Ахматова", fixture.primaryA1());
        long neighbour = register("Цветаева", fixture.primaryA1());
        String login = linkedAccount(mine, fixture.primaryA1());
        long consentId = consentOf(mine, ConsentPurpose.EMAIL);
        long neighboursConsent = consentOf(neighbour, ConsentPurpose.EMAIL);

        mvc.perform(post("/cabinet/consents/{id}/withdraw", consentId)
                .param("confirmed", "true")
                .with(actors.signedIn(login)));

        Consent withdrawn = actors.as(login, () -> cabinet.me()).consents().stream()
                .filter(consent -> consent.id() == consentId)
                .findFirst()
                .orElseThrow();
        assertThat(withdrawn.withdrawnOn()).isEqualTo(LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))));
        assertThat(actors.as(login, () -> cabinet.myHistory()))
                .anySatisfy(change -> assertThat(change.field()).isEqualTo("consent.withdrawn"));
        assertThat(mvc.perform(post("/cabinet/consents/{id}/withdraw", neighboursConsent)
                                .param("confirmed", "true")
                                .with(actors.signedIn(login)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(actors.as(Fixture.ADMIN_A, () -> members.get(neighbour)).consents())
                .allSatisfy(consent -> assertThat(consent.active()).isTrue());
    }

    @Test
    void asksForAConfirmationThatSaysWhatFollowsBeforeWithdrawingInTheCabinetAndOnTheStaffCard() throws Exception {
        long mine = register("Берггольц", fixture.primaryA1());
        String login = linkedAccount(mine, fixture.primaryA1());
        long processing = consentOf(mine, ConsentPurpose.PROCESSING);
        long email = consentOf(mine, ConsentPurpose.EMAIL);

        var unconfirmed = mvc.perform(
                        post("/cabinet/consents/{id}/withdraw", processing).with(actors.signedIn(login)))
                .andReturn()
                .getResponse();
        assertThat(unconfirmed.getRedirectedUrl()).isEqualTo("/cabinet/consents/" + processing + "/withdraw");
        assertThat(actors.as(login, () -> cabinet.me()).consents())
                .as("nothing is withdrawn without the confirmation")
                .allSatisfy(consent -> assertThat(consent.active()).isTrue());

        assertThat(page(login, "/cabinet/consents/" + processing + "/withdraw"))
                .contains("Обработка персональных данных")
                .contains("Сведения о членстве")
                .contains("152-ФЗ")
                .contains("не выход из профсоюза")
                .contains("Подтверждаю: отозвать согласие");
        assertThat(page(login, "/cabinet/consents/" + email + "/withdraw"))
                .contains("Письма профсоюза на личную электронную почту больше не направляются")
                .doesNotContain("Сведения о членстве");
        assertThat(page(Fixture.ADMIN_A, "/consents/" + email + "/withdraw?personId=" + mine))
                .contains("Берггольц Анна Сергеевна")
                .contains("Письма профсоюза на личную электронную почту больше не направляются");
        assertThat(mvc.perform(post("/consents/{id}/withdraw", email)
                                .param("personId", String.valueOf(mine))
                                .with(actors.signedIn(Fixture.ADMIN_A)))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/consents/" + email + "/withdraw?personId=" + mine);
        assertThat(actors.as(login, () -> cabinet.me()).consents())
                .allSatisfy(consent -> assertThat(consent.active()).isTrue());

        mvc.perform(post("/consents/{id}/withdraw", email)
                .param("personId", String.valueOf(mine))
                .param("confirmed", "true")
                .with(actors.signedIn(Fixture.ADMIN_A)));
        assertThat(actors.as(login, () -> cabinet.me()).consents())
                .filteredOn(consent -> consent.id() == email)
                .singleElement()
                .satisfies(consent -> assertThat(consent.active()).isFalse());
    }

    @Test
    void bringsACorrectionToTheStaffOfTheMembersOrganizationAndNotToAnotherRegion() throws Exception {
        long mine = register("Толстая", fixture.primaryA1());
        String login = linkedAccount(mine, fixture.primaryA1());

        mvc.perform(post("/cabinet/correction")
                .param("text", "Фамилия после замужества — Толстая-Берс.")
                .with(actors.signedIn(login)));

        var open = actors.as(Fixture.ADMIN_A, () -> corrections.openIn(fixture.primaryA1(), PageRequest.of(0, 200)));
        CorrectionRequest request = open.items().stream()
                .filter(item -> item.personId() == mine)
                .findFirst()
                .orElseThrow();
        assertThat(request.text()).isEqualTo("Фамилия после замужества — Толстая-Берс.");
        assertThat(page(Fixture.ADMIN_A, "/orgs/" + fixture.regionA() + "/corrections"))
                .contains("Толстая-Берс");
        assertThat(actors.as(Fixture.ADMIN_B, () -> corrections.openIn(fixture.regionB(), PageRequest.of(0, 200)))
                        .items())
                .noneMatch(item -> item.personId() == mine);
        Refusals.assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_B, () -> corrections.openIn(fixture.primaryA1(), PageRequest.of(0, 1))));
        Refusals.assertRefused(
                Kind.NOT_FOUND,
                "member.correction.notFound",
                () -> actors.run(Fixture.ADMIN_B, () -> corrections.resolve(request.id())));

        actors.run(Fixture.ADMIN_A, () -> corrections.resolve(request.id()));

        assertThat(actors.as(Fixture.ADMIN_A, () -> corrections.openIn(fixture.primaryA1(), PageRequest.of(0, 200)))
                        .items())
                .noneMatch(item -> item.id() == request.id());
        assertThat(actors.as(login, () -> cabinet.myCorrections()))
                .singleElement()
                .satisfies(item -> assertThat(item.open()).isFalse());
    }

    @Test
    void refusesAnEmptyOrOverlongCorrection() throws Exception {
        String login = linkedAccount(register("Пушкина", fixture.primaryA1()), fixture.primaryA1());

        Refusals.assertRefused(
                Kind.INVALID,
                "text",
                "validation.required",
                () -> actors.as(login, () -> cabinet.requestCorrection(" ")));
        Refusals.assertRefused(
                Kind.INVALID,
                "text",
                "validation.tooLong",
                () -> actors.as(login, () -> cabinet.requestCorrection("я".repeat(2001))));
    }

    @Test
    void tellsAnAccountWithoutALinkedPersonInRussian() throws Exception {
        String login = fixture.account(fixture.primaryA1(), Role.MEMBER);

        assertThat(page(login, "/cabinet")).contains("Ваша учётная запись не связана с карточкой члена профсоюза");
        assertThat(page(login, "/")).doesNotContain("/cabinet");
        Refusals.assertRefused(Kind.NOT_FOUND, MemberCabinet.NOT_LINKED, () -> actors.as(login, () -> cabinet.me()));
    }

    @Test
    void letsOnlyStaffOfThePersonsSubtreeLinkAnAccount() {
        long personId = register("Бунина", fixture.primaryA1());
        String login = fixture.account(fixture.primaryA1(), Role.MEMBER);
        long other = register("Чехова", fixture.primaryA1());

        Refusals.assertRefused(
                Kind.NOT_FOUND,
                Members.NOT_FOUND,
                () -> actors.run(Fixture.ADMIN_B, () -> accountLinks.link(personId, login)));
        Refusals.assertRefused(
                Kind.INVALID,
                "login",
                "member.account.unknownLogin",
                () -> actors.run(Fixture.ADMIN_A, () -> accountLinks.link(personId, "nobody-" + login)));

        actors.run(Fixture.ADMIN_A, () -> accountLinks.link(personId, login));

        Refusals.assertRefused(
                Kind.CONFLICT,
                "member.account.linkedElsewhere",
                () -> actors.run(Fixture.ADMIN_A, () -> accountLinks.link(other, login)));
    }

    private long register(String lastName, long organizationId) {
        return actors.as(
                        Fixture.ADMIN_A,
                        () -> members.register(
                                organizationId,
                                new PersonData(
                                        lastName,
                                        "Анна",
                                        "Сергеевна",
                                        LocalDate.of(1979, 6, 6),
                                        Gender.F,
                                        null,
                                        null,
                                        null,
                                        "учитель",
                                        null),
                                new MembershipData(MembershipStatus.ACTIVE, null, null, Category.WORKER)))
                .id();
    }

    /** A new member account of the organization, linked by its staff to the person and with one consent. */
    private String linkedAccount(long personId, long organizationId) {
        String login = fixture.account(organizationId, Role.MEMBER);
        actors.run(Fixture.ADMIN_A, () -> accountLinks.link(personId, login));
        consentOf(personId, ConsentPurpose.PROCESSING);
        return login;
    }

    private long consentOf(long personId, ConsentPurpose purpose) {
        return actors
                .as(Fixture.ADMIN_A, () -> members.giveConsent(personId, purpose, null, ConsentForm.PAPER, "Заявление"))
                .consents()
                .stream()
                .filter(consent -> consent.purpose() == purpose && consent.active())
                .mapToLong(Consent::id)
                .max()
                .orElseThrow();
    }

    private String page(String login, String path) throws Exception {
        var response =
                mvc.perform(get(path).with(actors.signedIn(login))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
