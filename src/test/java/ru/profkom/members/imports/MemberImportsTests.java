package ru.profkom.members.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import profkom.schema.Tables;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEvents;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.members.imports.MemberImports.MemberImport;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException.Kind;
import ru.profkom.shared.Snils;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestClock;

@ProfkomIntegrationTest
class MemberImportsTests {

    private static final AtomicInteger SNILS = new AtomicInteger(200_100_000);
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final List<String> REGISTRY = List.of("person", "membership", "member_change", "union_card");

    @Autowired
    MemberImports imports;

    @Autowired
    MemberImportRunner runner;

    @Autowired
    MemberImportApplier applier;

    @Autowired
    ru.profkom.audit.AuditLog auditLog;

    @Autowired
    MemberImportRepository repository;

    @Autowired
    Members members;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    DSLContext dsl;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void importsRowsAndReimportingTheFileChangesNothing() {
        String a = snils();
        String b = snils();
        String csv = "ФИО;Дата рождения;СНИЛС;Телефон;№ профсоюзного билета\r\n"
                + "Александров Алексей Андреевич;01.02.1980;" + a + ";8 (912) 345-67-01;" + card() + "\r\n"
                + "Борисова Бэлла Борисовна;1975-03-04;" + Snils.display(b) + ";;\r\n";
        byte[] file = csv.getBytes(WINDOWS_1251);

        MemberImport first = upload(fixture.primaryA1(), file);
        assertThat(first.validRows()).isEqualTo(2);
        assertThat(first.encoding()).isEqualTo("windows-1251");
        MemberImport applied = apply(first.id());
        assertThat(applied.status()).isEqualTo("DONE");
        assertThat(applied.imported()).isEqualTo(2);
        assertThat(applied.percent()).isEqualTo(100);
        assertThat(personsWithSnils(a)).isEqualTo(1);

        var before = database.take();
        MemberImport again = apply(upload(fixture.primaryA1(), file).id());

        assertThat(again.imported()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        var after = database.take();
        for (String table : REGISTRY) {
            assertThat(after.rowsByTable().get(table))
                    .as("rows of %s", table)
                    .containsExactlyElementsOf(before.rowsByTable().get(table));
        }
    }

    @Test
    void updatesThePersonWithTheSameFoldedNameAndBirthDateInsteadOfAddingOne() {
        String lastName = "Ёлкина" + letters();
        Member registered = actors.as(
                Fixture.ADMIN_A,
                () -> members.register(
                        fixture.primaryA1(),
                        new PersonData(
                                lastName, "Алёна", null, LocalDate.of(1990, 6, 1), null, null, null, null, null, null),
                        new MembershipData(MembershipStatus.ACTIVE, null, null, null)));
        String csv = "Фамилия,Имя,Дата рождения,Должность\n" + "  "
                + lastName.toUpperCase().replace('Ё', 'Е') + " ,  АЛЕНА ,01.06.1990,Медсестра\n";

        MemberImport applied = apply(upload(fixture.primaryA1(), csv.getBytes(StandardCharsets.UTF_8))
                .id());

        assertThat(applied.imported()).isZero();
        assertThat(applied.updated()).isEqualTo(1);
        Member after = actors.as(Fixture.ADMIN_A, () -> members.get(registered.id()));
        assertThat(after.position()).isEqualTo("Медсестра");
        assertThat(after.memberships()).hasSize(1);
    }

    @Test
    void listsEveryProblemWithLineColumnAndReasonAndImportsOnlyValidRows() {
        String taken = card();
        actors.run(
                Fixture.ADMIN_A,
                () -> members.register(
                        fixture.primaryA1(),
                        new PersonData(
                                "Занятов" + letters(),
                                "Билет",
                                null,
                                LocalDate.of(1970, 1, 1),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new MembershipData(MembershipStatus.ACTIVE, null, taken, null)));
        String repeated = snils();
        String future = LocalDate.now().plusYears(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        String csv = "Список членов ППО\n"
                + "Фамилия;Имя;Отчество;Дата рождения;СНИЛС;№ профсоюзного билета\n"
                + "Февральский;Фёдор;;31.02.1980;;\n"
                + "Будущев;Борис;;" + future + ";;\n"
                + "Неверов;Нил;;01.01.1980;112-233-445 00;\n"
                + "Билетов;Богдан;;01.01.1981;;" + taken + "\n"
                + "Первый;Пётр;;01.01.1982;" + repeated + ";\n"
                + "Второй;Павел;;01.01.1983;" + repeated + ";\n";

        MemberImport preview = upload(fixture.primaryA1(), csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.totalRows()).isEqualTo(6);
        assertThat(preview.validRows()).isEqualTo(1);
        List<String> problems =
                actors
                        .as(Fixture.ADMIN_A, () -> imports.problems(preview.id(), new PageRequest(0, 50)))
                        .items()
                        .stream()
                        .map(MemberImports.ImportProblem::text)
                        .toList();
        assertThat(problems)
                .containsExactly(
                        "Строка 3, столбец «Дата рождения»: такой даты нет (31.02.1980).",
                        "Строка 4, столбец «Дата рождения»: Дата рождения не может быть в будущем.",
                        "Строка 5, столбец «СНИЛС»: СНИЛС неверен: нужны 11 цифр с правильной контрольной суммой, например 112-233-445 95.",
                        "Строка 6, столбец «№ профсоюзного билета»: Номер профсоюзного билета «" + taken
                                + "» уже выдан другому человеку.",
                        "Строка 8: повтор строки 7: тот же СНИЛС.");

        MemberImport applied = apply(preview.id());
        assertThat(applied.imported()).isEqualTo(1);
        assertThat(applied.rejected()).isEqualTo(5);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        actors.run(Fixture.ADMIN_A, () -> imports.writeErrors(preview.id(), errors));
        String errorFile = errors.toString(StandardCharsets.UTF_8);
        assertThat(errorFile)
                .startsWith("\uFEFFФамилия;Имя;Отчество;Дата рождения;СНИЛС;№ профсоюзного билета;Ошибка\r\n");
        assertThat(errorFile.lines()).hasSize(6);
        assertThat(errorFile).contains("Февральский;Фёдор;;31.02.1980;;;Строка 3, столбец «Дата рождения»");
    }

    @Test
    void resumesAnImportKilledMidwayWithoutDuplicates() {
        StringBuilder csv = new StringBuilder("ФИО;Дата рождения;СНИЛС\n");
        List<String> numbers = List.of(snils(), snils(), snils(), snils(), snils());
        for (int i = 0; i < numbers.size(); i++) {
            csv.append("Возобновлев")
                    .append(letters())
                    .append(" Иван;0")
                    .append(i + 1)
                    .append(".01.1980;")
                    .append(numbers.get(i))
                    .append('\n');
        }
        // Chunks of two rows: the third chunk is the one the process dies in.
        imports.useChunksOf(2);
        MemberImport preview;
        try {
            preview = upload(fixture.primaryA1(), csv.toString().getBytes(StandardCharsets.UTF_8));
        } finally {
            imports.useChunksOf(1000);
        }
        long importId = preview.id();
        CurrentActor.asSystem(() -> {
            var record = repository.find(importId).orElseThrow();
            record.setStatus("APPLYING");
            repository.updateImport(record);
        });
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        MemberImportApplier.Run run = CurrentActor.asSystem(
                () -> applier.start(repository.find(importId).orElseThrow()));

        assertThat(CurrentActor.asSystem(() -> runner.nextChunk(run))).isTrue();
        try {
            CurrentActor.asSystem(() -> transaction.executeWithoutResult(status -> {
                applier.apply(run, repository.nextUnapplied(importId, -1).orElseThrow(), null);
                throw new IllegalStateException("the process is killed in the middle of a chunk");
            }));
        } catch (IllegalStateException killed) {
            // as if the process died: the chunk's transaction never commits
        }
        assertThat(actors.as(Fixture.ADMIN_A, () -> imports.get(importId)).processedRows())
                .isEqualTo(2);
        assertThat(numbers.stream().mapToInt(this::personsWithSnils).sum()).isEqualTo(2);

        // The dead process renewed its lease with its last chunk; once that runs out, any node resumes.
        clock.shiftedBy(Duration.ofMinutes(3), () -> {
            runner.run(importId);
            return null;
        });

        MemberImport done = actors.as(Fixture.ADMIN_A, () -> imports.get(importId));
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.imported()).isEqualTo(5);
        assertThat(done.processedRows()).isEqualTo(5);
        numbers.forEach(number -> assertThat(personsWithSnils(number)).isEqualTo(1));
    }

    @Test
    void twoWorkersApplyEveryChunkOnce() {
        List<String> numbers = new java.util.ArrayList<>();
        StringBuilder csv = new StringBuilder("ФИО;Дата рождения;СНИЛС\n");
        for (int i = 0; i < 40; i++) {
            numbers.add(snils());
            csv.append("Параллелев")
                    .append(letters())
                    .append(" Иван;")
                    .append(String.format("%02d.03.1985;", i % 28 + 1))
                    .append(numbers.getLast())
                    .append('\n');
        }
        imports.useChunksOf(3);
        int workers = runner.useWorkers(2);
        MemberImport done;
        try {
            done = apply(upload(fixture.primaryA1(), csv.toString().getBytes(StandardCharsets.UTF_8))
                    .id());
        } finally {
            imports.useChunksOf(1000);
            runner.useWorkers(workers);
        }

        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.imported()).isEqualTo(40);
        assertThat(done.processedRows()).isEqualTo(40);
        numbers.forEach(number -> assertThat(personsWithSnils(number)).isEqualTo(1));
        assertThat(dsl.fetchCount(
                        Tables.MEMBER_IMPORT_CHUNK,
                        Tables.MEMBER_IMPORT_CHUNK
                                .IMPORT_ID
                                .eq(done.id())
                                .and(Tables.MEMBER_IMPORT_CHUNK.APPLIED.isFalse())))
                .isZero();
    }

    @Test
    void recordsTheUploaderInHistoryAndAuditsEachChunkWithoutNames() {
        List<String> numbers = List.of(snils(), snils(), snils());
        StringBuilder csv = new StringBuilder("ФИО;Дата рождения;СНИЛС;Пол\n");
        for (String number : numbers) {
            csv.append("Загрузкин")
                    .append(letters())
                    .append(" Иван;02.03.1981;")
                    .append(number)
                    .append(";м\n");
        }
        imports.useChunksOf(2);
        MemberImport preview;
        try {
            preview = upload(fixture.primaryA1(), csv.toString().getBytes(StandardCharsets.UTF_8));
        } finally {
            imports.useChunksOf(1000);
        }
        MemberImport done = apply(preview.id());
        assertThat(done.imported()).isEqualTo(3);

        List<Long> people = dsl.select(Tables.PERSON.ID)
                .from(Tables.PERSON)
                .where(Tables.PERSON.SNILS.in(numbers))
                .fetch(Tables.PERSON.ID);
        var history = dsl.select(
                        Tables.MEMBER_CHANGE.ACTOR_LOGIN, Tables.MEMBER_CHANGE.FIELD, Tables.MEMBER_CHANGE.NEW_VALUE)
                .from(Tables.MEMBER_CHANGE)
                .where(Tables.MEMBER_CHANGE.PERSON_ID.in(people))
                .fetch();
        // One row for each person the import created, naming the organization, the import and its file.
        assertThat(history).hasSize(3).allSatisfy(change -> {
            assertThat(change.value1()).isEqualTo(Fixture.ADMIN_A);
            assertThat(change.value2()).isEqualTo("created");
            assertThat(change.value3())
                    .startsWith("Загрузкин")
                    .contains(" — членство в «")
                    .endsWith("импорт №" + preview.id() + " из файла «members.csv»");
        });
        List<Long> memberships = dsl.select(Tables.MEMBERSHIP.ID)
                .from(Tables.MEMBERSHIP)
                .where(Tables.MEMBERSHIP.PERSON_ID.in(people))
                .orderBy(Tables.MEMBERSHIP.ID)
                .fetch(Tables.MEMBERSHIP.ID);
        var read =
                CurrentActor.asSystem(() -> members.importedMemberships(memberships.getFirst(), memberships.getLast()));
        assertThat(read)
                .extracting(MemberEvents.ImportedMembership::personId)
                .containsExactlyInAnyOrderElementsOf(people);
        assertThat(read).allSatisfy(joined -> {
            assertThat(joined.organizationId()).isEqualTo(fixture.primaryA1());
            assertThat(joined.gender()).isEqualTo(MemberEnums.Gender.M);
        });

        String importNumber = "№" + preview.id() + ":";
        org.awaitility.Awaitility.await().atMost(Patience.AFTER_COMMIT).untilAsserted(() -> {
            List<ru.profkom.audit.AuditEntry> entries = actors
                    .as(
                            Fixture.ADMIN_A,
                            () -> auditLog.forSubtree(
                                    fixture.primaryA1(),
                                    new ru.profkom.audit.AuditFilter("MEMBERS_IMPORTED", null, null, null),
                                    PageRequest.of(0, 50)))
                    .items()
                    .stream()
                    .filter(entry -> entry.details() != null && entry.details().contains(importNumber))
                    .toList();
            // Two chunks, two entries: counts only, never a name.
            assertThat(entries).hasSize(2);
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry.actorLogin()).isEqualTo(Fixture.ADMIN_A);
                assertThat(entry.details()).doesNotContain("Загрузкин");
            });
        });
    }

    @Test
    void refusesImportsOutsideTheSubtreeAsAbsent() {
        byte[] file = ("ФИО;Дата рождения\nЧужой Иван;01.01.1980\n").getBytes(StandardCharsets.UTF_8);
        MemberImport preview = upload(fixture.primaryA1(), file);

        assertRefused(
                Kind.NOT_FOUND,
                "organization.notFound",
                () -> actors.as(Fixture.ADMIN_B, () -> imports.upload(fixture.primaryA1(), "x.csv", file)));
        assertRefused(
                Kind.NOT_FOUND,
                MemberImports.NOT_FOUND,
                () -> actors.as(Fixture.ADMIN_B, () -> imports.get(preview.id())));
        assertRefused(
                Kind.NOT_FOUND,
                MemberImports.NOT_FOUND,
                () -> actors.as(Fixture.ADMIN_B, () -> imports.apply(preview.id())));
        assertRefused(
                Kind.NOT_FOUND,
                MemberImports.NOT_FOUND,
                () -> actors.as(Fixture.MEMBER_A1, () -> imports.get(preview.id())));
    }

    @Test
    void refusesAnEmptyFileAndStoresNothing() {
        var before = database.take();

        assertRefused(Kind.INVALID, "member.import.empty", () -> upload(fixture.primaryA1(), new byte[0]));
        assertRefused(
                Kind.INVALID,
                "member.import.headersOnly",
                () -> upload(fixture.primaryA1(), "ФИО;СНИЛС\n".getBytes(StandardCharsets.UTF_8)));

        database.assertUnchangedSince(before);
    }

    private MemberImport upload(long organizationId, byte[] file) {
        return actors.as(Fixture.ADMIN_A, () -> imports.upload(organizationId, "members.csv", file));
    }

    private MemberImport apply(long importId) {
        return actors.as(Fixture.ADMIN_A, () -> imports.applyAndWait(importId));
    }

    private int personsWithSnils(String snils) {
        return dsl.fetchCount(Tables.PERSON, Tables.PERSON.SNILS.eq(Snils.normalize(snils)));
    }

    private static String snils() {
        return Snils.withChecksum(String.valueOf(SNILS.incrementAndGet()).substring(0, 9));
    }

    private static String card() {
        return "Т-" + SNILS.incrementAndGet();
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        int n = SNILS.incrementAndGet();
        while (n > 0) {
            letters.append((char) ('а' + n % 32));
            n /= 32;
        }
        return letters.toString();
    }
}
