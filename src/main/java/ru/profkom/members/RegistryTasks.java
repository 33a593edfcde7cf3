package ru.profkom.members;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.TaskSource;
import ru.profkom.shared.WorkItem;

/**
 * The registry's work on the home: applications to join waiting for a decision and members' correction
 * requests waiting to be resolved, each read through the registry's own scoped queries.
 */
@Component
class RegistryTasks implements TaskSource {

    static final String JOIN_APPLICATION = "JOIN_APPLICATION";
    static final String CORRECTION_REQUEST = "CORRECTION_REQUEST";
    static final String TRANSFER_REQUEST = "TRANSFER_REQUEST";

    private final Members members;
    private final CorrectionRequests corrections;
    private final TransferRequests transfers;
    private final Organizations organizations;

    RegistryTasks(
            Members members, CorrectionRequests corrections, TransferRequests transfers, Organizations organizations) {
        this.members = members;
        this.corrections = corrections;
        this.transfers = transfers;
        this.organizations = organizations;
    }

    @Override
    public List<WorkItem> tasks(TaskScope scope) {
        List<MemberSummary> applications = new ArrayList<>();
        List<CorrectionRequest> requests = new ArrayList<>();
        Set<Long> seenMemberships = new HashSet<>();
        Set<Long> seenRequests = new HashSet<>();
        List<TransferRequest> transferRequests = new ArrayList<>();
        Set<Long> seenTransfers = new HashSet<>();
        for (long organizationId : scope.organizationIds()) {
            try {
                members
                        .search(
                                new MemberQuery(null, organizationId, MembershipStatus.APPLICATION, null, null, null),
                                scope.firstPage())
                        .items()
                        .stream()
                        .filter(row -> seenMemberships.add(row.membershipId()))
                        .forEach(applications::add);
                corrections.openIn(organizationId, new PageRequest(0, scope.limit())).items().stream()
                        .filter(request -> seenRequests.add(request.id()))
                        .forEach(requests::add);
                // Requests for people held here: only this side may accept or decline them.
                transfers
                        .incoming(organizationId, TransferStatus.PENDING, new PageRequest(0, scope.limit()))
                        .items()
                        .stream()
                        .filter(request -> seenTransfers.add(request.id()))
                        .forEach(transferRequests::add);
            } catch (ProfkomException refused) {
                // A role without the registry (an information worker) has no registry tasks there.
            }
        }
        Set<Long> organizationIds = new HashSet<>();
        applications.forEach(row -> organizationIds.add(row.organizationId()));
        requests.forEach(request -> organizationIds.add(request.organizationId()));
        transferRequests.forEach(request -> organizationIds.add(holderOf(request, scope)));
        Map<Long, String> names = organizations.shortNames(organizationIds);
        List<WorkItem> items = new ArrayList<>();
        for (MemberSummary row : applications) {
            items.add(WorkItem.waiting(
                    JOIN_APPLICATION,
                    row.membershipId(),
                    row.fullName(),
                    row.organizationId(),
                    names.get(row.organizationId()),
                    row.joinedOn() == null
                            ? scope.now()
                            : row.joinedOn().atStartOfDay(MoscowTime.ZONE).toInstant(),
                    "/orgs/" + row.organizationId() + "/site#applications",
                    scope));
        }
        for (CorrectionRequest request : requests) {
            items.add(WorkItem.waiting(
                    CORRECTION_REQUEST,
                    request.id(),
                    request.personName(),
                    request.organizationId(),
                    names.get(request.organizationId()),
                    request.createdAt(),
                    "/orgs/" + request.organizationId() + "/corrections",
                    scope));
        }
        for (TransferRequest request : transferRequests) {
            long holder = holderOf(request, scope);
            items.add(WorkItem.waiting(
                    TRANSFER_REQUEST,
                    request.id(),
                    request.personName() + " → " + request.toOrganizationName(),
                    holder,
                    names.get(holder),
                    request.requestedAt(),
                    "/orgs/" + holder + "/transfer-requests?side=incoming",
                    scope));
        }
        return items;
    }

    /** The holding organization when this side may see it, else the organization of the scope that asked. */
    private static long holderOf(TransferRequest request, TaskScope scope) {
        return request.fromOrganizationId() != null
                ? request.fromOrganizationId()
                : scope.organizationIds().getFirst();
    }
}
