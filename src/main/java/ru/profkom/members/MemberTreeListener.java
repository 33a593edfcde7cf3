package ru.profkom.members;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.members.activists.ActivistSnapshotRepository;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;
import ru.profkom.organizations.OrganizationEvents.OrganizationsMerged;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;

/**
 * Follows the organization tree: memberships keep their organization's current path, and the
 * members of a merged organization move to the one it joined.
 */
@Component
class MemberTreeListener {

    private final MemberRepository repository;
    private final CabinetRepository cabinet;
    private final Members members;
    private final ActivistSnapshotRepository snapshots;
    private final Clock clock;

    MemberTreeListener(
            MemberRepository repository,
            CabinetRepository cabinet,
            Members members,
            ActivistSnapshotRepository snapshots,
            Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.repository = repository;
        this.cabinet = cabinet;
        this.members = members;
    }

    @ApplicationModuleListener
    void on(OrganizationMoved event) {
        repository.repath(event.oldPath(), event.newPath());
        cabinet.repath(event.oldPath(), event.newPath());
        snapshots.repath(event.oldPath(), event.newPath());
    }

    @ApplicationModuleListener
    void on(OrganizationsMerged event) {
        LocalDate today = MoscowTime.today(clock);
        CurrentActor.asSystem(() -> repository
                .currentMembershipIdsIn(event.sourceId())
                .forEach(membershipId -> members.transfer(membershipId, event.targetId(), today)));
    }
}
