package ru.profkom.members;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

/** Staff read the members' correction requests of their subtrees and mark them resolved. */
@Service
@Transactional
public class CorrectionRequests {

    private final CabinetRepository cabinet;
    private final RegistryAccess access;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final Clock clock;

    CorrectionRequests(
            CabinetRepository cabinet,
            RegistryAccess access,
            Organizations organizations,
            CurrentActor currentActor,
            Clock clock) {
        this.cabinet = cabinet;
        this.access = access;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The open requests of the organization's subtree, oldest first: the queue to work through; audited. */
    public Page<CorrectionRequest> openIn(long organizationId, PageRequest page) {
        String path = organizations
                .pathOf(organizationId)
                .filter(access.scope()::covers)
                .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
        Page<CorrectionRequest> open = cabinet.openCorrections(path, page);
        access.auditRead(organizationId, "CORRECTIONS");
        return open;
    }

    public void resolve(long correctionId) {
        cabinet.correctionPath(correctionId)
                .filter(access.scope()::covers)
                .orElseThrow(() -> ProfkomException.notFound("member.correction.notFound"));
        if (!cabinet.resolve(correctionId, currentActor.get().accountId(), clock.instant())) {
            throw ProfkomException.conflict("member.correction.alreadyResolved");
        }
    }
}
