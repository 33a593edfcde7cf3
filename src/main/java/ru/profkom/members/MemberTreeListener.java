package ru.profkom.members;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;
import ru.profkom.organizations.OrganizationEvents.OrganizationsMerged;
import ru.profkom.shared.CurrentActor;

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

    MemberTreeListener(
            MemberRepository repository,
            CabinetRepository cabinet,
            Members members,
            ActivistSnapshotRepository snapshots) {
        this.snapshots = snapshots;
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
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        CurrentActor.asSystem(() -> repository
                .currentMembershipIdsIn(event.sourceId())
                .forEach(membershipId -> members.transfer(membershipId, event.targetId(), today)));
    }
}
