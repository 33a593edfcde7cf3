package ru.profkom.members.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.shared.Snils;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/** The registry's pages as a staff user sees them: Russian text, formatted data, refusals next to their fields. */
@ProfkomIntegrationTest
class MemberPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    Members members;

    @Autowired
    DatabaseSnapshot database;

    @Test
    void listsTheSubtreesMembersWithTheirDataAndFindsThemThroughTheSearchBox() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.of(1988, 2, 3));

        String page = body(Fixture.ADMIN_A, get("/orgs/{id}/members", fixture.regionA()));
        String searched = body(
                Fixture.ADMIN_A,
                get("/orgs/{id}/members", fixture.regionA())
                        .param("q", member.lastName())
                        .header("HX-Request", "true"));

        assertThat(page).contains("Члены профсоюза", "Дата рождения", "№ билета");
        assertThat(searched)
                .contains(member.fullName(), "03.02.1988", "ППО городской больницы Котласа", "Состоит")
                .doesNotContain("<html");
    }

    @Test
    void showsTheCardWithFormattedDataTheYouthBadgeAndTheHistory() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.now().minusYears(25));
        actors.run(
                Fixture.ADMIN_A,
                () -> members.assignRole(member.id(), fixture.primaryA1(), UnionRole.INFO_WORKER, null));

        String card = body(Fixture.ADMIN_A, get("/members/{id}", member.id()));

        assertThat(card)
                .contains(member.fullName())
                .contains("Молодёжь до 35")
                .contains(Snils.display(member.snils()))
                .contains("+7 (916) ")
                .contains("Информационный работник")
                .contains("История изменений", "Запись создана");
    }

    @Test
    void showsAnInvalidSnilsAndAWrongDateNextToTheirFieldsAndSavesNothing() throws Exception {
        var before = database.take();

        String page = body(
                Fixture.ADMIN_A,
                post("/orgs/{id}/members/new", fixture.primaryA1())
                        .param("lastName", "Формова")
                        .param("firstName", "Ольга")
                        .param("snils", "112-233-445 00")
                        .param("status", "ACTIVE")
                        .param("category", "WORKER"));
        String wrongDate = body(
                Fixture.ADMIN_A,
                post("/orgs/{id}/members/new", fixture.primaryA1())
                        .param("lastName", "Формова")
                        .param("firstName", "Ольга")
                        .param("birthDate", "31.02.1990"));

        assertThat(page).contains("СНИЛС неверен").contains("data-testid=\"error-snils\"");
        assertThat(wrongDate).contains("Дата указана неверно");
        database.assertUnchangedSince(before);
    }

    @Test
    void showsThatThePersonIsAlreadyAMemberAndSavesNothing() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.of(1979, 11, 30));
        var before = database.take();

        String page = body(
                Fixture.ADMIN_A,
                post("/orgs/{id}/members/new", fixture.primaryA1())
                        .param("lastName", member.lastName().toUpperCase())
                        .param("firstName", member.firstName())
                        .param("patronymic", member.patronymic())
                        .param("birthDate", "30.11.1979"));

        assertThat(page).contains("уже состоит в профсоюзе");
        database.assertUnchangedSince(before);
    }

    @Test
    void refusesAnEditOverAnotherUsersChange() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.of(1985, 1, 1));
        var before = database.take();

        String page = body(
                Fixture.ADMIN_A,
                post("/members/{id}/edit", member.id())
                        .param("lastName", member.lastName())
                        .param("firstName", "Другое")
                        .param("version", String.valueOf(member.version() + 5)));

        assertThat(page).contains("Данные за это время изменил другой пользователь");
        database.assertUnchangedSince(before);
    }

    @Test
    void exportsTheChosenFieldsAsCsvForExcel() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.of(1970, 6, 1));

        MvcResult result = mvc.perform(get("/orgs/{id}/members.csv", fixture.primaryA1())
                        .with(actors.signedIn(Fixture.ADMIN_A))
                        .param("q", member.lastName())
                        .param("fields", "fullName", "snils", "cardNumber"))
                .andReturn();
        byte[] bytes = result.getResponse().getContentAsByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(csv)
                .contains("ФИО;СНИЛС;№ билета")
                .contains(member.fullName() + ";" + Snils.display(member.snils()));
        assertThat(csv.lines()).hasSize(2);
    }

    @Test
    void showsNoMemberOfAnotherRegionThroughPagesOrExports() throws Exception {
        Member outside = member(fixture.primaryB1(), LocalDate.of(1980, 1, 1));

        MvcResult card = mvc.perform(get("/members/{id}", outside.id()).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        MvcResult export = mvc.perform(
                        get("/orgs/{id}/members.xlsx", fixture.primaryB1()).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        MvcResult list = mvc.perform(
                        get("/orgs/{id}/members", fixture.regionB()).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();

        assertThat(card.getResponse().getStatus()).isEqualTo(404);
        assertThat(export.getResponse().getStatus()).isEqualTo(404);
        assertThat(list.getResponse().getStatus()).isEqualTo(404);
        assertThat(card.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(outside.lastName());
    }

    @Test
    void listsActivistsWithTheirContacts() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.of(1991, 7, 7));
        actors.run(Fixture.ADMIN_A, () -> members.assignRole(member.id(), fixture.primaryA1(), UnionRole.CHAIR, null));

        String page = body(Fixture.ADMIN_A, get("/orgs/{id}/activists", fixture.territorialA1()));

        assertThat(page).contains(member.fullName(), "Председатель", member.email());
    }

    @Test
    void showsAnExitInTheHistoryInWords() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.of(1960, 1, 1));
        actors.run(
                Fixture.ADMIN_A,
                () -> members.exit(
                        member.memberships().getFirst().id(),
                        ru.profkom.members.MemberEnums.ExitReason.RETIREMENT,
                        null));

        String card = body(Fixture.ADMIN_A, get("/members/{id}", member.id()));

        assertThat(card).contains("Состоит → Выбыл (В связи с выходом на пенсию)");
    }

    @Test
    void showsAMissingExitReasonOnTheCardAndEndsNothing() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.of(1966, 4, 4));
        var before = database.take();

        String page = body(
                Fixture.ADMIN_A,
                post("/memberships/{id}/exit", member.memberships().getFirst().id())
                        .param("personId", String.valueOf(member.id()))
                        .param("reason", "")
                        .param("date", ""));

        assertThat(page).contains("Заполните это поле.", member.fullName());
        database.assertUnchangedSince(before);
    }

    @Test
    void offersPrimaryOrganizationsOfTheSubtreeAsTransferTargets() throws Exception {
        Member member = member(fixture.primaryA1(), LocalDate.of(1977, 8, 9));

        String mine = body(
                Fixture.ADMIN_A,
                get("/members/{id}/transfer-targets", member.id()).param("q", "ППО городской больницы"));
        String foreign = body(
                Fixture.ADMIN_A,
                get("/members/{id}/transfer-targets", member.id()).param("q", "Распадская"));

        assertThat(mine).contains("ППО городской больницы Котласа").contains("name=\"organizationId\"");
        assertThat(foreign).doesNotContain("Распадская").doesNotContain("name=\"organizationId\"");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String body(String login, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(actors.signedIn(login))).andReturn();
        assertThat(result.getResponse().getStatus()).as("status").isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Member member(long organizationId, LocalDate birthDate) {
        String letters = "бвгдклмнпрстфхцчш";
        StringBuilder surname = new StringBuilder("Стран");
        long n = Fixture.next();
        for (int i = 0; i < 9; i++) {
            surname.append(letters.charAt((int) (n % letters.length())));
            n /= letters.length();
        }
        surname.append("ова");
        String snils = Fixture.uniqueSnils();
        PersonData person = new PersonData(
                surname.toString(),
                "Мария",
                "Ивановна",
                birthDate,
                Gender.F,
                snils,
                "+7916" + Fixture.uniqueDigits(7),
                Fixture.unique("p").toLowerCase() + "@profkom.test",
                null,
                null);
        return actors.asSystem(() -> members.register(
                organizationId,
                person,
                new MembershipData(MembershipStatus.ACTIVE, null, Fixture.uniqueDigits(9), Category.WORKER)));
    }
}
