package ru.profkom.members;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import profkom.schema.tables.records.MemberImportRowRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException.Problem;

/**
 * Applies imports in chunks, each one transaction that also marks its rows applied: a process
 * killed mid-import leaves whole chunks, and the next start (or any node, once the lease runs out)
 * resumes from the first unapplied row. Rows are deduplicated against the registry, so a chunk
 * applied twice adds no one.
 */
@Component
class MemberImportRunner {

    private static final Logger log = LoggerFactory.getLogger(MemberImportRunner.class);
    static final int CHUNK = 1000;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MemberImportRepository repository;
    private final Members members;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final Clock clock;
    /** A command-line process (profkom.command) applies its own import only; the web nodes resume the rest. */
    private final boolean resumes;

    MemberImportRunner(
            MemberImportRepository repository,
            Members members,
            MessageSource messages,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${profkom.command:}") String command) {
        this.repository = repository;
        this.members = members;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("member-import-");
        threads.setVirtualThreads(true);
        this.executor = threads;
        this.clock = clock;
        this.resumes = command.isEmpty();
    }

    void runLater(long importId) {
        executor.execute(() -> run(importId));
    }

    /** Applies what is left of the import unless another thread or node holds it. */
    void run(long importId) {
        CurrentActor.asSystem(() -> {
            Boolean claimed = transactions.execute(status ->
                    repository.claim(importId, clock.instant(), clock.instant().plus(LEASE)));
            if (!Boolean.TRUE.equals(claimed)) {
                return;
            }
            try {
                while (chunk(importId, CHUNK)) {
                    // one chunk per transaction
                }
                transactions.executeWithoutResult(status -> repository.finish(importId, "DONE", null, clock.instant()));
            } catch (RuntimeException e) {
                log.error("Import {} stopped; it resumes once its lease runs out", importId, e);
            }
        });
    }

    /** Applies the next chunk of valid rows in one transaction; false when none is left. */
    boolean chunk(long importId, int size) {
        try {
            Boolean more = transactions.execute(status -> applyRows(importId, size));
            return Boolean.TRUE.equals(more);
        } catch (RuntimeException chunkFailed) {
            log.warn("A chunk of import {} failed; applying its rows one by one", importId, chunkFailed);
            for (MemberImportRowRecord row : repository.nextValid(importId, size)) {
                try {
                    transactions.executeWithoutResult(status -> applyRows(importId, 1));
                } catch (RuntimeException rowFailed) {
                    transactions.executeWithoutResult(status -> {
                        repository.markRow(
                                importId,
                                row.getLineNo(),
                                "FAILED",
                                text("member.import.problem.row", row.getLineNo(), text("member.import.row.failed")),
                                null);
                        repository.addProgress(
                                importId, 0, 0, 0, 1, clock.instant().plus(LEASE));
                    });
                }
            }
            return true;
        }
    }

    /** Runs inside the chunk's transaction. */
    boolean applyRows(long importId, int size) {
        List<MemberImportRowRecord> rows = repository.nextValid(importId, size);
        if (rows.isEmpty()) {
            return false;
        }
        int imported = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (MemberImportRowRecord row : rows) {
            PersonData data = new PersonData(
                    row.getLastName(),
                    row.getFirstName(),
                    row.getPatronymic(),
                    row.getBirthDate(),
                    row.getGender() == null ? null : Gender.valueOf(row.getGender()),
                    row.getSnils(),
                    row.getPhone(),
                    row.getEmail(),
                    row.getPosition(),
                    row.getDepartment());
            MembershipData membership = new MembershipData(
                    MembershipStatus.ACTIVE,
                    row.getJoinedOn(),
                    row.getCardNumber(),
                    row.getCategory() == null ? null : Category.valueOf(row.getCategory()));
            Members.ImportResult result = members.applyImported(row.getOrganizationId(), data, membership);
            String errors = null;
            switch (result.outcome()) {
                case "IMPORTED" -> imported++;
                case "UPDATED" -> updated++;
                case "UNCHANGED" -> unchanged++;
                default -> {
                    rejected++;
                    Problem problem = result.problem();
                    errors = text(
                            "member.import.problem.row",
                            row.getLineNo(),
                            messages.getMessage(
                                    problem.messageKey(),
                                    problem.arguments(),
                                    problem.messageKey(),
                                    MemberImports.RUSSIAN));
                }
            }
            repository.markRow(
                    importId,
                    row.getLineNo(),
                    "REJECTED".equals(result.outcome()) ? "FAILED" : result.outcome(),
                    errors,
                    result.personId());
        }
        repository.addProgress(
                importId,
                imported,
                updated,
                unchanged,
                rejected,
                clock.instant().plus(LEASE));
        return true;
    }

    /** Resumes, on start, the imports whose process died. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeOnStart() {
        if (resumes) {
            executor.execute(this::resumeAbandoned);
        }
    }

    /** Resumes imports whose node stopped renewing the lease. */
    @Scheduled(fixedDelayString = "${profkom.import.poll:PT1M}", initialDelayString = "${profkom.import.poll:PT1M}")
    void resumeAbandoned() {
        if (!resumes) {
            return;
        }
        List<Long> abandoned =
                CurrentActor.asSystem(() -> transactions.execute(status -> repository.abandoned(clock.instant())));
        if (abandoned != null) {
            abandoned.forEach(this::run);
        }
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, MemberImports.RUSSIAN);
    }
}
