package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.profkom.support.Refusals.assertRefused;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.profkom.audit.AuditEntry;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.imports.MemberImports;
import ru.profkom.members.imports.MemberImports.MemberImport;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Snils;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.WorkItem;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * Issue 13, items 1–3: staff of one region meet, by SNILS or by ФИО and birth date, a person registered in another
 * region. On every path (form, API, import, join application) nothing of the person changes or is shown; a
 * transfer request goes to the organization holding them, which accepts or declines it.
 */
@ProfkomIntegrationTest
class CrossSubtreeWritesTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(300_100_000);
    /** What a transfer request adds; everything else must stay as it was. */
    private static final Set<String> REQUEST_TABLES = Set.of("member_transfer_request");

    @Autowired
    Members members;

    @Autowired
    TransferRequests transferRequests;

    @Autowired
    MemberImports imports;

    @Autowired
    JoinApplications applications;

    @Autowired
    Fixture fixture;

    @Autowired
    RegistryTasks registryTasks;

    @Autowired
    Actors actors;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog auditLog;

    // ---- each path: the foreign person stays unchanged and unrevealed --------------------------------

    @Test
    void theFormFilesATransferRequestAndChangesNothingOfAPersonInAnotherRegion() throws Exception {
        Member foreign = registerInB();
        var before = database.take();

        MvcResult result = mvc.perform(post("/orgs/{id}/members/new", fixture.primaryA1())
                        .with(actors.signedIn(Fixture.ADMIN_A))
                        .param("lastName", "Захватова")
                        .param("firstName", "Зоя")
                        .param("birthDate", "01.01.1980")
                        .param("snils", foreign.snils())
                        .param("phone", "+79990000001")
                        .param("status", "ACTIVE")
                        .param("category", "WORKER"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/orgs/" + fixture.primaryA1() + "/transfer-requests?side=outgoing");
        assertThat(String.valueOf(result.getFlashMap().get("flash")))
                .contains("запрос на перевод")
                .doesNotContain(Fixture.PRIMARY_B1_NAME, Fixture.REGION_B_NAME, foreign.lastName());
        assertOnlyATransferRequestAdded(before, TransferSource.FORM, foreign.id());
    }

    @Test
    void theApiAnswersAcceptedWithTheRequestAndNeitherNamesNorChangesTheOtherRegionsMember() throws Exception {
        Member foreign = registerInB();
        var before = database.take();

        String body = """
                {"person": {"lastName": "Захватова", "firstName": "Зоя", "birthDate": "1980-01-01",
                            "snils": "%s", "phone": "+79990000002"},
                 "membership": {"status": "ACTIVE"}}""".formatted(foreign.snils());
        MvcResult result = mvc.perform(post("/api/v1/organizations/{id}/members", fixture.primaryA1())
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();

        String answer = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        assertThat(answer)
                .contains("transferRequestId", "PENDING")
                .doesNotContain(
                        Fixture.PRIMARY_B1_NAME,
                        Fixture.REGION_B_NAME,
                        foreign.lastName(),
                        foreign.phone(),
                        String.valueOf(foreign.id()));
        assertOnlyATransferRequestAdded(before, TransferSource.API, foreign.id());
    }

    @Test
    void registeringByNameAndBirthDateIsRefusedWithoutNamingTheOrganization() {
        Member foreign = registerInB();
        var before = database.take();
        PersonData sameByName = new PersonData(
                foreign.lastName().toUpperCase(),
                foreign.firstName(),
                foreign.patronymic(),
                foreign.birthDate(),
                null,
                null,
                "+79990000003",
                null,
                null,
                null);

        var refusal = assertRefused(
                Kind.CONFLICT,
                "member.transfer.requestNeeded",
                () -> actors.as(
                        Fixture.ADMIN_A, () -> members.register(fixture.primaryA1(), sameByName, membership())));

        assertThat(refusal.problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.arguments()).isEmpty());
        database.assertUnchangedSince(before);
    }

    @Test
    void anImportRowOfAnotherRegionsMemberBecomesATransferRequestCountedApart() throws Exception {
        Member foreign = registerInB();
        var before = database.take();
        String csv = "Фамилия;Имя;Дата рождения;СНИЛС;Телефон;Должность\n" + "Захватова;Зоя;01.01.1980;"
                + Snils.display(foreign.snils()) + ";+79990000004;Захватчица\n";

        MemberImport applied = actors.as(Fixture.ADMIN_A, () -> {
            MemberImport uploaded =
                    imports.upload(fixture.primaryA1(), "members.csv", csv.getBytes(StandardCharsets.UTF_8));
            return imports.applyAndWait(uploaded.id());
        });

        assertThat(applied.status()).isEqualTo("DONE");
        assertThat(applied.updated()).isZero();
        assertThat(applied.imported()).isZero();
        assertThat(applied.transferRequests()).isEqualTo(1);
        assertThat(applied.percent()).isEqualTo(100);
        var after = database.take();
        for (String table : List.of("person", "membership", "member_change", "consent", "union_card", "member_role")) {
            assertThat(after.rowsByTable().get(table))
                    .as("rows of %s", table)
                    .containsExactlyElementsOf(before.rowsByTable().get(table));
        }
        TransferRequest request = outgoingOf(fixture.primaryA1(), foreign.id());
        assertThat(request.source()).isEqualTo(TransferSource.IMPORT);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/member-imports/{id}", applied.id())
                        .with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Запросов на перевод создано: 1.").doesNotContain(foreign.lastName());
    }

    @Test
    void aJoinApplicationOfAnotherRegionsMemberLeavesThemAsTheyAre() {
        Member foreign = registerInB();
        var before = database.take();
        PersonData applicant = new PersonData(
                foreign.lastName(),
                foreign.firstName(),
                foreign.patronymic(),
                foreign.birthDate(),
                null,
                null,
                "+79990000005",
                "zoya@example.test",
                null,
                null);

        assertThat(applications.receive(fixture.primaryA1(), applicant, true)).isEmpty();

        assertOnlyATransferRequestAdded(before, TransferSource.APPLICATION, foreign.id());
    }

    // ---- the write rule and what a new organization sees -----------------------------------------------

    @Test
    void staffWhoSeeAPersonOnlyThroughAnEarlierMembershipMayNotChangeThem() {
        Member member = register(Fixture.ADMIN_A, fixture.primaryA1(), person("Ушедшева"));
        actors.run(
                Fixture.ADMIN_A,
                () -> members.exit(member.memberships().getFirst().id(), ExitReason.OWN_WISH, null));
        Member inB = register(Fixture.ADMIN_B, fixture.primaryB1(), withSnilsOf(member, "Ушедшева"));
        var before = database.take();

        assertRefused(
                Kind.FORBIDDEN,
                "member.notWritable",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> members.update(member.id(), withSnilsOf(member, "Переписанная"), inB.version())));
        assertRefused(
                Kind.FORBIDDEN,
                "member.notWritable",
                () -> actors.as(
                        Fixture.ADMIN_A,
                        () -> members.giveConsent(
                                member.id(), ConsentPurpose.PUBLICATION, null, ConsentForm.PAPER, null)));
        database.assertUnchangedSince(before);
        Member seenByA = actors.as(Fixture.ADMIN_A, () -> members.get(member.id()));
        assertThat(seenByA.memberships())
                .as("region B's membership stays hidden from region A")
                .extracting(Membership::organizationId)
                .containsExactly(fixture.primaryA1());
    }

    @Test
    void aPersonWhoLeftAnotherRegionIsRegisteredAnewSeeingNothingOfBefore() {
        Member inB = register(Fixture.ADMIN_B, fixture.primaryB1(), person("Переехавшева"));
        actors.run(
                Fixture.ADMIN_B,
                () -> members.giveConsent(
                        inB.id(), ConsentPurpose.PUBLICATION, null, ConsentForm.PAPER, "Заявление Б"));
        actors.run(
                Fixture.ADMIN_B, () -> members.exit(inB.memberships().getFirst().id(), ExitReason.OWN_WISH, null));
        PersonData fresh = new PersonData(
                "Переехавшева", "Нина", null, inB.birthDate(), null, inB.snils(), "+79161112233", null, null, null);

        Member inA = register(Fixture.ADMIN_A, fixture.primaryA1(), fresh);

        assertThat(inA.id()).as("the same person, by SNILS").isEqualTo(inB.id());
        assertThat(inA.phone()).isEqualTo("+79161112233");
        assertThat(inA.email()).as("what region B knew is not carried over").isNull();
        assertThat(inA.position()).isNull();
        assertThat(inA.memberships()).extracting(Membership::organizationId).containsExactly(fixture.primaryA1());
        assertThat(inA.consents()).as("consents given to region B").isEmpty();
        List<MemberChange> history = actors.as(Fixture.ADMIN_A, () -> members.history(inA.id()));
        assertThat(history).extracting(MemberChange::field).containsExactly("membership");
        assertThat(history.toString()).doesNotContain(inB.phone(), inB.email(), Fixture.PRIMARY_B1_NAME);
        List<MemberChange> historyOfB = actors.as(Fixture.ADMIN_B, () -> members.history(inB.id()));
        assertThat(historyOfB)
                .as("region B keeps its history, the replaced values included")
                .extracting(MemberChange::oldValue)
                .contains(inB.phone());
    }

    // ---- the transfer request, end to end --------------------------------------------------------------

    @Test
    void theHoldingOrganizationAcceptsAndTheMembershipMovesWithItsCard() {
        Member foreign = registerInB();
        String card = foreign.memberships().getFirst().cardNumber();
        Members.Enrolment enrolment = actors.as(
                Fixture.ADMIN_A,
                () -> members.enrol(
                        fixture.primaryA1(), withSnilsOf(foreign, "Захватова"), membership(), TransferSource.FORM));
        long requestId = enrolment.transferRequestId();

        TransferRequest outgoing = outgoingOf(fixture.primaryA1(), foreign.id());
        assertThat(outgoing.personId()).isNull();
        assertThat(outgoing.fromOrganizationName()).isNull();
        assertThat(outgoing.personName()).startsWith("Захватова");
        assertRefused(
                Kind.FORBIDDEN,
                "member.transfer.request.notYours",
                () -> actors.as(Fixture.ADMIN_A, () -> transferRequests.accept(requestId, null)));
        assertRefused(
                Kind.NOT_FOUND,
                TransferRequests.NOT_FOUND,
                () -> actors.as(Fixture.MEMBER_B1, () -> transferRequests.get(requestId)));
        TransferRequest incoming = actors
                .as(
                        Fixture.ADMIN_B,
                        () -> transferRequests.incoming(
                                fixture.regionB(), TransferStatus.PENDING, PageRequest.of(0, 200)))
                .items()
                .stream()
                .filter(r -> r.id() == requestId)
                .findFirst()
                .orElseThrow();
        assertThat(incoming.personName()).startsWith(foreign.lastName());
        assertThat(incoming.fromOrganizationId()).isEqualTo(fixture.primaryB1());

        TransferRequest accepted = actors.as(Fixture.ADMIN_B, () -> transferRequests.accept(requestId, "Переехала"));

        assertThat(accepted.status()).isEqualTo(TransferStatus.ACCEPTED);
        Member moved = actors.as(Fixture.ADMIN_A, () -> members.get(foreign.id()));
        assertThat(moved.lastName())
                .as("the holder's data, not the requester's")
                .isEqualTo(foreign.lastName());
        assertThat(moved.memberships()).singleElement().satisfies(m -> {
            assertThat(m.organizationId()).isEqualTo(fixture.primaryA1());
            assertThat(m.status()).isEqualTo(MembershipStatus.ACTIVE);
            assertThat(m.cardNumber()).isEqualTo(card);
        });
        Member seenByB = actors.as(Fixture.ADMIN_B, () -> members.get(foreign.id()));
        assertThat(seenByB.memberships()).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MembershipStatus.EXITED);
            assertThat(m.exitReason()).isEqualTo(ExitReason.TRANSFER);
        });
        assertRefused(
                Kind.CONFLICT,
                "member.transfer.request.decided",
                () -> actors.as(Fixture.ADMIN_B, () -> transferRequests.decline(requestId, null)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String login : List.of(Fixture.ADMIN_A, Fixture.ADMIN_B)) {
                long organization = login.equals(Fixture.ADMIN_A) ? fixture.primaryA1() : fixture.primaryB1();
                List<AuditEntry> entries = actors.as(
                                login,
                                () -> auditLog.forSubtree(organization, AuditFilter.none(), PageRequest.of(0, 200)))
                        .items();
                assertThat(entries)
                        .as("audit of %s", login)
                        .filteredOn(e -> e.details() != null && e.details().contains("запрос " + requestId + ";"))
                        .extracting(AuditEntry::action)
                        .contains("TRANSFER_REQUESTED", "TRANSFER_REQUEST_ACCEPTED");
            }
        });
    }

    @Test
    void theHoldersListReadsThePersonsOfAPageInOneStatement() throws Exception {
        for (String surname : List.of("Первопереводова", "Второпереводова", "Третьепереводова")) {
            Member foreign = registerInB();
            actors.as(
                    Fixture.ADMIN_A,
                    () -> members.enrol(
                            fixture.primaryA1(), withSnilsOf(foreign, surname), membership(), TransferSource.FORM));
        }
        List<String> statements = ru.profkom.support.StatementCounter.record(() -> actors.as(
                Fixture.ADMIN_B,
                () -> transferRequests.incoming(fixture.regionB(), TransferStatus.PENDING, PageRequest.of(0, 200))));
        assertThat(statements.stream()
                        .filter(sql -> sql.toLowerCase(java.util.Locale.ROOT).matches("(?s).*from\\s+\\S*person\\W.*")))
                .as("reads of the person table listing incoming requests: " + statements)
                .hasSize(1);
    }

    @Test
    void aDeclinedRequestChangesNothingOfThePerson() {
        Member foreign = registerInB();
        long requestId = actors.as(
                        Fixture.ADMIN_A,
                        () -> members.enrol(
                                fixture.primaryA1(),
                                withSnilsOf(foreign, "Захватова"),
                                membership(),
                                TransferSource.API))
                .transferRequestId();
        var before = database.take();

        TransferRequest declined = actors.as(Fixture.ADMIN_B, () -> transferRequests.decline(requestId, "Не наш"));

        assertThat(declined.status()).isEqualTo(TransferStatus.DECLINED);
        var after = database.take();
        for (String table : List.of("person", "membership", "member_change")) {
            assertThat(after.rowsByTable().get(table))
                    .containsExactlyElementsOf(before.rowsByTable().get(table));
        }
        assertThat(outgoingOf(fixture.primaryA1(), foreign.id()).status()).isEqualTo(TransferStatus.DECLINED);
    }

    // ---- 6b: names on the way in -------------------------------------------------------------------------

    @Test
    void anImportInCapitalsKeepsTheStoredNameAndCountsItUnchanged() {
        String surname = "Воробьёва" + letters();
        Member stored = register(
                Fixture.ADMIN_A,
                fixture.primaryA1(),
                new PersonData(
                        surname, "Мария", "Павловна", LocalDate.of(1971, 4, 5), null, null, null, null, null, null));
        String csv = "Фамилия;Имя;Отчество;Дата рождения\n"
                + surname.toUpperCase().replace('Ё', 'Е') + ";мария;ПАВЛОВНА;05.04.1971\n" + "ИВАНОВА-"
                + letters().toUpperCase() + ";анна;;06.04.1972\n";

        MemberImport applied = actors.as(
                Fixture.ADMIN_A,
                () -> imports.applyAndWait(
                        imports.upload(fixture.primaryA1(), "members.csv", csv.getBytes(StandardCharsets.UTF_8))
                                .id()));

        assertThat(applied.unchanged()).isEqualTo(1);
        assertThat(applied.updated()).isZero();
        assertThat(applied.imported()).isEqualTo(1);
        Member after = actors.as(Fixture.ADMIN_A, () -> members.get(stored.id()));
        assertThat(after.fullName()).isEqualTo(surname + " Мария Павловна");
        List<MemberSummary> added = actors.as(
                        Fixture.ADMIN_A,
                        () -> members.search(
                                new MemberQuery("Иванова-", fixture.primaryA1(), null, null, null, null),
                                PageRequest.of(0, 200)))
                .items();
        assertThat(added)
                .extracting(MemberSummary::fullName)
                .anyMatch(name -> name.matches("Иванова-[А-Я][а-я]+ Анна"));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private void assertOnlyATransferRequestAdded(
            DatabaseSnapshot.Content before, TransferSource source, long personId) {
        var after = database.take();
        for (var entry : before.rowsByTable().entrySet()) {
            if (!REQUEST_TABLES.contains(entry.getKey())) {
                assertThat(after.rowsByTable().get(entry.getKey()))
                        .as("rows of table %s", entry.getKey())
                        .containsExactlyElementsOf(entry.getValue());
            }
        }
        List<String> added = after.rowsByTable().get("member_transfer_request").stream()
                .filter(row ->
                        !before.rowsByTable().get("member_transfer_request").contains(row))
                .toList();
        assertThat(added).singleElement().satisfies(row -> {
            assertThat(row).contains("person_id=" + personId + ",");
            assertThat(row).contains("source=" + source.name() + ",");
            assertThat(row).contains("status=PENDING,");
        });
    }

    private TransferRequest outgoingOf(long organizationId, long personId) {
        return actors
                .as(Fixture.ADMIN_A, () -> transferRequests.outgoing(organizationId, null, PageRequest.of(0, 200)))
                .items()
                .stream()
                .filter(r -> r.personName() != null)
                .filter(r -> actors.asSystem(() -> transferRequests.get(r.id())).personId() == personId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aTransferRequestWaitsOnTheHomeOfTheHoldingSideOnly() {
        Member foreign = registerInB();
        long requestId = actors.as(
                        Fixture.ADMIN_A,
                        () -> members.enrol(
                                fixture.primaryA1(),
                                withSnilsOf(foreign, "Ожидающая"),
                                membership(),
                                TransferSource.FORM))
                .transferRequestId();
        String key = RegistryTasks.TRANSFER_REQUEST + ":" + requestId;

        List<WorkItem> holders = actors.as(Fixture.ADMIN_B, () -> registryTasks.tasks(scopeOf(fixture.primaryB1())));
        WorkItem item = holders.stream()
                .filter(task -> task.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no transfer request among " + holders));
        assertThat(item.organizationId()).isEqualTo(fixture.primaryB1());
        assertThat(item.link()).isEqualTo("/orgs/" + fixture.primaryB1() + "/transfer-requests?side=incoming");

        assertThat(actors.as(Fixture.ADMIN_A, () -> registryTasks.tasks(scopeOf(fixture.primaryA1()))))
                .as("the requesting side decides nothing and is shown nothing of the person")
                .extracting(WorkItem::key)
                .doesNotContain(key);
    }

    private static TaskScope scopeOf(long organizationId) {
        return new TaskScope(List.of(organizationId), Instant.now(), LocalDate.now(), 20);
    }

    private Member registerInB() {
        PersonData person = person("Чужова");
        String card = "Ч-" + SEQUENCE.incrementAndGet();
        return actors.as(
                Fixture.ADMIN_B,
                () -> members.register(
                        fixture.primaryB1(),
                        person,
                        new MembershipData(MembershipStatus.ACTIVE, null, card, Category.WORKER)));
    }

    private Member register(String login, long organizationId, PersonData person) {
        return actors.as(login, () -> members.register(organizationId, person, membership()));
    }

    private static MembershipData membership() {
        return new MembershipData(MembershipStatus.ACTIVE, null, null, Category.WORKER);
    }

    private static PersonData withSnilsOf(Member member, String lastName) {
        return new PersonData(
                lastName,
                "Зоя",
                null,
                LocalDate.of(1980, 1, 1),
                null,
                member.snils(),
                "+79990000009",
                null,
                null,
                null);
    }

    private static PersonData person(String prefix) {
        int n = SEQUENCE.incrementAndGet();
        return new PersonData(
                prefix + letters(),
                "Анна",
                "Петровна",
                LocalDate.of(1970 + n % 30, 1 + n % 12, 1 + n % 28),
                Gender.F,
                Snils.withChecksum(String.valueOf(n).substring(0, 9)),
                "+7916" + (1_000_000 + n % 9_000_000),
                "m" + n + "@profkom.test",
                "Медсестра",
                "Хирургия");
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        int n = SEQUENCE.incrementAndGet();
        while (n > 0) {
            letters.append((char) ('а' + n % 32));
            n /= 32;
        }
        return letters.toString();
    }
}
