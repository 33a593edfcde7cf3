package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.Refusals;

@ProfkomIntegrationTest
class UnionCardsTests {

    static final String PRIMARY_A1_NAME = "ППО городской больницы Котласа";

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Members members;

    @Autowired
    UnionCards cards;

    @Test
    void showsAnIssuedCardAsValidWithTheOrganizationAndNothingAboutThePerson() throws Exception {
        String cardNumber = Fixture.unique("Б");
        long personId = register("Ломоносова", cardNumber);

        mvc.perform(post("/members/{id}/card/issue", personId).with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isEqualTo(302));
        UnionCard card = actors.as(Fixture.ADMIN_A, () -> cards.card(personId));

        assertThat(card.valid()).isTrue();
        // The configured public address, never the request's Host header.
        assertThat(card.verificationUrl()).isEqualTo("http://profkom.test/card/" + card.token());
        String page = publicPage(card.token());
        assertThat(page)
                .contains("Билет действителен", PRIMARY_A1_NAME, "noindex")
                .doesNotContain("Ломоносова", cardNumber, "Софья");
    }

    @Test
    void showsARevokedCardAsNotValid() throws Exception {
        long personId = register("Менделеева", Fixture.unique("Б"));
        String token = actors.as(Fixture.ADMIN_A, () -> cards.issue(personId).token());

        mvc.perform(post("/members/{id}/card/revoke", personId).with(actors.signedIn(Fixture.ADMIN_A)));

        assertThat(publicPage(token)).contains("Билет недействителен").doesNotContain(PRIMARY_A1_NAME);
        assertThat(actors.as(Fixture.ADMIN_A, () -> cards.card(personId).issued()))
                .isFalse();
    }

    @Test
    void showsTheCardOfAnEndedMembershipAsNotValid() throws Exception {
        long personId = register("Королёва", Fixture.unique("Б"));
        String token = actors.as(Fixture.ADMIN_A, () -> cards.issue(personId).token());
        long membershipId = actors.as(
                Fixture.ADMIN_A,
                () -> members.get(personId).memberships().getFirst().id());

        actors.run(Fixture.ADMIN_A, () -> members.exit(membershipId, ExitReason.OWN_WISH, null));

        assertThat(publicPage(token)).contains("Билет недействителен");
        assertThat(actors.as(Fixture.ADMIN_A, () -> members.history(personId))).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("card");
            assertThat(change.oldValue()).isEqualTo("issued");
            assertThat(change.newValue()).isEqualTo("revoked");
        });
    }

    @Test
    void keepsTheCardValidAfterATransfer() throws Exception {
        long personId = register("Павлова", Fixture.unique("Б"));
        long otherPrimary =
                fixture.organization(fixture.territorialA2(), OrganizationKind.PRIMARY, "ППО Вельской школы");
        String token = actors.as(Fixture.ADMIN_A, () -> cards.issue(personId).token());
        long membershipId = actors.as(
                Fixture.ADMIN_A,
                () -> members.get(personId).memberships().getFirst().id());

        actors.run(Fixture.ADMIN_A, () -> members.transfer(membershipId, otherPrimary, null));

        assertThat(publicPage(token)).contains("Билет действителен", "ППО Вельской школы");
    }

    @Test
    void showsAnUnknownOrMalformedTokenAsNotValid() throws Exception {
        assertThat(publicPage("0123456789abcdef01234567")).contains("Билет недействителен");
        assertThat(publicPage("not-a-token")).contains("Билет недействителен");
    }

    @Test
    void givesTheQrCodeToStaffOfTheSubtreeOnly() throws Exception {
        long personId = register("Циолковская", Fixture.unique("Б"));
        actors.run(Fixture.ADMIN_A, () -> cards.issue(personId));

        MvcResult image = mvc.perform(get("/members/{id}/card.png", personId).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        assertThat(image.getResponse().getStatus()).isEqualTo(200);
        assertThat(image.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(image.getResponse().getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G');

        for (String stranger : new String[] {Fixture.ADMIN_B, Fixture.MEMBER_A1}) {
            assertThat(mvc.perform(get("/members/{id}/card.png", personId).with(actors.signedIn(stranger)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(stranger)
                    .isEqualTo(404);
            assertThat(mvc.perform(get("/members/{id}/card", personId).with(actors.signedIn(stranger)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(stranger)
                    .isEqualTo(404);
        }
        Refusals.assertRefused(
                Kind.NOT_FOUND, Members.NOT_FOUND, () -> actors.run(Fixture.ADMIN_B, () -> cards.revoke(personId)));
    }

    @Test
    void printsTheCardForStaffWithNameNumberAndQrCode() throws Exception {
        String cardNumber = Fixture.unique("Б");
        long personId = register("Ковалевская", cardNumber);
        actors.run(Fixture.ADMIN_A, () -> cards.issue(personId));

        String page = mvc.perform(get("/members/{id}/card", personId).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains(
                        "Ковалевская Софья Васильевна",
                        cardNumber,
                        PRIMARY_A1_NAME,
                        "/members/" + personId + "/card.png")
                .contains("Отозвать");
    }

    private long register(String lastName, String cardNumber) {
        return actors.as(
                        Fixture.ADMIN_A,
                        () -> members.register(
                                fixture.primaryA1(),
                                new PersonData(
                                        lastName,
                                        "Софья",
                                        "Васильевна",
                                        LocalDate.of(1985, 3, 14),
                                        Gender.F,
                                        null,
                                        null,
                                        null,
                                        "медицинская сестра",
                                        null),
                                new MembershipData(MembershipStatus.ACTIVE, null, cardNumber, Category.WORKER)))
                .id();
    }

    private String publicPage(String token) throws Exception {
        MvcResult result = mvc.perform(get("/card/{token}", token)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
