package ru.profkom.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEvents.ImportedMembership;
import ru.profkom.members.MemberEvents.MemberExited;
import ru.profkom.members.MemberEvents.MemberJoined;
import ru.profkom.members.MemberEvents.MemberTransferred;
import ru.profkom.members.MemberEvents.MembersImported;
import ru.profkom.members.MemberEvents.MembershipFactsChanged;
import ru.profkom.members.MembershipFacts;
import ru.profkom.members.MembershipFactsQuery;
import ru.profkom.organizations.OrganizationEvents.OrganizationCreated;
import ru.profkom.organizations.OrganizationEvents.OrganizationLiquidated;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;
import ru.profkom.organizations.OrganizationEvents.OrganizationUpdated;
import ru.profkom.organizations.OrganizationEvents.OrganizationsLoaded;
import ru.profkom.organizations.OrganizationEvents.OrganizationsMerged;
import ru.profkom.shared.CurrentActor;

/**
 * Keeps the counters from the registry's and the tree's events, after their commit. Each event
 * carries what its membership counted before and after, so the changes commute: events may be
 * handled in any order.
 */
@Component
class StatisticsListener {

    /**
     * At most so many import chunks (of up to a thousand memberships each) are summed into one batch,
     * to bound memory. A batch costs about as much as its distinct organizations and days, nearly the
     * same for ten chunks as for three hundred: joining dates of a large file spread over decades.
     */
    static final int IMPORT_CHUNKS_PER_BATCH = 300;

    /** The executor of import chunks' events: a virtual thread each, which waits for its batch. */
    static final String IMPORT_EVENTS = "statisticsImportEvents";

    private static final java.time.Duration GATHER_AT_MOST = java.time.Duration.ofSeconds(10);
    private static final java.time.Duration GATHER_STEP = java.time.Duration.ofMillis(300);

