package ru.profkom.members.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.members.imports.MemberImports.MemberImport;
import ru.profkom.shared.CurrentActor;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestClock;

/**
 * An APPLYING import whose lease a process holds: the page and the API say which process and until
 * when; a holder proven dead on this host (the same server after a crash) is taken over at once instead
 * of waiting out its two minutes, a live one elsewhere is left alone.
 */
@ProfkomIntegrationTest
class ImportLeaseTests {

    private static final AtomicInteger DAY = new AtomicInteger();

    @Autowired
    MemberImports imports;

    @Autowired
    MemberImportRunner runner;

    @Autowired
    MemberImportRepository repository;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;

    @org.junit.jupiter.api.BeforeEach
    void noBackgroundResume() {
        // The minute's poll would take the staged imports over while the test looks at them.
        runner.resumeByItself(false);
    }

    @org.junit.jupiter.api.AfterEach
    void backgroundResume() {
        runner.resumeByItself(true);
    }

    @Test
    void anImportHeldByThisServerBeforeItsCrashIsShownAsStoppedAndTakenOverAtOnce() throws Exception {
        LeaseHolder current = LeaseHolder.current();
        // The server that took the import and was killed: this host, this process id, another start.
        LeaseHolder crashed = new LeaseHolder(
                current.pid(),
                current.host(),
                current.started() == null ? Instant.EPOCH : current.started().minus(Duration.ofHours(1)));
        long importId = heldBy(
                current.started() == null
                        ? new LeaseHolder(pidOfAnEndedProcess(), current.host(), Instant.EPOCH)
                        : crashed);

        MemberImport held = actors.as(Fixture.ADMIN_A, () -> imports.get(importId));
        String page = mvc.perform(get("/member-imports/{id}", importId).with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(held.lease().resumableNow()).isTrue();
        assertThat(held.lease().note())
                .startsWith("Импорт применял процесс ")
                .contains("сейчас этот процесс импорт не применяет");
        assertThat(page).contains("data-testid=\"import-lease\"", "Продолжить применение");

        // No clock shifted: the lease would run for two more minutes.
        runner.run(importId);

        MemberImport done = actors.as(Fixture.ADMIN_A, () -> imports.get(importId));
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.imported()).isEqualTo(1);
        assertThat(done.lease()).isNull();
    }

    @Test
    void anImportHeldByALiveProcessElsewhereSaysWhoAndUntilWhenAndIsLeftToIt() throws Exception {
        long importId = heldBy(new LeaseHolder(4711, "другой-сервер", Instant.EPOCH));

        runner.run(importId);

        MemberImport held = actors.as(Fixture.ADMIN_A, () -> imports.get(importId));
        assertThat(held.status()).isEqualTo("APPLYING");
        assertThat(held.processedRows()).isZero();
        assertThat(held.lease().resumableNow()).isFalse();
        assertThat(held.lease().note())
                .startsWith("Импорт применяет процесс 4711 на сервере другой-сервер с ")
                .contains("импорт продолжится сам после ");
        String api = mvc.perform(get("/api/v1/member-imports/{id}", importId)
                        .with(httpBasic(Fixture.ADMIN_A, Fixture.PASSWORD))
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(api)
                .contains("\"lease\":{\"holder\":\"процесс 4711 на сервере другой-сервер\"", "\"resumableNow\":false");

        // Once its lease runs out, any server resumes it.
        clock.shiftedBy(MemberImportRunner.LEASE.plusMinutes(1), () -> {
            runner.run(importId);
            return null;
        });
        assertThat(actors.as(Fixture.ADMIN_A, () -> imports.get(importId)).status())
                .isEqualTo("DONE");
    }

    /** A previewed import of one person, marked APPLYING under a live lease of {@code holder}. */
    private long heldBy(LeaseHolder holder) {
        int day = DAY.incrementAndGet() % 28 + 1;
        String csv = "ФИО;Дата рождения\nАрендов" + letters() + " Лев;" + (day < 10 ? "0" : "") + day + ".03.1971\n";
        MemberImport preview = actors.as(
                Fixture.ADMIN_A,
                () -> imports.upload(fixture.primaryA1(), "lease.csv", csv.getBytes(StandardCharsets.UTF_8)));
        CurrentActor.asSystem(() -> {
            var record = repository.find(preview.id()).orElseThrow();
            record.setStatus("APPLYING");
            record.setLeaseHolder(holder.text());
            record.setLeaseSince(clock.instant());
            record.setLeaseUntil(clock.instant().plus(MemberImportRunner.LEASE));
            repository.updateImport(record);
        });
        return preview.id();
    }

    private static long pidOfAnEndedProcess() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        return ended.pid();
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        long n = Fixture.next();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('а' + (n % 32)));
            n /= 32;
        }
        return letters.toString();
    }
}
