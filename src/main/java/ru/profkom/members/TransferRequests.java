package ru.profkom.members;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.MemberTransferRequestRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.TransferRequestEvents.TransferRequestDecided;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Scope;
import ru.profkom.shared.Validation;

/**
 * Transfer requests (перевод / постановка на учёт) between organizations: filed by the registry when staff meet a
 * person registered outside their subtrees ({@link Members#enrol}, the import, join applications), listed on both
 * sides, and accepted or declined by the staff of the organization holding the person. Accepting moves the open
 * membership (ends with reason TRANSFER, opens in the requesting organization, card kept) or, for a person with no
 * open membership, opens one there.
 */
@Service
@Transactional
public class TransferRequests {

    static final String NOT_FOUND = "member.transfer.request.notFound";
    private static final ZoneId MOSCOW = MoscowTime.ZONE;

    private final TransferRequestRepository repository;
    private final MembershipChanges memberships;
    private final RegistryAccess access;
    private final MemberRepository registry;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TransferRequests(
            TransferRequestRepository repository,
            MembershipChanges memberships,
            RegistryAccess access,
            MemberRepository registry,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.memberships = memberships;
        this.access = access;
        this.registry = registry;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** Requests for people held in the organization's subtree: theirs to accept or decline. */
    @Transactional(readOnly = true)
    public Page<TransferRequest> incoming(long organizationId, TransferStatus status, PageRequest page) {
        String path = accessiblePath(organizationId);
        return views(repository.list(path, true, status, page), true);
    }

    /** Requests the organization's subtree filed: what was typed and how it stands, never where the person is. */
    @Transactional(readOnly = true)
    public Page<TransferRequest> outgoing(long organizationId, TransferStatus status, PageRequest page) {
        String path = accessiblePath(organizationId);
        return views(repository.list(path, false, status, page), false);
    }

    /** One request as the actor's side sees it. */
    @Transactional(readOnly = true)
    public TransferRequest get(long requestId) {
        MemberTransferRequestRecord record =
                repository.find(requestId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        return view(record, side(record));
    }

    public TransferRequest accept(long requestId, String note) {
        MemberTransferRequestRecord record = decidable(requestId, TransferStatus.ACCEPTED, note);
        Long fromMembership = record.getFromMembershipId();
        long newMembershipId;
        if (fromMembership != null) {
            boolean stillOpen = registry.membership(fromMembership)
                    .map(m -> MembershipStatus.valueOf(m.getStatus()) != MembershipStatus.EXITED)
                    .orElse(false);
            if (!stillOpen) {
                throw ProfkomException.conflict("member.transfer.request.outdated");
            }
            newMembershipId =
                    memberships.transferOnRequest(fromMembership, record.getToOrganizationId(), joinedOn(record));
        } else {
            newMembershipId = memberships.admitOnRequest(
                    record.getPersonId(),
                    record.getToOrganizationId(),
                    Category.valueOf(record.getCategory()),
                    joinedOn(record));
        }
        return decide(record, TransferStatus.ACCEPTED, note, newMembershipId);
    }

    public TransferRequest decline(long requestId, String note) {
        MemberTransferRequestRecord record = decidable(requestId, TransferStatus.DECLINED, note);
        return decide(record, TransferStatus.DECLINED, note, null);
    }

    // ---- rules -------------------------------------------------------------------------------

    /** The request exists for the actor only when either side's organization lies in their subtrees. */
    private boolean side(MemberTransferRequestRecord record) {
        Scope scope = access.scope();
        if (scope.covers(record.getFromOrganizationPath())) {
            return true;
        }
        if (scope.covers(record.getToOrganizationPath())) {
            return false;
        }
        throw ProfkomException.notFound(NOT_FOUND);
    }

    private MemberTransferRequestRecord decidable(long requestId, TransferStatus next, String note) {
        MemberTransferRequestRecord record =
                repository.findForUpdate(requestId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        if (!side(record)) {
            // The requesting side sees its request but only the holder decides it.
            throw ProfkomException.forbidden("member.transfer.request.notYours");
        }
        TransferStatus status = TransferStatus.valueOf(record.getStatus());
        if (!status.canBecome(next)) {
            throw ProfkomException.conflict("member.transfer.request.decided");
        }
        new Validation().maxLength("note", note, 500).throwIfInvalid();
        return record;
    }

    private TransferRequest decide(
            MemberTransferRequestRecord record, TransferStatus status, String note, Long newMembershipId) {
        Actor actor = currentActor.get();
        String clean = note == null || note.isBlank() ? null : note.strip();
        repository.decide(record.getId(), status, actor, clock.instant(), clean, newMembershipId);
        events.publishEvent(new TransferRequestDecided(
                record.getId(),
                record.getPersonId(),
                record.getFromOrganizationId(),
                record.getFromOrganizationPath(),
                record.getToOrganizationId(),
                record.getToOrganizationPath(),
                status,
                actor));
        return view(repository.find(record.getId()).orElseThrow(), true);
    }

    private LocalDate joinedOn(MemberTransferRequestRecord record) {
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        // The date asked for, unless it is before the request: a membership cannot begin before it was agreed.
        LocalDate requested = record.getJoinedOn();
        LocalDate filed = LocalDate.ofInstant(record.getRequestedAt(), MOSCOW);
        return requested == null || requested.isBefore(filed) || requested.isAfter(today) ? today : requested;
    }

    private String accessiblePath(long organizationId) {
        return organizations
                .pathOf(organizationId)
                .filter(access.scope()::covers)
                .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
    }

    // ---- views -------------------------------------------------------------------------------

    private Page<TransferRequest> views(Page<MemberTransferRequestRecord> records, boolean holder) {
        Set<Long> ids = new HashSet<>();
        records.items().forEach(r -> {
            ids.add(r.getToOrganizationId());
            ids.add(r.getFromOrganizationId());
        });
        Map<Long, String> names = organizations.shortNames(ids);
        // The holder sees the person as the registry has them: all persons of the page in one read.
        Map<Long, PersonRecord> persons = holder
                ? registry.persons(records.items().stream()
                        .map(MemberTransferRequestRecord::getPersonId)
                        .collect(java.util.stream.Collectors.toSet()))
                : Map.of();
        return records.map(r -> view(r, holder, names, persons));
    }

    private TransferRequest view(MemberTransferRequestRecord record, boolean holder) {
        return view(
                record,
                holder,
                organizations.shortNames(List.of(record.getToOrganizationId(), record.getFromOrganizationId())),
                holder ? registry.persons(List.of(record.getPersonId())) : Map.of());
    }

    private TransferRequest view(
            MemberTransferRequestRecord r, boolean holder, Map<Long, String> names, Map<Long, PersonRecord> persons) {
        TransferStatus status = TransferStatus.valueOf(r.getStatus());
        boolean theirs = holder || status == TransferStatus.ACCEPTED;
        String personName = r.getSubmittedName();
        java.time.LocalDate birthDate = r.getSubmittedBirthDate();
        if (holder) {
            PersonRecord person = persons.get(r.getPersonId());
            personName = person.getLastName() + " " + person.getFirstName()
                    + (person.getPatronymic() == null ? "" : " " + person.getPatronymic());
            birthDate = person.getBirthDate();
        }
        return new TransferRequest(
                r.getId(),
                theirs ? r.getPersonId() : null,
                personName,
                birthDate,
                holder ? r.getFromOrganizationId() : null,
                holder ? names.get(r.getFromOrganizationId()) : null,
                r.getToOrganizationId(),
                names.get(r.getToOrganizationId()),
                TransferSource.valueOf(r.getSource()),
                status,
                r.getRequestedByLogin(),
                r.getRequestedAt(),
                r.getDecidedByLogin(),
                r.getDecidedAt(),
                r.getNote());
    }

    /** For the organization's registry page: whether anything waits for a decision. */
    @Transactional(readOnly = true)
    public boolean anyIncomingPending(long organizationId) {
        return !incoming(organizationId, TransferStatus.PENDING, PageRequest.of(0, 1))
                .items()
                .isEmpty();
    }
}