    private final StatisticsUpdater updater;
    /**
     * The one platform thread that writes import chunks' counters: batches never wait for each other's
     * row locks, and an embedded database's file reads do not run on virtual threads.
     */
    private final java.util.concurrent.Executor importWriter = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("statistics-import-writer").daemon(true).factory());

    private final Queue<PendingImport> pendingImports = new ConcurrentLinkedQueue<>();
    private final MembershipFactsQuery facts;
    private final ru.profkom.members.Members members;
    private final ru.profkom.organizations.Organizations organizations;

    StatisticsListener(
            StatisticsUpdater updater,
            MembershipFactsQuery facts,
            ru.profkom.members.Members members,
            ru.profkom.organizations.Organizations organizations) {
        this.members = members;
        this.organizations = organizations;
        this.updater = updater;
        this.facts = facts;
    }

    /**
     * A pool of virtual threads, as large as a batch can gather, that the context stops gracefully: a
     * command-line import waits for its last batches before the database closes.
     */
    @Bean(IMPORT_EVENTS)
    static ThreadPoolTaskExecutor statisticsImportEvents() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadFactory(
                Thread.ofVirtual().name("statistics-import-", 1).factory());
        executor.setCorePoolSize(2 * IMPORT_CHUNKS_PER_BATCH);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(120);
        return executor;
    }

    @AfterCommit
    void on(MemberJoined event) {
        MembershipFacts joined = event.facts();
        if (joined == null) {
            // A join published without facts: the membership as it is now, before any later exit.
            joined = CurrentActor.asSystem(() -> facts.of(event.membershipId()))
                    .map(MembershipFacts::beforeExit)
                    .orElse(null);
        }
        updater.apply(new Changes().add(joined, 1));
    }

    @AfterCommit
    void on(MemberExited event) {
        updater.apply(new Changes().add(event.facts().beforeExit(), -1).add(event.facts(), 1));
    }

    @AfterCommit
    void on(MemberTransferred event) {
        updater.apply(new Changes()
                .add(event.from().beforeExit(), -1)
                .add(event.from(), 1)
                .add(event.to(), 1));
    }

    @AfterCommit
    void on(MembershipFactsChanged event) {
        Changes changes = new Changes();
        event.before().forEach(before -> changes.add(before, -1));
        event.after().forEach(after -> changes.add(after, 1));
        updater.apply(changes);
    }

    /**
     * The chunks of one import all add to the same organizations' rows, and mostly to the same days:
     * one writer thread applies them a batch at a time, so they never wait for each other's row locks
     * nor hold several connections at once, and the chunks that arrive meanwhile are summed into the
     * next batch. Each event returns only once its own chunk is applied, and fails if it failed. The
     * waiting events hold virtual threads of their own executor, not the application's eight: so a
     * batch gathers hundreds of chunks, and other modules' events are not queued behind an import.
     */
    @Async(IMPORT_EVENTS)
    @TransactionalEventListener
    void on(MembersImported event) {
        if (event.joined() == 0) {
            return;
        }
        PendingImport mine = new PendingImport(event, new CompletableFuture<>());
        pendingImports.add(mine);
        importWriter.execute(this::applyPendingImports);
        mine.applied().join();
    }

    /** Applies the waiting import chunks, a batch at a time, on the one writer thread. */
    private void applyPendingImports() {
        while (!pendingImports.isEmpty()) {
            gatherImportChunks();
            List<PendingImport> batch = new ArrayList<>();
            for (PendingImport next;
                    batch.size() < IMPORT_CHUNKS_PER_BATCH && (next = pendingImports.poll()) != null; ) {
                batch.add(next);
            }
            applyImported(batch);
        }
    }

    /**
     * Waits, a little at a time, while an import's chunks keep arriving, so that they are summed into
     * one batch instead of being applied one by one as fast as they come: the statistics of a large
     * import lag by at most {@link #GATHER_AT_MOST}.
     */
    private void gatherImportChunks() {
        long deadline = System.nanoTime() + GATHER_AT_MOST.toNanos();
        int queued = pendingImports.size();
        while (queued < IMPORT_CHUNKS_PER_BATCH && System.nanoTime() < deadline) {
            try {
                Thread.sleep(GATHER_STEP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int now = pendingImports.size();
            if (now == queued) {
                return;
            }
            queued = now;
        }
    }

    private record PendingImport(MembersImported event, CompletableFuture<Void> applied) {}

    private void applyImported(List<PendingImport> batch) {
        try {
            Changes changes = new Changes();
            for (PendingImport pending : batch) {
                addImported(pending.event(), changes);
            }
            updater.apply(changes);
            batch.forEach(pending -> pending.applied().complete(null));
        } catch (RuntimeException | Error e) {
            // The events wait for their futures: an error left them uncompleted would hold them forever.
            batch.forEach(pending -> pending.applied().completeExceptionally(e));
        }
    }

    private void addImported(MembersImported event, Changes changes) {
        // The event names the chunk's id range; the rows come from the registry's query.
        List<ImportedMembership> imported = CurrentActor.asSystem(
                () -> members.importedMemberships(event.firstMembershipId(), event.lastMembershipId()));
        for (ImportedMembership joined : imported) {
            changes.add(
                    new MembershipFacts(
                            joined.membershipId(),
                            joined.organizationId(),
                            joined.organizationPath(),
                            joined.category(),
                            joined.gender(),
                            joined.birthDate(),
                            joined.joinedOn(),
                            null,
                            null,
                            MembershipStatus.ACTIVE,
                            false),
                    1);
        }
    }

    @AfterCommit
    void on(OrganizationCreated event) {
        updater.onTree(tree -> tree.ensure(event.organizationId()));
    }

    @AfterCommit
    void on(OrganizationUpdated event) {
        if (event.changes().stream().anyMatch(change -> change.field().equals("headcount"))) {
            updater.onTree(tree -> tree.refreshHeadcount(event.organizationId()));
        }
    }

    @AfterCommit
    void on(OrganizationMoved event) {
        // Moves of one organization may be handled out of order: each moves it to where it stands when
        // its counters are locked, so the last one handled is a no-op and the order never matters.
        updater.onTree(tree -> tree.move(
                event.organizationId(),
                () -> CurrentActor.asSystem(() -> organizations.pathOf(event.organizationId()))
                        .orElse(event.newPath())));
    }

    @AfterCommit
    void on(OrganizationLiquidated event) {
        updater.onTree(tree -> tree.refreshHeadcount(event.organizationId()));
    }

    @AfterCommit
    void on(OrganizationsMerged event) {
        updater.onTree(tree -> tree.refreshHeadcount(event.sourceId()));
    }

    @AfterCommit
    void on(OrganizationsLoaded event) {
        updater.onTree(StatisticsTree::rebuild);
    }
}
