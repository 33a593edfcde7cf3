package ru.profkom.statistics;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
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

    private final StatisticsUpdater updater;
    private final ReentrantLock importChunks = new ReentrantLock();
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

    @AfterCommit
    void on(MembersImported event) {
        if (event.joined() == 0) {
            return;
        }
        // The chunks of one import all add to the same organizations' rows: applied one at a time
        // they never wait for each other's row locks nor hold several connections at once.
        importChunks.lock();
        try {
            applyImported(event);
        } finally {
            importChunks.unlock();
        }
    }

    private void applyImported(MembersImported event) {
        Changes changes = new Changes();
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
        updater.apply(changes);
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
