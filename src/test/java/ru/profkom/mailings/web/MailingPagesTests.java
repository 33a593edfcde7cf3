package ru.profkom.mailings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;

@ProfkomIntegrationTest
class MailingPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    Members members;

    @Autowired
    org.jooq.DSLContext dsl;

    long territorial;
    String email;

    @BeforeEach
    void world() {
        territorial = fixture.organization(fixture.regionA(), OrganizationKind.TERRITORIAL, Fixture.unique("Терорг"));
        long primary = fixture.primary(territorial, Fixture.unique("ППО"), 40);
        email = Fixture.unique("reader") + "@example.ru";
        actors.as(Fixture.ADMIN_A, () -> {
            Member member = members.register(
                    primary,
                    new PersonData(
                            Fixture.uniqueSurname("Читателева"),
                            "Ольга",
                            null,
                            LocalDate.of(1990, 1, 2),
                            null,
                            Fixture.uniqueSnils(),
                            null,
                            email,
                            null,
                            null),
                    new MembershipData(MembershipStatus.ACTIVE, null, null, null));
            members.giveConsent(member.id(), ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, null);
            members.giveConsent(member.id(), ConsentPurpose.EMAIL, null, ConsentForm.PAPER, null);
            return member;
        });
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String subject) {
        return request.with(actors.signedIn(Fixture.ADMIN_A))
                .with(csrf())
                .param("title", "Собрание в пятницу")
                .param("channels", "EMAIL")
                .param("delivery", "ALL_CHANNELS")
                .param("subject", subject)
                .param("text.EMAIL", "{{имя}}, ждём вас в пятницу.");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void composesCountsSchedulesAndReportsAMailing() throws Exception {
        String base = "/orgs/" + territorial + "/mailings";
        assertThat(html(get(base).with(actors.signedIn(Fixture.ADMIN_A)))).contains("data-testid=\"mailings-empty\"");

        MvcResult created = mvc.perform(form(post(base), "{{имя}}, собрание")).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        String page = created.getResponse().getRedirectedUrl();
        assertThat(page).matches(base + "/\\d+");
        assertThat(html(get(page).with(actors.signedIn(Fixture.ADMIN_A))))
                .contains("data-testid=\"mailing-form\"", "Ольга, собрание");

        assertThat(html(form(post(base + "/reach"), "")))
                .contains("data-testid=\"reach-figures\"", "Получат 1 из 1 человек, сообщений: 1.");
        assertThat(html(form(post(base + "/reach"), "")
                        .param("channels", "SMS")
                        .param("text.SMS", "Собрание в пятницу в 15:00, актовый зал. ".repeat(2))))
                .as("the parts an SMS takes, before sending; nobody here has an SMS consent")
                .contains(
                        "data-testid=\"reach-sms-cost\"",
                        "SMS: 2 ч. на сообщение (кириллица: 70 знаков в одной части, 67 в составной), всего 0 ч.");

        String refused = html(form(post(page + "/schedule"), "{{должность}}"));
        assertThat(refused).contains("Неизвестная подстановка").contains("data-testid=\"mailing-form\"");

        MvcResult scheduled =
                mvc.perform(form(post(page + "/schedule"), "{{имя}}, собрание")).andReturn();
        assertThat(scheduled.getResponse().getRedirectedUrl()).isEqualTo(page);
        await().atMost(Patience.AFTER_COMMIT)
                .until(() -> !TestMail.receivedBy(email).isEmpty());
        await().atMost(Patience.AFTER_COMMIT)
                .until(() ->
                        html(get(page).with(actors.signedIn(Fixture.ADMIN_A))).contains("Завершена"));
        assertThat(html(get(page).with(actors.signedIn(Fixture.ADMIN_A))))
                .contains("data-testid=\"report-organization\"", "data-testid=\"count-SENT\"");
        assertThat(html(get(page + "/recipients").with(actors.signedIn(Fixture.ADMIN_A))))
                .contains(email);
        MvcResult xlsx = mvc.perform(get(page + "/recipients.xlsx").with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        assertThat(xlsx.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
        assertThat(html(get(base).with(actors.signedIn(Fixture.ADMIN_A)))).contains("Собрание в пятницу");
        long mailingId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        for (String action : new String[] {"MAILING_SCHEDULED", "MAILING_RECIPIENTS_READ"}) {
            await().atMost(Patience.AFTER_COMMIT)
                    .until(() -> dsl.fetchCount(
                                    profkom.schema.Tables.AUDIT_EVENT,
                                    profkom.schema.Tables.AUDIT_EVENT
                                            .ACTION
                                            .eq(action)
                                            .and(profkom.schema.Tables.AUDIT_EVENT.TARGET_ID.eq(mailingId))
                                            .and(profkom.schema.Tables.AUDIT_EVENT.ORGANIZATION_ID.eq(territorial)))
                            >= 1);
        }
    }

    @Test
    void sendsTheDraftToOneselfFromThePageAndTheApiAndSaysWhenItMayNot() throws Exception {
        String staff = fixture.account(territorial, ru.profkom.shared.Role.ORG_ADMIN);
        String base = "/orgs/" + territorial + "/mailings";
        MvcResult created = mvc.perform(form(post(base), "{{имя}}, собрание").with(actors.signedIn(staff)))
                .andReturn();
        String page = created.getResponse().getRedirectedUrl();
        String edit = html(get(page).with(actors.signedIn(staff)));
        assertThat(edit)
                .contains("data-testid=\"mailing-test-send\"", "data-testid=\"mailing-test-send-as\"")
                .contains("Отправить себе на проверку");
        String person = edit.replaceFirst("(?s).*name=\"asPerson\" value=\"(\\d+)\".*", "$1");

        MvcResult sent = mvc.perform(post(page + "/test-send")
                        .param("asPerson", person)
                        .with(actors.signedIn(staff))
                        .with(csrf()))
                .andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(String.valueOf(sent.getFlashMap().get("flash")))
                .isEqualTo("Проверка отправлена: " + Fixture.emailOf(staff));
        assertThat(TestMail.receivedBy(Fixture.emailOf(staff)))
                .singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("[Проверка] Ольга, собрание"));

        String api = "/api/v1/mailings/" + page.substring(page.lastIndexOf('/') + 1) + "/test-send";
        MvcResult byApi = mvc.perform(post(api)
                        .with(actors.signedIn(staff))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asPersonId\":" + person + "}"))
                .andReturn();
        assertThat(byApi.getResponse().getStatus()).isEqualTo(200);
        assertThat(byApi.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "\"channel\":\"EMAIL\"", "\"address\":\"" + Fixture.emailOf(staff) + "\"", "\"refusal\":null");
        mvc.perform(post(api).with(actors.signedIn(staff)).with(csrf())).andReturn();

        MvcResult tooOften =
                mvc.perform(post(api).with(actors.signedIn(staff)).with(csrf())).andReturn();
        assertThat(tooOften.getResponse().getStatus()).isEqualTo(409);
        assertThat(tooOften.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("не чаще 3 раз в минуту");
        MvcResult refused = mvc.perform(
                        post(page + "/test-send").with(actors.signedIn(staff)).with(csrf()))
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("formErrors")))
                .contains("Проверку можно отправлять не чаще 3 раз в минуту");
        assertThat(TestMail.receivedBy(Fixture.emailOf(staff))).hasSize(3);
    }

    @Test
    void anotherRegionSeesNeitherTheMailingsNorTheCount() throws Exception {
        String base = "/orgs/" + territorial + "/mailings";
        assertThat(mvc.perform(get(base).with(actors.signedIn(Fixture.ADMIN_B)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isIn(403, 404);
        assertThat(mvc.perform(post("/api/v1/organizations/" + territorial + "/mailing-reach")
                                .with(actors.signedIn(Fixture.ADMIN_B))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"channels\":[\"EMAIL\"]}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theApiCountsCreatesAndRefusesInRussian() throws Exception {
        String reach = mvc.perform(post("/api/v1/organizations/" + territorial + "/mailing-reach")
                        .with(actors.signedIn(Fixture.ADMIN_A))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":[\"EMAIL\",\"SMS\"],\"audience\":{\"maxAge\":60}}"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(reach).contains("\"people\":1", "\"recipients\":1");

        MvcResult refused = mvc.perform(
                        post("/api/v1/organizations/" + territorial + "/mailings")
                                .with(actors.signedIn(Fixture.ADMIN_A))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"\",\"texts\":{\"EMAIL\":\"текст\"},\"audience\":{\"minAge\":50,\"maxAge\":20}}"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("title", "maxAge", "Возраст до");
    }
}
