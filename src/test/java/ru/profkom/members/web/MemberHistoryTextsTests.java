package ru.profkom.members.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;

/** A card's history says who changed what in words: the person's name, not a login; a consent's purpose, not EMAIL. */
@ProfkomIntegrationTest
class MemberHistoryTextsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Members members;

    @Test
    void theHistoryNamesThePersonWhoChangedAndTheConsentWithdrawn() throws Exception {
        Member member = actors.as(
                Fixture.ADMIN_A,
                () -> members.register(
                        fixture.primaryA1(),
                        new PersonData(
                                MemberFormErrorsTests.MembersTestNames.surname(),
                                "Анна",
                                null,
                                LocalDate.of(1990, 1, 1),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new MembershipData(MembershipStatus.ACTIVE, LocalDate.of(2020, 1, 1), null, Category.WORKER)));
        Member withConsent = actors.as(
                Fixture.ADMIN_A,
                () -> members.giveConsent(
                        member.id(), ConsentPurpose.EMAIL, LocalDate.of(2024, 3, 15), ConsentForm.PAPER, null));
        actors.as(
                Fixture.ADMIN_A,
                () -> members.withdrawConsent(withConsent.consents().getFirst().id(), LocalDate.of(2024, 5, 1)));

        String card = mvc.perform(get("/members/{id}", member.id()).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String history = card.substring(card.indexOf("data-testid=\"history\""));

        assertThat(history)
                .contains("Тестовый Пользователь " + Fixture.ADMIN_A + "</td>")
                .contains("Личная электронная почта → 01.05.2024")
                .doesNotContain(">" + Fixture.ADMIN_A + "</td>")
                .doesNotContain("EMAIL");
    }

    @Test
    void theAuditLogNamesWhoActed() {
        String chair = fixture.account(fixture.primaryA1(), ru.profkom.shared.Role.CHAIR);
        actors.as(
                chair,
                () -> members.register(
                        fixture.primaryA1(),
                        new PersonData(
                                MemberFormErrorsTests.MembersTestNames.surname(),
                                "Анна",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new MembershipData(MembershipStatus.ACTIVE, null, null, Category.WORKER)));

        await().atMost(Patience.AFTER_COMMIT).untilAsserted(() -> {
            String log = mvc.perform(get("/orgs/{id}/audit", fixture.primaryA1())
                            .param("login", chair)
                            .with(actors.signedIn(Fixture.ADMIN_A)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String table = log.substring(Math.max(0, log.indexOf("data-testid=\"audit\"")));
            assertThat(table)
                    .contains("Тестовый Пользователь " + chair + "</td>")
                    .doesNotContain(">" + chair + "</td>");
        });
    }
}
