package ru.profkom.members.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.members.Members;
import ru.profkom.shared.ProfkomException;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * A form with a malformed date shows every other mistake beside it, on its field, and keeps nothing; a control
 * character in a field is refused naming the field instead of failing on PostgreSQL.
 */
@ProfkomIntegrationTest
class MemberFormErrorsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    Members members;

    @Test
    void aMalformedDateNoLongerHidesTheFormsOtherErrors() throws Exception {
        DatabaseSnapshot.Content before = database.take();

        String page = page(post("/orgs/{id}/members/new", fixture.primaryA1())
                .param("lastName", "---")
                .param("firstName", "")
                .param("birthDate", "31.02.1990")
                .param("email", "почта")
                .param("snils", "112-233-445 00")
                .param("status", "ACTIVE")
                .param("category", "WORKER"));

        assertThat(page)
                .contains("data-testid=\"error-birthDate\">Дата указана неверно")
                .contains("data-testid=\"error-lastName\">Фамилия должна содержать буквы")
                .contains("data-testid=\"error-firstName\">Заполните это поле")
                .contains("data-testid=\"error-email\"")
                .contains("data-testid=\"error-snils\">СНИЛС неверен");
        database.assertUnchangedSince(before);
    }

    @Test
    void aMalformedDateOfAConsentShowsAMissingPurposeToo() throws Exception {
        long personId = registered();
        DatabaseSnapshot.Content before = database.take();

        MvcResult result = mvc.perform(post("/members/{id}/consents", personId)
                        .param("personId", String.valueOf(personId))
                        .param("purpose", "")
                        .param("form", "PAPER")
                        .param("givenOn", "2024-03-15")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();

        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Дата указана неверно").contains("Заполните это поле");
        database.assertUnchangedSince(before);
    }

    @Test
    void anExitWithAMalformedDateShowsTheMissingReasonToo() throws Exception {
        long personId = registered();
        long membershipId = actors.as(Fixture.ADMIN_A, () -> members.get(personId))
                .memberships()
                .getFirst()
                .id();
        DatabaseSnapshot.Content before = database.take();

        MvcResult result = mvc.perform(post("/memberships/{id}/exit", membershipId)
                        .param("personId", String.valueOf(personId))
                        .param("reason", "")
                        .param("date", "31.02.2024")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();

        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Дата указана неверно").contains("Заполните это поле");
        database.assertUnchangedSince(before);
    }

    @Test
    void aNulCharacterInASurnameIsRefusedNamingTheField() throws Exception {
        DatabaseSnapshot.Content before = database.take();

        MvcResult result = mvc.perform(post("/orgs/{id}/members/new", fixture.primaryA1())
                        .param("lastName", "Ив\u0000анов")
                        .param("firstName", "Иван")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getRequest().getAttribute("ru.profkom.shared.web.ErrorPages.refusal"))
                .isInstanceOfSatisfying(
                        ProfkomException.class,
                        refusal -> assertThat(refusal.problems())
                                .singleElement()
                                .satisfies(problem -> {
                                    assertThat(problem.field()).isEqualTo("lastName");
                                    assertThat(problem.messageKey()).isEqualTo("validation.controlCharacter");
                                }));
        database.assertUnchangedSince(before);
    }

    private long registered() throws Exception {
        MvcResult result = mvc.perform(post("/orgs/{id}/members/new", fixture.primaryA1())
                        .param("lastName", MembersTestNames.surname())
                        .param("firstName", "Анна")
                        .param("status", "ACTIVE")
                        .param("category", "WORKER")
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as("registered").startsWith("/members/");
        return Long.parseLong(location.substring("/members/".length()));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result =
                mvc.perform(request.with(actors.signedIn(Fixture.ADMIN_A))).andReturn();
        assertThat(result.getResponse().getStatus()).as("status").isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Surnames unique in the shared database, letters only. */
    static final class MembersTestNames {
        private static final java.util.concurrent.atomic.AtomicLong NEXT =
                new java.util.concurrent.atomic.AtomicLong(System.nanoTime() & 0xffffff);

        static String surname() {
            String letters = "бвгдклмнпрстфхцчш";
            long n = NEXT.incrementAndGet();
            StringBuilder name = new StringBuilder("Формошибк");
            for (int i = 0; i < 8; i++) {
                name.append(letters.charAt((int) (n % letters.length())));
                n /= letters.length();
            }
            return name + "ова";
        }
    }
}
