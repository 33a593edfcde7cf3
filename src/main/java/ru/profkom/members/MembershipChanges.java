package ru.profkom.members;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import profkom.schema.tables.records.MembershipRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEvents.MemberExited;
import ru.profkom.members.MemberEvents.MemberJoined;
import ru.profkom.members.MemberEvents.MemberTransferred;
import ru.profkom.members.MemberEvents.MembershipFactsChanged;
import ru.profkom.members.MemberEvents.MembershipStatusChanged;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * The lifecycle of a membership, behind {@link Members}: the status transitions of {@link MembershipStatus}, exit,
 * transfer (the card number and the electronic card follow the member) and category, each written to the history
 * and announced. The caller ({@link Members} or {@link TransferRequests}) runs it in its transaction.
 */
@Component
class MembershipChanges {

    private final MemberRepository repository;
    private final UnionCardRepository cards;
    private final RegistryAccess access;
    private final Registration registration;
    private final MemberHistory history;
    private final MembershipFactsQuery facts;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MembershipChanges(
            MemberRepository repository,
            UnionCardRepository cards,
            RegistryAccess access,
            Registration registration,
            MemberHistory history,
            MembershipFactsQuery facts,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.cards = cards;
        this.access = access;
        this.registration = registration;
        this.history = history;
        this.facts = facts;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** Accepts an application (→ active), suspends or resumes a membership; the person's id. */
    long changeStatus(long membershipId, MembershipStatus status) {
        MembershipRecord membership = access.writableMembership(membershipId);
        if (status == null) {
            throw ProfkomException.invalid("status", "validation.required");
        }
        MembershipStatus from = MembershipStatus.valueOf(membership.getStatus());
        MembershipStatus to = from.changeTo(status);
        Instant now = clock.instant();
        repository.setStatus(membershipId, to, null, null, now);
        history.record(membership.getPersonId(), "status", from.name(), to.name(), now);
        events.publishEvent(new MembershipStatusChanged(
                membership.getPersonId(),
                membershipId,
                membership.getOrganizationId(),
                membership.getOrganizationPath(),
                from,
                to,
                currentActor.get()));
        if (from == MembershipStatus.APPLICATION) {
            LocalDate joinedOn = membership.getJoinedOn() == null ? today() : membership.getJoinedOn();
            events.publishEvent(new MemberJoined(
                    membership.getPersonId(),
                    membershipId,
                    membership.getOrganizationId(),
                    membership.getOrganizationPath(),
                    Category.valueOf(membership.getCategory()),
                    joinedOn,
                    currentActor.get(),
                    facts.ofMembership(membershipId)));
        }
        return membership.getPersonId();
    }

    long exit(long membershipId, ExitReason reason, LocalDate on) {
        MembershipRecord membership = access.writableMembership(membershipId);
        MembershipStatus from = MembershipStatus.valueOf(membership.getStatus());
        Validation validation = new Validation();
        if (reason == null || reason == ExitReason.TRANSFER) {
            validation.reject("reason", "validation.required");
        }
        LocalDate date = on == null ? today() : on;
        if (date.isAfter(today())) {
            validation.reject("date", "member.date.future");
        } else if (membership.getJoinedOn() != null && date.isBefore(membership.getJoinedOn())) {
            validation.reject("date", "member.exit.beforeJoining");
        }
        validation.throwIfInvalid();
        MembershipStatus to = from.afterExit();
        Instant now = clock.instant();
        repository.setStatus(membershipId, to, date, reason, now);
        boolean cardRevoked = cards.revokeCards(membership.getPersonId(), now) > 0;
        history.record(membership.getPersonId(), "status", from.name(), to + " (" + reason + ")", now);
        if (cardRevoked) {
            // The history says why the QR check now answers "not valid".
            history.record(membership.getPersonId(), "card", "issued", "revoked", now);
        }
        if (from.current()) {
            events.publishEvent(new MemberExited(
                    membership.getPersonId(),
                    membershipId,
                    membership.getOrganizationId(),
                    membership.getOrganizationPath(),
                    reason,
                    date,
                    currentActor.get(),
                    facts.ofMembership(membershipId)));
        }
        return membership.getPersonId();
    }

    /** Moves a current member to another primary or shop organization of the scope; the person's id. */
    long transfer(long membershipId, long toOrganizationId, LocalDate on) {
        MembershipRecord membership = access.writableMembership(membershipId);
        Organization target = access.writableOrganization(toOrganizationId);
        transferTo(membership, target, on);
        return membership.getPersonId();
    }

    /**
     * Moves the membership into an organization outside the actor's subtrees, as an accepted transfer request:
     * the holding organization's staff, who may change the person, agreed. The new membership's id.
     */
    long transferOnRequest(long membershipId, long toOrganizationId, LocalDate on) {
        MembershipRecord membership = access.writableMembership(membershipId);
        return transferTo(membership, requestingOrganization(toOrganizationId), on);
    }

    /**
     * Opens a membership in an organization outside the actor's subtrees for a person with no open membership, as an
     * accepted request (постановка на учёт): the staff of the person's last organization agreed.
     */
    long admitOnRequest(long personId, long toOrganizationId, Category category, LocalDate on) {
        access.writablePathsOf(personId);
        if (repository.currentMembership(personId).isPresent()) {
            throw ProfkomException.conflict("member.transfer.request.outdated");
        }
        Organization target = requestingOrganization(toOrganizationId);
        PersonRecord person = repository.person(personId).orElseThrow();
        return registration.openMembership(
                personId,
                target,
                person.getNameKey(),
                MembershipStatus.ACTIVE,
                category,
                on,
                null,
                currentActor.get(),
                clock.instant());
    }

    /** The requesting organization lies outside the acceptor's subtrees: read as the system. */
    private Organization requestingOrganization(long organizationId) {
        Organization target = CurrentActor.asSystem(() -> organizations.get(organizationId));
        if (!RegistryRules.holdsMembers(target)) {
            throw ProfkomException.conflict("organization.closed", target.shortName());
        }
        return target;
    }

    private long transferTo(MembershipRecord membership, Organization target, LocalDate on) {
        long membershipId = membership.getId();
        long toOrganizationId = target.id();
        MembershipStatus status =
                MembershipStatus.valueOf(membership.getStatus()).afterTransfer();
        if (membership.getOrganizationId() == toOrganizationId) {
            throw ProfkomException.invalid("organizationId", "member.transfer.same");
        }
        LocalDate date = on == null ? today() : on;
        Validation validation = new Validation();
        MembershipDates.checkTransfer(
                validation,
                "date",
                date,
                today(),
                membership.getJoinedOn(),
                repository
                        .person(membership.getPersonId())
                        .map(PersonRecord::getBirthDate)
                        .orElse(null));
        validation.throwIfInvalid();
        Instant now = clock.instant();
        String card = membership.getCardNumber();
        repository.setStatus(membershipId, MembershipStatus.EXITED, date, ExitReason.TRANSFER, now);
        repository.moveCardNumber(membershipId);
        long newId = repository.insertMembership(
                membership.getPersonId(),
                toOrganizationId,
                target.path(),
                membership.getNameKey(),
                status,
                Category.valueOf(membership.getCategory()),
                date,
                card,
                now);
        // The electronic card follows the member: a transfer must not turn it "not valid".
        cards.moveCards(membershipId, newId);
        String fromName = organizations
                .shortNames(List.of(membership.getOrganizationId()))
                .get(membership.getOrganizationId());
        history.record(membership.getPersonId(), "organization", fromName, target.shortName(), now);
        events.publishEvent(new MemberTransferred(
                membership.getPersonId(),
                membershipId,
                newId,
                membership.getOrganizationId(),
                toOrganizationId,
                date,
                currentActor.get(),
                facts.ofMembership(membershipId),
                facts.ofMembership(newId)));
        return newId;
    }

    long changeCategory(long membershipId, Category category) {
        MembershipRecord membership = access.writableMembership(membershipId);
        if (category == null) {
            throw ProfkomException.invalid("category", "validation.required");
        }
        Instant now = clock.instant();
        MembershipFacts before = facts.ofMembership(membershipId);
        repository.setCategory(membershipId, category, now);
        history.record(membership.getPersonId(), "category", membership.getCategory(), category.name(), now);
        if (before.category() != category && before.counted()) {
            events.publishEvent(new MembershipFactsChanged(
                    membership.getPersonId(),
                    List.of(before),
                    List.of(before.withCategory(category)),
                    currentActor.get()));
        }
        return membership.getPersonId();
    }

    private LocalDate today() {
        return MoscowTime.today(clock);
    }
}
