package ru.profkom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.accounts.Accounts;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;

/** Reads of personal data are audited, each once and without the data; other requests leave no entry. */
@ProfkomIntegrationTest
class PersonalDataReadAuditTests {

    private static final Duration PATIENCE = Patience.AFTER_COMMIT;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    Members members;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Accounts accounts;

    @Test
    void auditsTheReadsOfPersonalDataThatWentUnrecorded() throws Exception {
        long organization = fixture.primaryA1();
        String reader = fixture.account(organization, Role.ORG_ADMIN);
        String surname = Fixture.uniqueSurname("Читаемова");
        Member member = register(organization, surname);

        mvc.perform(get("/orgs/{id}/activists", organization).with(actors.signedIn(reader)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/members/{id}/history", member.id()).with(httpBasic(reader, Fixture.PASSWORD)))
                .andExpect(status().isOk());
        String csv = "ФИО;Дата рождения;СНИЛС\n" + "Ошибкин Олег;31.02.1980;112-233-445 95\n";
        String location = mvc.perform(multipart("/orgs/{id}/members/import", organization)
                        .file(new MockMultipartFile(
                                "file", "errors.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(actors.signedIn(reader)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location + "/errors.csv").with(actors.signedIn(reader))).andExpect(status().isOk());
        mvc.perform(get("/orgs/{id}/site", organization).with(actors.signedIn(reader)))
                .andExpect(status().isOk());
        mvc.perform(get("/orgs/{id}/corrections", organization).with(actors.signedIn(reader)))
                .andExpect(status().isOk());

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(actions(reader))
                        .contains(
                                "ACTIVISTS_READ",
                                "MEMBER_HISTORY_READ",
                                "IMPORT_ERRORS_READ",
                                "JOIN_APPLICATIONS_READ",
                                "FEEDBACK_READ",
                                "CORRECTIONS_READ"));
        assertThat(entries(reader))
                .as("one entry per read, none of the data in it")
                .allSatisfy(entry -> assertThat(String.valueOf(entry.details()))
                        .doesNotContain(surname, "112-233-445 95", "Ошибкин"))
                .filteredOn(entry -> entry.action().endsWith("_READ"))
                .extracting(AuditEntry::action)
                .doesNotHaveDuplicates();
        assertThat(entries(reader))
                .filteredOn(entry -> entry.action().equals("MEMBER_HISTORY_READ"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.targetId()).isEqualTo(member.id());
                    assertThat(entry.organizationId()).isEqualTo(organization);
                });
    }

    @Test
    void anApiRequestThatReadsNoPersonalDataLeavesNoEntry() throws Exception {
        long organization = fixture.primaryA1();
        String reader = fixture.account(organization, Role.ORG_ADMIN);
        Member member = register(organization, Fixture.uniqueSurname("Неслежкина"));

        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(reader, Fixture.PASSWORD)))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/organizations/{id}", organization).with(httpBasic(reader, Fixture.PASSWORD)))
                    .andExpect(status().isOk());
        }
        // A read of personal data last: once its entry is in, any entry of the requests before it would be too.
        mvc.perform(get("/api/v1/members/{id}/history", member.id()).with(httpBasic(reader, Fixture.PASSWORD)))
                .andExpect(status().isOk());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(actions(reader)).contains("MEMBER_HISTORY_READ"));
        assertThat(actions(reader)).containsExactly("MEMBER_HISTORY_READ");
        assertThat(actors.as(reader, accounts::me).lastSignInAt())
                .as("an API call authenticates on every request and is no sign-in to record")
                .isNull();
    }

    private Member register(long organization, String surname) {
        return actors.as(
                Fixture.ADMIN_A,
                () -> members.register(
                        organization,
                        new PersonData(
                                surname,
                                "Вера",
                                "Павловна",
                                LocalDate.of(1979, 3, 4),
                                null,
                                null,
                                "+79160001122",
                                null,
                                null,
                                null),
                        new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
    }

    private List<AuditEntry> entries(String login) {
        return actors.as(
                        Fixture.UNION_ADMIN,
                        () -> auditLog.forSubtree(
                                fixture.union(), new AuditFilter(null, login, null, null), PageRequest.of(0, 200)))
                .items();
    }

    private List<String> actions(String login) {
        return entries(login).stream().map(AuditEntry::action).toList();
    }
}
