package ru.profkom.members;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.MembershipRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.MemberEvents.MemberUpdated;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Scope;
import ru.profkom.shared.Validation;

/**
 * The member registry's facade. Staff (every role but a plain member) read and change the members of their
 * subtrees; a person outside them is as good as absent ({@link RegistryAccess}, {@link RegistryRules}). Every
 * change is versioned field by field ({@link MemberHistory}). Registering is {@link Registration}'s; the
 * membership lifecycle is {@link MembershipChanges}'s; consents and union roles are {@link PersonTerms}'.
 */
@Service
@Transactional
public class Members {

    static final String NOT_FOUND = "member.notFound";

    private final MemberRepository repository;
    private final MemberSearchRepository searches;
    private final CurrentActivists activists;
    private final RegistryAccess access;
    private final Registration registration;
    private final MembershipChanges memberships;
    private final PersonTerms terms;
    private final MemberHistory history;
    private final MemberViews views;
    private final MembershipPlaces places;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Members(
            MemberRepository repository,
            MemberSearchRepository searches,
            CurrentActivists activists,
            RegistryAccess access,
            Registration registration,
            MembershipChanges memberships,
            PersonTerms terms,
            MemberHistory history,
            MemberViews views,
            MembershipPlaces places,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.searches = searches;
        this.activists = activists;
        this.access = access;
        this.registration = registration;
        this.memberships = memberships;
        this.terms = terms;
        this.history = history;
        this.views = views;
        this.places = places;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    // ---- queries ---------------------------------------------------------------------------

    /** A member's card; the read is audited. */
    public Member get(long personId) {
        List<String> paths = access.visiblePathsOf(personId);
        Member member = views.visible(personId);
        // The card shows only the memberships inside the actor's subtrees: the latest of those is audited.
        if (!member.memberships().isEmpty()) {
            access.auditRead(member.memberships().getFirst().organizationId(), paths.getFirst(), personId, "CARD");
        }
        return member;
    }

    /** Refuses, as absent, a person outside the actor's subtrees; for pages that act on a person without reading the card. */
    @Transactional(readOnly = true)
    public void requireVisible(long personId) {
        access.visiblePathsOf(personId);
    }

    /** Who changed what of a person and when, with the old and new values: audited like the card. */
    public List<MemberChange> history(long personId) {
        List<String> paths = access.visiblePathsOf(personId);
        Scope scope = access.scope();
        List<RegistryRules.Place> placesOf = places.of(personId);
        List<MemberChange> changes = history.of(personId).stream()
                .filter(change -> RegistryRules.writtenInScope(scope, placesOf, change.occurredAt()))
                .toList();
        // The first membership the reader sees, as the card lists them; no need to build the whole card.
        repository.memberships(personId).stream()
                .filter(membership -> scope.covers(membership.getOrganizationPath()))
                .findFirst()
                .map(MembershipRecord::getOrganizationId)
                .ifPresent(organizationId -> access.auditRead(organizationId, paths.getFirst(), personId, "HISTORY"));
        return changes;
    }

    /**
     * The members a query finds, a page at a time. Words of ФИО are matched as the start of any
     * word; people whose surname starts with the first word come first, then those matched by
     * another word, each group in Russian order. A search by name counts no further than the page:
     * its total is exact when all was shown, else "more than" — so a prefix over a subtree of a
     * million members costs one index range, not a count of the subtree.
     */
    @Transactional(readOnly = true)
    public Page<MemberSummary> search(MemberQuery query, PageRequest page) {
        List<String> paths = paths(query);
        Optional<MemberConditions.NameSearch> byName =
                MemberConditions.byName(MemberConditions.of(paths, query.withText(null), today()), query.text());
        if (byName.isEmpty()) {
            return searches.search(MemberConditions.of(paths, query, today()), page);
        }
        return searches.searchInTwoGroups(
                byName.get().surnameFirst(), byName.get().otherWord(), page);
    }

    /**
     * Streams the memberships a query selects, for a file: one row at a time, never the subtree in memory. The
     * export is audited once, with the organization, the format and the number of rows, and no personal data.
     */
    public long export(MemberQuery query, String format, Consumer<MemberExportRow> rows) {
        Objects.requireNonNull(query.organizationId(), "an export is of one organization's subtree");
        Condition condition = condition(query);
        long[] count = {0};
        searches.stream(condition, record -> {
            rows.accept(MemberSearchRepository.toExportRow(record));
            count[0]++;
        });
        access.auditExport(query.organizationId(), "MEMBERS", format, count[0]);
        return count[0];
    }

    /**
     * The activists' contact base (A3): union roles held today by current members of the organization's subtree.
     * Names and contacts of many people at once: each read is audited.
     */
    public Page<ActivistContact> activists(long organizationId, PageRequest page) {
        Page<ActivistContact> found = searches.activists(condition(MemberQuery.of(organizationId)), today(), page);
        access.auditRead(organizationId, "ACTIVISTS");
        return found;
    }

    public long exportActivists(long organizationId, String format, Consumer<ActivistContact> rows) {
        long[] count = {0};
        activists.stream(organizationId, contact -> {
            rows.accept(contact);
            count[0]++;
        });
        access.auditExport(organizationId, "ACTIVISTS", format, count[0]);
        return count[0];
    }

    /**
     * How many people hold each union role in the given organizations at the end of a day (the role's term
     * covers the day), for the yearly statistical report's elected activists and information workers. Counts,
     * no personal data; every organization must lie in the actor's subtrees.
     */
    @Transactional(readOnly = true)
    public Map<UnionRole, Long> roleCounts(Collection<Long> organizationIds, LocalDate date) {
        organizationIds.forEach(access::coveredPathOf);
        return organizationIds.isEmpty() ? Map.of() : searches.roleCounts(organizationIds, date);
    }

    /**
     * The memberships an import chunk created, by the id range its {@link MemberEvents.MembersImported}
     * event names: for read models such as statistics, which run as the system.
     */
    @Transactional(readOnly = true)
    public List<MemberEvents.ImportedMembership> importedMemberships(long firstMembershipId, long lastMembershipId) {
        return repository.importedMemberships(firstMembershipId, lastMembershipId);
    }

    /** The condition a search or an export runs under: the query within the actor's subtrees. */
    private Condition condition(MemberQuery query) {
        return MemberConditions.of(paths(query), query, today());
    }

    /** The actor's subtrees, or the organization's one of them that the query asks for. */
    private List<String> paths(MemberQuery query) {
        return query.organizationId() == null
                ? access.scope().paths()
                : List.of(access.coveredPathOf(query.organizationId()));
    }

    // ---- registering and changing a person -------------------------------------------------

    /**
     * Adds a person to an organization. The same SNILS, or the same ФИО (case, spaces and ё folded)
     * with the same birth date, finds the person already in the registry instead of adding one.
     */
    public Member register(long organizationId, PersonData data, MembershipData membership) {
        Enrolment enrolment = enrol(organizationId, data, membership, TransferSource.FORM);
        if (enrolment.member() == null) {
            // The caller expects a member: refused, and the request rolls back with the rest.
            throw ProfkomException.conflict("member.transfer.requestNeeded");
        }
        return enrolment.member();
    }

    /**
     * What registering someone came to: the member, or, when the person is an open member outside the actor's
     * subtrees, the transfer request filed instead (nothing of the person changed or shown).
     */
    public record Enrolment(Member member, Long transferRequestId) {

        public boolean transferRequested() {
            return transferRequestId != null;
        }
    }

    /**
     * Adds a person to an organization, as {@link #register} does; a person registered outside the actor's
     * subtrees becomes a transfer request to the organization holding them instead of a refusal that would
     * name it.
     */
    public Enrolment enrol(long organizationId, PersonData data, MembershipData membership, TransferSource source) {
        Organization organization = access.writableOrganization(organizationId);
        PersonData clean = RegistryRules.validate(data, today(), null);
        Validation validation = new Validation();
        MembershipStatus status = membership.status() == null ? MembershipStatus.ACTIVE : membership.status();
        if (!status.startsMembership()) {
            validation.reject("status", "member.status.notForJoining");
        }
        LocalDate joinedOn = membership.joinedOn() == null ? today() : membership.joinedOn();
        RegistryRules.checkDate(validation, "joinedOn", joinedOn, today(), clean.birthDate());
        String card = RegistryRules.blankToNull(membership.cardNumber());
        validation.maxLength("cardNumber", card, 32);
        Registration.Found found = registration.find(clean, access.scope());
        Category category = membership.category() == null ? Category.WORKER : membership.category();
        if (found.meeting() == RegistryRules.Meeting.TRANSFER_REQUEST) {
            // Checked before the card number, whose refusal would tell that the card is the person's.
            validation.throwIfInvalid();
            return new Enrolment(
                    null,
                    registration.fileTransferRequest(
                            found.personId(),
                            clean,
                            organization,
                            category,
                            membership.joinedOn(),
                            source,
                            null,
                            null,
                            currentActor.get(),
                            clock.instant()));
        }
        if (card != null && repository.cardNumberTaken(card, found.isNew() ? null : found.personId())) {
            validation.reject("cardNumber", "member.card.taken", card);
        }
        validation.throwIfInvalid();
        Instant now = clock.instant();
        long personId;
        if (found.isNew()) {
            personId = registration.createPerson(clean, currentActor.get(), now);
        } else {
            personId = found.personId();
            Optional<MembershipRecord> current = repository.currentMembership(personId);
            if (current.isPresent()) {
                // Inside the actor's subtrees: naming the organization tells them nothing new.
                String where = organizations
                        .shortNames(List.of(current.get().getOrganizationId()))
                        .getOrDefault(current.get().getOrganizationId(), "");
                throw ProfkomException.conflict("member.alreadyMember", where);
            }
            registration.updateFound(found, clean, currentActor.get(), now);
        }
        registration.openMembership(
                personId,
                organization,
                RegistryRules.nameKey(clean),
                status,
                category,
                joinedOn,
                card,
                currentActor.get(),
                now);
        return new Enrolment(views.visible(personId), null);
    }

    public Member update(long personId, PersonData data, int expectedVersion) {
        List<String> paths = access.writablePathsOf(personId);
        PersonRecord before = repository.person(personId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        PersonData clean = RegistryRules.validate(
                data,
                today(),
                snils -> repository
                        .personBySnils(snils)
                        .filter(holder -> holder.getId() != personId)
                        .isPresent());
        Instant now = clock.instant();
        if (!repository.updatePerson(personId, clean, RegistryRules.nameKey(clean), expectedVersion, now)) {
            throw ProfkomException.conflict("member.changedMeanwhile");
        }
        int changed = history.recordChanges(personId, MemberRepository.toData(before), clean, currentActor.get(), now);
        if (changed > 0) {
            MembershipRecord latest = repository.memberships(personId).getFirst();
            events.publishEvent(new MemberUpdated(
                    personId, latest.getOrganizationId(), paths.getFirst(), changed, currentActor.get()));
        }
        return views.visible(personId);
    }

    // ---- memberships -----------------------------------------------------------------------

    /** Accepts an application (→ active), suspends or resumes a membership. */
    public Member changeStatus(long membershipId, MembershipStatus status) {
        return views.visible(memberships.changeStatus(membershipId, status));
    }

    public Member exit(long membershipId, ExitReason reason, LocalDate on) {
        return views.visible(memberships.exit(membershipId, reason, on));
    }

    /** Moves a current member to another primary or shop organization, keeping the card number and history. */
    public Member transfer(long membershipId, long toOrganizationId, LocalDate on) {
        return views.visible(memberships.transfer(membershipId, toOrganizationId, on));
    }

    public Member changeCategory(long membershipId, Category category) {
        return views.visible(memberships.changeCategory(membershipId, category));
    }

    // ---- consents and union roles ----------------------------------------------------------

    public Member giveConsent(
            long personId, ConsentPurpose purpose, LocalDate givenOn, ConsentForm form, String document) {
        terms.giveConsent(personId, purpose, givenOn, form, document);
        return views.visible(personId);
    }

    public Member withdrawConsent(long consentId, LocalDate on) {
        return views.visible(terms.withdrawConsent(consentId, on));
    }

    public Member assignRole(long personId, long organizationId, UnionRole role, LocalDate from) {
        terms.assignRole(personId, organizationId, role, from);
        return views.visible(personId);
    }

    public Member endRole(long roleId, LocalDate on) {
        return views.visible(terms.endRole(roleId, on));
    }

    private LocalDate today() {
        return MoscowTime.today(clock);
    }
}
