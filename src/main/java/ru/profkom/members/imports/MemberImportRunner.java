package ru.profkom.members.imports;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import profkom.schema.tables.records.MemberImportChunkRecord;
import profkom.schema.tables.records.MemberImportRecord;
import ru.profkom.members.MemberRepository;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomSettings;

/**
 * Applies imports in chunks, each one transaction that also marks its rows applied: a process
 * killed mid-import leaves whole chunks, and the next start (or any node, once the lease runs out)
 * resumes from the first unapplied row. Rows are deduplicated against the registry, so a chunk
 * applied twice adds no one.
 */
@Component
class MemberImportRunner {

    private static final Logger log = LoggerFactory.getLogger(MemberImportRunner.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * After so many chunks, and again each time the count doubles, the planner learns the registry's new
     * size (see {@link MemberRepository#analyze}): often enough to keep its plans right while the
     * registry grows, rarely enough that a million rows pay for five analyses, not ten.
     */
    static final int CHUNKS_BEFORE_ANALYZE = 100;

    private final MemberImportRepository repository;
    private final MemberImportApplier applier;
    private final MemberRepository registry;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final Clock clock;
    /** A command-line process (profkom.command) applies its own import only; the web nodes resume the rest. */
    private volatile boolean resumes;
    /**
     * Chunks applied at once, each by its own thread and connection. On PostgreSQL one chunk keeps one
     * backend busy while the checking and matching in Java waits for it, so two use both cores of a
     * small server. The embedded H2 writes each table's pages from one thread at a time, so there a
     * second worker only waits (measured: 99.7 s with one, 102.9 s with two for 200,373 rows).
     */
    private int workers;
    /** The imports a thread of this process is applying: one run per import here, and the lease's truth. */
    private final java.util.Set<Long> applyingHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    MemberImportRunner(
            MemberImportRepository repository,
            MemberImportApplier applier,
            MemberRepository registry,
            PlatformTransactionManager transactionManager,
            Clock clock,
            ProfkomSettings settings,
            org.jooq.DSLContext dsl) {
        this.repository = repository;
        this.applier = applier;
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactionManager);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("member-import-");
        threads.setVirtualThreads(true);
        this.executor = threads;
        this.clock = clock;
        this.resumes = settings.command().isEmpty();
        int workers = settings.memberImport().workers();
        this.workers = workers > 0 ? workers : dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES ? 2 : 1;
    }

    /** Another number of workers, for tests of parallel chunks on either database; returns the former. */
    int useWorkers(int count) {
        int former = workers;
        this.workers = count;
        return former;
    }

    /** Whether this node resumes abandoned imports by itself, for tests that stage one; returns the former. */
    boolean resumeByItself(boolean resume) {
        boolean former = resumes;
        this.resumes = resume;
        return former;
    }

    void runLater(long importId) {
        executor.execute(() -> run(importId));
    }

    /** Applies what is left of the import unless another thread or node holds it. */
    void run(long importId) {
        if (!applyingHere.add(importId)) {
            return;
        }
        try {
            CurrentActor.asSystem(() -> claimAndApply(importId));
        } finally {
            applyingHere.remove(importId);
        }
    }

    /** True while a thread of this process applies the import. */
    boolean applyingHere(long importId) {
        return applyingHere.contains(importId);
    }

    /**
     * Whether the import's holder is proven not to be applying it: gone from this host, or this very
     * process with no thread on it (its run stopped on an error).
     */
    boolean holderStopped(long importId, LeaseHolder holder) {
        return holder != null && (holder.provablyDead() || holder.isCurrent() && !applyingHere(importId));
    }

    private void claimAndApply(long importId) {
        String holder = LeaseHolder.current().text();
        Boolean claimed = transactions.execute(status ->
                repository.claim(importId, clock.instant(), clock.instant().plus(LEASE), holder));
        if (!Boolean.TRUE.equals(claimed) && !takeOverFromTheDead(importId, holder)) {
            return;
        }
        try {
            MemberImportApplier.Run run = transactions.execute(
                    status -> applier.start(repository.find(importId).orElseThrow()));
            if (!applyChunks(run)) {
                return;
            }
            transactions.executeWithoutResult(status -> repository.finish(importId, "DONE", null, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Import {} stopped; it resumes once its lease runs out", importId, e);
        }
    }

    /**
     * Takes the import at once when its holder is proven stopped (this same server restarted after a
     * crash, a command-line run killed on this host, a run of this process ended by an error) instead of
     * waiting out its lease.
     */
    private boolean takeOverFromTheDead(long importId, String holder) {
        Boolean taken = transactions.execute(status -> repository
                .find(importId)
                .filter(record -> "APPLYING".equals(record.getStatus()))
                .map(MemberImportRecord::getLeaseHolder)
                .filter(dead -> {
                    // This thread holds the import's one slot in this process: a lease of this
                    // process is then a run that stopped.
                    LeaseHolder former = LeaseHolder.parse(dead);
                    return former != null && (former.isCurrent() || former.provablyDead());
                })
                .map(dead -> {
                    boolean took = repository.takeOver(
                            importId, dead, clock.instant(), clock.instant().plus(LEASE), holder);
                    if (took) {
                        log.info("Import {} taken over from {}, which no longer runs", importId, dead);
                    }
                    return took;
                })
                .orElse(false));
        return Boolean.TRUE.equals(taken);
    }

    /**
     * Applies the import's unapplied chunks with {@link #workers} threads, each taking the next chunk
     * when done with its own; true when all are applied, false when a worker failed (the import then
     * resumes once its lease runs out).
     */
    private boolean applyChunks(MemberImportApplier.Run run) {
        AtomicInteger applied = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> CurrentActor.asSystem(() -> {
            try {
                while (failure.get() == null && nextChunk(run)) {
                    int count = applied.incrementAndGet();
                    if (count % CHUNKS_BEFORE_ANALYZE == 0 && Integer.bitCount(count / CHUNKS_BEFORE_ANALYZE) == 1) {
                        registry.analyze();
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
        List<Thread> others = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            others.add(Thread.ofPlatform().name("member-import-worker-" + i).start(worker));
        }
        worker.run();
        for (Thread other : others) {
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IllegalStateException("interrupted", e));
            }
        }
        if (failure.get() != null) {
            log.error("Import {} stopped; it resumes once its lease runs out", run.record.getId(), failure.get());
            return false;
        }
        if (applied.get() >= CHUNKS_BEFORE_ANALYZE) {
            registry.analyze();
        }
        return true;
    }

    /** Applies the next unapplied chunk in one transaction; false when none is left. */
    boolean nextChunk(MemberImportApplier.Run run) {
        long importId = run.record.getId();
        MemberImportChunkRecord chunk;
        // The workers of one run take chunks in turn, each the first unapplied one after the last taken.
        synchronized (run) {
            Optional<MemberImportChunkRecord> next =
                    transactions.execute(status -> repository.nextUnapplied(importId, run.lastChunk));
            if (next == null || next.isEmpty()) {
                return false;
            }
            chunk = next.get();
            run.lastChunk = chunk.getChunkNo();
        }
        try {
            transactions.executeWithoutResult(status -> progress(importId, applier.apply(run, chunk, null)));
        } catch (RuntimeException chunkFailed) {
            log.warn(
                    "Chunk {} of import {} failed; applying its rows one by one",
                    chunk.getChunkNo(),
                    importId,
                    chunkFailed);
            rowByRow(run, chunk);
        }
        return true;
    }

    /** A failed chunk's rows, each in its own transaction: one bad row costs only itself. */
    private void rowByRow(MemberImportApplier.Run run, MemberImportChunkRecord chunk) {
        long importId = run.record.getId();
        for (ParsedTable.Line line : ImportParser.splitLines(chunk.getLines())) {
            try {
                transactions.executeWithoutResult(
                        status -> progress(importId, applier.apply(run, chunk, line.number())));
            } catch (RuntimeException rowFailed) {
                transactions.executeWithoutResult(status -> {
                    repository.insertProblems(List.of(applier.unappliable(importId, line)));
                    progress(importId, new MemberImportApplier.Counts(0, 0, 0, 1));
                });
            }
        }
        transactions.executeWithoutResult(status -> repository.markApplied(importId, chunk.getChunkNo()));
    }

    private void progress(long importId, MemberImportApplier.Counts counts) {
        if (counts != null) {
            repository.addProgress(
                    importId,
                    counts.imported(),
                    counts.updated(),
                    counts.unchanged(),
                    counts.failed(),
                    clock.instant().plus(LEASE));
        }
    }

    /** Resumes, on start, the imports whose process died. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeOnStart() {
        if (resumes) {
            executor.execute(this::resumeAbandoned);
        }
    }

    /** Resumes imports whose node stopped renewing the lease, or whose holder is proven dead. */
    @Scheduled(fixedDelayString = ProfkomSettings.IMPORT_POLL, initialDelayString = ProfkomSettings.IMPORT_POLL)
    void resumeAbandoned() {
        if (!resumes) {
            return;
        }
        List<Long> abandoned = CurrentActor.asSystem(() -> transactions.execute(status -> {
            List<Long> ids = new ArrayList<>(repository.abandoned(clock.instant()));
            repository.leasedHolders(clock.instant()).forEach((id, holder) -> {
                if (holderStopped(id, LeaseHolder.parse(holder))) {
                    ids.add(id);
                }
            });
            return ids;
        }));
        if (abandoned != null) {
            abandoned.forEach(this::run);
        }
    }
}
