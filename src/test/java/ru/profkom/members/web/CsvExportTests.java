package ru.profkom.members.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.shared.PageRequest;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/** Every CSV Profkom writes neutralizes formulas; exports are audited with their format and number of rows. */
@ProfkomIntegrationTest
class CsvExportTests {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\";\"Подробнее\")";

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Members members;

    @Autowired
    AuditLog auditLog;

    @Test
    void theMemberExportNeutralizesFormulasKeepsPhonesAndIsAuditedWithItsRows() throws Exception {
        String surname = Fixture.uniqueSurname("Формулов");
        Member member = actors.asSystem(() -> members.register(
                fixture.primaryA1(),
                new PersonData(
                        surname,
                        "Фёдор",
                        null,
                        LocalDate.of(1980, 1, 1),
                        null,
                        null,
                        "+7 912 345-67-89",
                        null,
                        FORMULA,
                        "@SUM(A1:A9)"),
                new MembershipData(MembershipStatus.ACTIVE, null, null, null)));

        String csv = mvc.perform(get("/orgs/{id}/members.csv", fixture.primaryA1())
                        .with(actors.signedIn(Fixture.ADMIN_A))
                        .param("q", surname)
                        .param("fields", "fullName", "phone", "position", "department"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv)
                .contains(member.fullName() + ";+7 ")
                .contains(";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Подробнее\"\")\";'@SUM(A1:A9)")
                .doesNotContain(";=HYPERLINK", ";@SUM");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(actors.as(
                                        Fixture.ADMIN_A,
                                        () -> auditLog.forSubtree(
                                                fixture.primaryA1(), AuditFilter.none(), PageRequest.of(0, 200)))
                                .items())
                        .extracting(AuditEntry::action, AuditEntry::details)
                        .contains(org.assertj.core.groups.Tuple.tuple(
                                "MEMBERS_EXPORTED", "список членов профсоюза, CSV, строк: 1")));
    }

    @Test
    void theImportErrorFileNeutralizesFormulas() throws Exception {
        String csv = "ФИО;Дата рождения;Примечание\n" + "Формулов Фёдор;31.02.1980;=1+2\n";
        String location = mvc.perform(multipart("/orgs/{id}/members/import", fixture.primaryA1())
                        .file(new MockMultipartFile(
                                "file", "formula.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        String errors = mvc.perform(get(location + "/errors.csv").with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(errors).contains("Формулов Фёдор;31.02.1980;'=1+2;").doesNotContain(";=1+2");
    }
}
