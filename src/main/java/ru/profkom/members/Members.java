package ru.profkom.members;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.Tables;
import profkom.schema.tables.records.MembershipRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.MemberEvents.MemberDataRead;
import ru.profkom.members.MemberEvents.MemberExited;
import ru.profkom.members.MemberEvents.MemberJoined;
import ru.profkom.members.MemberEvents.MemberTransferred;
import ru.profkom.members.MemberEvents.MemberUpdated;
import ru.profkom.members.MemberEvents.MembersExported;
import ru.profkom.members.MemberEvents.MembershipFactsChanged;
import ru.profkom.members.MemberEvents.MembershipStatusChanged;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Phones;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.RussianText;
import ru.profkom.shared.Scope;
import ru.profkom.shared.Snils;
import ru.profkom.shared.TreePaths;
import ru.profkom.shared.Validation;

/**
 * The member registry. Staff (every role but a plain member) read and change the members of their
 * subtrees; a person outside them is as good as absent. Every change is versioned field by field.
 */
@Service
@Transactional
public class Members {

    static final String NOT_FOUND = "member.notFound";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemberRepository repository;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MembershipFactsQuery facts;
    private final MembershipPlaces places;
    private final TransferRequestRepository transferRequests;

    Members(
            MemberRepository repository,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock,
            MembershipFactsQuery facts,
            MembershipPlaces places,
            TransferRequestRepository transferRequests) {
        this.facts = facts;
        this.places = places;
        this.transferRequests = transferRequests;
        this.repository = repository;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    // ---- queries ---------------------------------------------------------------------------

    /** A member's card; the read is audited. */
    public Member get(long personId) {
        List<String> paths = visiblePathsOf(personId);
        PersonRecord person = repository.person(personId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        Member member = toMember(person);
        // The card shows only the memberships inside the actor's subtrees: the latest of those is audited.
        Membership latest =
                member.memberships().isEmpty() ? null : member.memberships().getFirst();
        if (latest != null) {
            events.publishEvent(new MemberDataRead(
                    latest.organizationId(), paths.getFirst(), personId, "CARD", currentActor.get()));
        }
        return member;
    }

    /** Refuses, as absent, a person outside the actor's subtrees; for pages that act on a person without reading the card. */
    @Transactional(readOnly = true)
    public void requireVisible(long personId) {
        visiblePathsOf(personId);
    }

    /** Who changed what of a person and when, with the old and new values: audited like the card. */
    public List<MemberChange> history(long personId) {
        List<String> paths = visiblePathsOf(personId);
        Scope scope = scope();
        List<RegistryRules.Place> placesOf = places.of(personId);
        List<MemberChange> changes = repository.changes(personId).stream()
                .filter(change -> RegistryRules.writtenInScope(scope, placesOf, change.occurredAt()))
                .toList();
        // The first membership the reader sees, as the card lists them; no need to build the whole card.
        Long organizationId = repository.memberships(personId).stream()
                .filter(membership -> scope.covers(membership.getOrganizationPath()))
                .findFirst()
                .map(MembershipRecord::getOrganizationId)
                .orElse(null);
        if (organizationId != null) {
            events.publishEvent(
                    new MemberDataRead(organizationId, paths.getFirst(), personId, "HISTORY", currentActor.get()));
        }
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
        List<String> words = nameWords(query.text());
        if (words.isEmpty()) {
            return repository.search(condition(query), page);
        }
        Condition scope = condition(query.withText(null));
        var m = Tables.MEMBERSHIP;
        String first = words.getFirst();
        Condition others = DSL.and(words.subList(1, words.size()).stream()
                .map(Members::startsAnyWord)
                .toList());
        // The range lets the name index serve the prefix whatever the database's collation; LIKE
        // keeps the meaning exact.
        Condition surnameFirst = scope.and(m.NAME_KEY.ge(first))
                .and(m.NAME_KEY.lt(prefixEnd(first)))
                .and(m.NAME_KEY.like(first + "%"))
                .and(others);
        Condition otherWord = scope.and(m.NAME_KEY.like("% " + first + "%"))
                .and(m.NAME_KEY.notLike(first + "%"))
                .and(others);
        return repository.searchInTwoGroups(surnameFirst, otherWord, page);
    }

    /**
     * Streams the memberships a query selects, for a file: one row at a time, never the subtree in memory. The
     * export is audited once, with the organization, the format and the number of rows, and no personal data.
     */
    public long export(MemberQuery query, String format, Consumer<MemberExportRow> rows) {
        Objects.requireNonNull(query.organizationId(), "an export is of one organization's subtree");
        Condition condition = condition(query);
        long[] count = {0};
        repository.stream(condition, record -> {
            rows.accept(MemberRepository.toExportRow(record));
            count[0]++;
        });
        auditExport(query.organizationId(), "MEMBERS", format, count[0]);
        return count[0];
    }

    /**
     * The activists' contact base (A3): union roles held today by current members of the organization's subtree.
     * Names and contacts of many people at once: each read is audited.
     */
    public Page<ActivistContact> activists(long organizationId, PageRequest page) {
        Page<ActivistContact> found = repository.activists(condition(MemberQuery.of(organizationId)), today(), page);
        auditRead(organizationId, "ACTIVISTS");
        return found;
    }

    /**
     * Announces a read of personal data about many people of an organization's subtree (what: {@code ACTIVISTS},
     * {@code IMPORT_ERRORS}, {@code APPLICATIONS}, {@code CORRECTIONS}) for the audit log, without the data.
     * The caller has checked access.
     */
    void auditRead(long organizationId, String what) {
        String path = organizations.pathOf(organizationId).orElse(null);
        if (path != null) {
            events.publishEvent(new MemberDataRead(organizationId, path, null, what, currentActor.get()));
        }
    }

    /**
     * How many people hold each union role in the given organizations at the end of a day (the role's term
     * covers the day), for the yearly statistical report's elected activists and information workers. Counts,
     * no personal data; every organization must lie in the actor's subtrees.
     */
    @Transactional(readOnly = true)
    public Map<UnionRole, Long> roleCounts(java.util.Collection<Long> organizationIds, LocalDate date) {
        Scope scope = scope();
        for (long organizationId : organizationIds) {
            organizations
                    .pathOf(organizationId)
                    .filter(scope::covers)
                    .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
        }
        return organizationIds.isEmpty() ? Map.of() : repository.roleCounts(organizationIds, date);
    }

    public long exportActivists(long organizationId, String format, Consumer<ActivistContact> rows) {
        long[] count = {0};
        streamActivists(organizationId, contact -> {
            rows.accept(contact);
            count[0]++;
        });
        auditExport(organizationId, "ACTIVISTS", format, count[0]);
        return count[0];
    }

    /** The activists' base of an organization's subtree as it is today, unaudited: for the caller to audit. */
    void streamActivists(long organizationId, Consumer<ActivistContact> rows) {
        repository.streamActivists(condition(MemberQuery.of(organizationId)), today(), rows);
    }

    void auditExport(long organizationId, String content, String format, long rows) {
        String path = organizations.pathOf(organizationId).orElseThrow();
        events.publishEvent(new MembersExported(organizationId, path, content, format, rows, currentActor.get()));
    }

    /** The condition a search or an export runs under: the query within the actor's subtrees. */
    Condition condition(MemberQuery query) {
        Scope staff = scope();
        List<String> scope = staff.paths();
        if (query.organizationId() != null) {
            String path = organizations
                    .pathOf(query.organizationId())
                    .filter(staff::covers)
                    .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
            scope = List.of(path);
        }
        if (scope.isEmpty()) {
            return DSL.falseCondition();
        }
        var m = Tables.MEMBERSHIP;
        var p = Tables.PERSON;
        Condition condition = DSL.or(scope.stream()
                .map(path -> TreePaths.within(m.ORGANIZATION_PATH, path))
                .toList());
        if (query.status() != null) {
            condition = condition.and(m.STATUS.eq(query.status().name()));
        }
        if (query.category() != null) {
            condition = condition.and(m.CATEGORY.eq(query.category().name()));
        }
        LocalDate today = today();
        if (query.ageFrom() != null) {
            condition = condition.and(p.BIRTH_DATE.le(today.minusYears(query.ageFrom())));
        }
        if (query.ageTo() != null) {
            condition = condition.and(p.BIRTH_DATE.gt(today.minusYears(query.ageTo() + 1L)));
        }
        return condition.and(textCondition(query.text()));
    }

    /**
     * Free text: an e-mail, a SNILS, a phone, a card number, or words of ФИО in any order, each
     * matched as the start of a word (the first also through the name index).
     */
    private static Condition textCondition(String text) {
        if (text == null || text.isBlank()) {
            return DSL.trueCondition();
        }
        var m = Tables.MEMBERSHIP;
        var p = Tables.PERSON;
        String trimmed = text.strip();
        if (trimmed.contains("@")) {
            return DSL.lower(p.EMAIL).eq(trimmed.toLowerCase());
        }
        String snils = Snils.normalize(trimmed);
        if (snils != null) {
            return p.SNILS.eq(snils).or(m.CARD_NUMBER.eq(trimmed));
        }
        Optional<String> phone = Phones.normalize(trimmed);
        if (phone.isPresent() && trimmed.replaceAll("\\D", "").length() >= 10) {
            return p.PHONE.eq(phone.get()).or(m.CARD_NUMBER.eq(trimmed));
        }
        if (trimmed.chars().anyMatch(Character::isDigit)) {
            return m.CARD_NUMBER.eq(trimmed);
        }
        return DSL.and(nameWords(trimmed).stream().map(Members::startsAnyWord).toList());
    }

    /** The words of a search by name, folded; none when the text is empty or is a SNILS, phone, e-mail or card. */
    private static List<String> nameWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String trimmed = text.strip();
        if (trimmed.contains("@")
                || Snils.normalize(trimmed) != null
                || trimmed.chars().anyMatch(Character::isDigit)) {
            return List.of();
        }
        return java.util.Arrays.stream(RussianText.foldedKey(trimmed).split(" "))
                .map(word -> word.replace("%", "").replace("_", ""))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    /** The first string after every string starting with the prefix: its last letter moved on by one. */
    static String prefixEnd(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private static Condition startsAnyWord(String word) {
        var m = Tables.MEMBERSHIP;
        return m.NAME_KEY.like(word + "%").or(m.NAME_KEY.like("% " + word + "%"));
    }

    // ---- commands --------------------------------------------------------------------------

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
        Organization organization = writableOrganization(organizationId);
        PersonData clean = validate(data, null);
        Validation validation = new Validation();
        MembershipStatus status = membership.status() == null ? MembershipStatus.ACTIVE : membership.status();
        if (status == MembershipStatus.EXITED || status == MembershipStatus.SUSPENDED) {
            validation.reject("status", "member.status.notForJoining");
        }
        LocalDate joinedOn = membership.joinedOn() == null ? today() : membership.joinedOn();
        checkDate(validation, "joinedOn", joinedOn, clean.birthDate());
        String card = blankToNull(membership.cardNumber());
        validation.maxLength("cardNumber", card, 32);
        Optional<PersonRecord> existing = findSame(clean);
        Scope scope = scope();
        RegistryRules.Meeting meeting = existing.map(person -> RegistryRules.meet(scope, places.of(person.getId())))
                .orElse(null);
        Category category = membership.category() == null ? Category.WORKER : membership.category();
        if (meeting == RegistryRules.Meeting.TRANSFER_REQUEST) {
            // Checked before the card number, whose refusal would tell that the card is the person's.
            validation.throwIfInvalid();
            return new Enrolment(
                    null,
                    fileTransferRequest(
                            existing.get().getId(),
                            clean,
                            organization,
                            category,
                            membership.joinedOn(),
                            source,
                            null,
                            null,
                            currentActor.get()));
        }
        if (card != null
                && repository.cardNumberTaken(
                        card, existing.map(PersonRecord::getId).orElse(null))) {
            validation.reject("cardNumber", "member.card.taken", card);
        }
        validation.throwIfInvalid();
        Instant now = clock.instant();
        long personId;
        if (existing.isPresent()) {
            personId = existing.get().getId();
            Optional<MembershipRecord> current = repository.currentMembership(personId);
            if (current.isPresent()) {
                // Inside the actor's subtrees: naming the organization tells them nothing new.
                String where = organizations
                        .shortNames(List.of(current.get().getOrganizationId()))
                        .getOrDefault(current.get().getOrganizationId(), "");
                throw ProfkomException.conflict("member.alreadyMember", where);
            }
            PersonData stored = MemberRepository.toData(existing.get());
            if (meeting == RegistryRules.Meeting.REGISTER_ANEW) {
                // Registered anew after leaving another organization: the registrant's data replace the stored
                // ones whole (a blank must not show what the other organization knew), and the change rows are
                // written just before the new membership, so that they stay in the earlier organization's history.
                applyChanges(personId, stored, clean, now.minusNanos(1000));
            } else {
                applyChanges(personId, stored, merge(stored, clean), now);
            }
        } else {
            personId = repository.insertPerson(clean, nameKey(clean), now);
            recordChange(personId, "created", null, clean.lastName() + " " + clean.firstName(), now);
        }
        long membershipId = repository.insertMembership(
                personId, organizationId, organization.path(), nameKey(clean), status, category, joinedOn, card, now);
        recordChange(personId, "membership", null, organization.shortName() + " (" + status + ")", now);
        if (status == MembershipStatus.ACTIVE) {
            events.publishEvent(new MemberJoined(
                    personId,
                    membershipId,
                    organizationId,
                    organization.path(),
                    category,
                    joinedOn,
                    currentActor.get(),
                    facts.ofMembership(membershipId)));
        }
        return new Enrolment(toMember(repository.person(personId).orElseThrow()), null);
    }

    /**
     * Files a transfer request of the person into {@code to}, from the organization holding their open membership;
     * a waiting request for the same person and organization is reused. Publishes {@code TransferRequested}.
     */
    long fileTransferRequest(
            long personId,
            PersonData submitted,
            Organization to,
            Category category,
            LocalDate joinedOn,
            TransferSource source,
            Long importId,
            Integer lineNo,
            Actor actor) {
        Optional<Long> waiting = transferRequests.pending(personId, to.id());
        if (waiting.isPresent()) {
            return waiting.get();
        }
        List<RegistryRules.Place> placesOf = places.of(personId);
        RegistryRules.Place from = placesOf.stream()
                .filter(RegistryRules.Place::open)
                .reduce((first, second) -> second)
                .or(() -> placesOf.stream().reduce((first, second) -> second))
                .orElseThrow();
        MembershipRecord fromMembership =
                repository.membership(from.membershipId()).orElseThrow();
        long requestId = transferRequests.insert(
                new TransferRequestRepository.NewRequest(
                        personId,
                        from.open() ? from.membershipId() : null,
                        fromMembership.getOrganizationId(),
                        fromMembership.getOrganizationPath(),
                        to.id(),
                        to.path(),
                        submitted.lastName() + " " + submitted.firstName()
                                + (submitted.patronymic() == null ? "" : " " + submitted.patronymic()),
                        submitted.birthDate(),
                        category == null ? Category.WORKER : category,
                        joinedOn,
                        source,
                        importId,
                        lineNo),
                actor,
                clock.instant());
        events.publishEvent(new TransferRequestEvents.TransferRequested(
                requestId,
                personId,
                fromMembership.getOrganizationId(),
                fromMembership.getOrganizationPath(),
                to.id(),
                to.path(),
                source,
                actor));
        return requestId;
    }

    public Member update(long personId, PersonData data, int expectedVersion) {
        List<String> paths = writablePathsOf(personId);
        PersonRecord before = repository.person(personId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        PersonData clean = validate(data, personId);
        Instant now = clock.instant();
        if (!repository.updatePerson(personId, clean, nameKey(clean), expectedVersion, now)) {
            throw ProfkomException.conflict("member.changedMeanwhile");
        }
        int changed = recordChanges(personId, MemberRepository.toData(before), clean, now);
        if (changed > 0) {
            MembershipRecord latest = repository.memberships(personId).getFirst();
            events.publishEvent(new MemberUpdated(
                    personId, latest.getOrganizationId(), paths.getFirst(), changed, currentActor.get()));
        }
        return toMember(repository.person(personId).orElseThrow());
    }

    /** Accepts an application (→ active), suspends or resumes a membership. */
    public Member changeStatus(long membershipId, MembershipStatus status) {
        MembershipRecord membership = writableMembership(membershipId);
        if (status == null) {
            throw ProfkomException.invalid("status", "validation.required");
        }
        MembershipStatus from = MembershipStatus.valueOf(membership.getStatus());
        boolean allowed = switch (status) {
            case ACTIVE -> from == MembershipStatus.APPLICATION || from == MembershipStatus.SUSPENDED;
            case SUSPENDED -> from == MembershipStatus.ACTIVE;
            default -> false;
        };
        if (!allowed) {
            throw ProfkomException.conflict("member.status.transition", from, status);
        }
        Instant now = clock.instant();
        repository.setStatus(membershipId, status, null, null, now);
        recordChange(membership.getPersonId(), "status", from.name(), status.name(), now);
        events.publishEvent(new MembershipStatusChanged(
                membership.getPersonId(),
                membershipId,
                membership.getOrganizationId(),
                membership.getOrganizationPath(),
                from,
                status,
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
        return toMember(repository.person(membership.getPersonId()).orElseThrow());
    }

    public Member exit(long membershipId, ExitReason reason, LocalDate on) {
        MembershipRecord membership = writableMembership(membershipId);
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
        if (from == MembershipStatus.EXITED) {
            throw ProfkomException.conflict("member.exit.already");
        }
        Instant now = clock.instant();
        repository.setStatus(membershipId, MembershipStatus.EXITED, date, reason, now);
        boolean cardRevoked = repository.revokeCards(membership.getPersonId(), now) > 0;
        recordChange(
                membership.getPersonId(), "status", from.name(), MembershipStatus.EXITED + " (" + reason + ")", now);
        if (cardRevoked) {
            // The history says why the QR check now answers "not valid".
            recordChange(membership.getPersonId(), "card", "issued", "revoked", now);
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
        return toMember(repository.person(membership.getPersonId()).orElseThrow());
    }

    /** Moves a current member to another primary or shop organization, keeping the card number and history. */
    public Member transfer(long membershipId, long toOrganizationId, LocalDate on) {
        MembershipRecord membership = writableMembership(membershipId);
        Organization target = writableOrganization(toOrganizationId);
        transferTo(membership, target, on);
        return toMember(repository.person(membership.getPersonId()).orElseThrow());
    }

    /**
     * Moves the membership into an organization outside the actor's subtrees, as an accepted transfer request:
     * the holding organization's staff, who may change the person, agreed. The new membership's id.
     */
    long transferOnRequest(long membershipId, long toOrganizationId, LocalDate on) {
        MembershipRecord membership = writableMembership(membershipId);
        // The requesting organization lies outside the acceptor's subtrees: read as the system.
        Organization target = CurrentActor.asSystem(() -> organizations.get(toOrganizationId));
        if (target.kind() != OrganizationKind.PRIMARY && target.kind() != OrganizationKind.SHOP || !target.active()) {
            throw ProfkomException.conflict("organization.closed", target.shortName());
        }
        return transferTo(membership, target, on);
    }

    /**
     * Opens a membership in an organization outside the actor's subtrees for a person with no open membership, as an
     * accepted request (постановка на учёт): the staff of the person's last organization agreed.
     */
    long admitOnRequest(long personId, long toOrganizationId, Category category, LocalDate on) {
        writablePathsOf(personId);
        if (repository.currentMembership(personId).isPresent()) {
            throw ProfkomException.conflict("member.transfer.request.outdated");
        }
        // The requesting organization lies outside the acceptor's subtrees: read as the system.
        Organization target = CurrentActor.asSystem(() -> organizations.get(toOrganizationId));
        if (target.kind() != OrganizationKind.PRIMARY && target.kind() != OrganizationKind.SHOP || !target.active()) {
            throw ProfkomException.conflict("organization.closed", target.shortName());
        }
        Instant now = clock.instant();
        PersonRecord person = repository.person(personId).orElseThrow();
        long membershipId = repository.insertMembership(
                personId,
                toOrganizationId,
                target.path(),
                person.getNameKey(),
                MembershipStatus.ACTIVE,
                category,
                on,
                null,
                now);
        recordChange(personId, "membership", null, target.shortName() + " (" + MembershipStatus.ACTIVE + ")", now);
        events.publishEvent(new MemberJoined(
                personId,
                membershipId,
                toOrganizationId,
                target.path(),
                category,
                on,
                currentActor.get(),
                facts.ofMembership(membershipId)));
        return membershipId;
    }

    private long transferTo(MembershipRecord membership, Organization target, LocalDate on) {
        long membershipId = membership.getId();
        long toOrganizationId = target.id();
        MembershipStatus from = MembershipStatus.valueOf(membership.getStatus());
        if (!from.current()) {
            throw ProfkomException.conflict("member.transfer.notCurrent");
        }
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
                from,
                Category.valueOf(membership.getCategory()),
                date,
                card,
                now);
        // The electronic card follows the member: a transfer must not turn it "not valid".
        repository.moveCards(membershipId, newId);
        String fromName = organizations
                .shortNames(List.of(membership.getOrganizationId()))
                .get(membership.getOrganizationId());
        recordChange(membership.getPersonId(), "organization", fromName, target.shortName(), now);
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

    public Member changeCategory(long membershipId, Category category) {
        MembershipRecord membership = writableMembership(membershipId);
        if (category == null) {
            throw ProfkomException.invalid("category", "validation.required");
        }
        Instant now = clock.instant();
        MembershipFacts before = facts.ofMembership(membershipId);
        repository.setCategory(membershipId, category, now);
        recordChange(membership.getPersonId(), "category", membership.getCategory(), category.name(), now);
        if (before.category() != category && before.counted()) {
            events.publishEvent(new MembershipFactsChanged(
                    membership.getPersonId(),
                    List.of(before),
                    List.of(before.withCategory(category)),
                    currentActor.get()));
        }
        return toMember(repository.person(membership.getPersonId()).orElseThrow());
    }

    // ---- consents --------------------------------------------------------------------------

    public Member giveConsent(
            long personId, ConsentPurpose purpose, LocalDate givenOn, ConsentForm form, String document) {
        writablePathsOf(personId);
        return recordConsent(personId, purpose, givenOn, form, document);
    }

    private Member recordConsent(
            long personId, ConsentPurpose purpose, LocalDate givenOn, ConsentForm form, String document) {
        Validation validation = new Validation();
        if (purpose == null) {
            validation.reject("purpose", "validation.required");
        }
        if (form == null) {
            validation.reject("form", "validation.required");
        }
        LocalDate date = givenOn == null ? today() : givenOn;
        if (date.isAfter(today())) {
            validation.reject("givenOn", "member.date.future");
        }
        validation.maxLength("document", document, 200);
        validation.throwIfInvalid();
        Instant now = clock.instant();
        repository.insertConsent(
                personId,
                purpose,
                date,
                form,
                blankToNull(document),
                currentActor.get().accountId(),
                now);
        recordChange(personId, "consent." + purpose, null, date.toString(), now);
        events.publishEvent(new MemberEvents.ConsentsChanged(personId));
        return toMember(repository.person(personId).orElseThrow());
    }

    public Member withdrawConsent(long consentId, LocalDate on) {
        long personId = repository
                .consentOwner(consentId)
                .orElseThrow(() -> ProfkomException.notFound("member.consent.notFound"));
        writablePathsOf(personId);
        LocalDate date = on == null ? today() : on;
        Consent consent = repository.consents(personId).stream()
                .filter(c -> c.id() == consentId)
                .findFirst()
                .orElseThrow(() -> ProfkomException.notFound("member.consent.notFound"));
        Validation validation = new Validation();
        MembershipDates.checkWithdrawal(validation, "date", date, today(), consent.givenOn());
        validation.throwIfInvalid();
        Instant now = clock.instant();
        repository.withdrawConsent(consentId, date);
        // The purpose, as the cabinet records it: the history says which consent, not its row's number.
        recordChange(personId, "consent.withdrawn", consent.purpose().name(), date.toString(), now);
        events.publishEvent(new MemberEvents.ConsentsChanged(personId));
        return toMember(repository.person(personId).orElseThrow());
    }

    // ---- union roles -----------------------------------------------------------------------

    public Member assignRole(long personId, long organizationId, UnionRole role, LocalDate from) {
        writablePathsOf(personId);
        writableAnyOrganization(organizationId);
        if (role == null) {
            throw ProfkomException.invalid("role", "validation.required");
        }
        LocalDate date = from == null ? today() : from;
        repository.insertRole(personId, organizationId, role, date);
        recordChange(personId, "role", null, role.name(), clock.instant());
        events.publishEvent(new MemberEvents.UnionRolesChanged(personId, organizationId));
        return toMember(repository.person(personId).orElseThrow());
    }

    public Member endRole(long roleId, LocalDate on) {
        long personId =
                repository.roleOwner(roleId).orElseThrow(() -> ProfkomException.notFound("member.role.notFound"));
        writablePathsOf(personId);
        MemberRoleTerm term = repository.role(roleId).orElseThrow();
        LocalDate date = on == null ? today() : on;
        if (date.isBefore(term.startedOn())) {
            throw ProfkomException.invalid("date", "member.role.endBeforeStart");
        }
        repository.endRole(roleId, date);
        recordChange(personId, "role", term.role().name(), "—", clock.instant());
        events.publishEvent(new MemberEvents.UnionRolesChanged(personId, term.organizationId()));
        return toMember(repository.person(personId).orElseThrow());
    }

    // ---- union card ------------------------------------------------------------------------

    /** The token of the member's valid card, issued now if there is none. */
    public String cardToken(long personId) {
        writablePathsOf(personId);
        Optional<String> active = repository.activeCardToken(personId);
        if (active.isPresent()) {
            return active.get();
        }
        MembershipRecord current = repository
                .currentMembership(personId)
                .filter(m -> MembershipStatus.valueOf(m.getStatus()) == MembershipStatus.ACTIVE)
                .orElseThrow(() -> ProfkomException.conflict("member.card.noActiveMembership"));
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        repository.insertCard(token, personId, current.getId(), clock.instant());
        recordChange(personId, "card", null, "issued", clock.instant());
        return token;
    }

    public void revokeCard(long personId) {
        writablePathsOf(personId);
        repository.revokeCards(personId, clock.instant());
        recordChange(personId, "card", "issued", "revoked", clock.instant());
    }

    /** Public: anyone holding the QR code learns whether the card is valid and its organization, nothing more. */
    @Transactional(readOnly = true)
    public CardCheck checkCard(String token) {
        if (token == null || !token.matches("[0-9a-f]{24}")) {
            return new CardCheck(false, false, null);
        }
        return repository
                .cardState(token)
                .map(state -> new CardCheck(
                        true,
                        state.valid(),
                        CurrentActor.asSystem(() -> organizations.shortNames(List.of(state.organizationId())))
                                .get(state.organizationId())))
                .orElse(new CardCheck(false, false, null));
    }

    // ---- import ----------------------------------------------------------------------------

    /** A row of an import file checked against the registry's rules: the cleaned data, or the problems. */
    record ImportCheck(PersonData clean, List<ProfkomException.Problem> problems) {}

    /** Who holds a card number: enough to tell whether an import row is the same person. */
    record CardHolder(long personId, String snils, String nameKey, LocalDate birthDate) {

        /** The same SNILS, or the same folded ФИО with the same birth date, as the registry dedupes. */
        boolean isSamePerson(PersonData row) {
            return row.snils() != null && row.snils().equals(snils)
                    || row.birthDate() != null
                            && row.birthDate().equals(birthDate)
                            && Members.nameKey(row).equals(nameKey);
        }
    }

    Map<String, CardHolder> cardHolders(java.util.Collection<String> cardNumbers) {
        Map<String, CardHolder> holders = new java.util.HashMap<>();
        for (org.jooq.Record r : repository.cardHoldersWithPersons(cardNumbers)) {
            holders.put(
                    r.get(Tables.MEMBERSHIP.CARD_NUMBER),
                    new CardHolder(
                            r.get(Tables.PERSON.ID),
                            r.get(Tables.PERSON.SNILS),
                            r.get(Tables.PERSON.NAME_KEY),
                            r.get(Tables.PERSON.BIRTH_DATE)));
        }
        return holders;
    }

    /**
     * The rules of {@link #register} for an import row, collected instead of thrown; no database
     * reads, so that a million rows are checked in memory. Card numbers and the registry's people
     * are checked by the import, a chunk of rows at a time.
     */
    ImportCheck checkForImport(PersonData data, MembershipData membership) {
        List<ProfkomException.Problem> problems = new ArrayList<>();
        PersonData clean = null;
        try {
            clean = validate(data, null);
        } catch (ProfkomException e) {
            problems.addAll(e.problems());
        }
        if (clean != null) {
            Validation validation = new Validation();
            if (membership.joinedOn() != null) {
                checkDate(validation, "joinedOn", membership.joinedOn(), clean.birthDate());
            }
            validation.maxLength("cardNumber", blankToNull(membership.cardNumber()), 32);
            try {
                validation.throwIfInvalid();
            } catch (ProfkomException e) {
                problems.addAll(e.problems());
            }
        }
        return new ImportCheck(problems.isEmpty() ? clean : null, problems);
    }

    /**
     * Updates a person the import found in the registry with the row's known values (known values
     * win over blanks); the number of changed fields, each recorded in the history as the uploader's.
     */
    int updateFromImport(PersonRecord existing, PersonData incoming, long organizationId, String path, Actor uploader) {
        PersonData stored = MemberRepository.toData(existing);
        return writeFromImport(
                existing, stored, merge(stored, incoming), organizationId, path, uploader, clock.instant());
    }

    /**
     * A person who left an organization outside the import's subtree, registered anew by it: the row's data
     * replace the stored ones whole, written just before the new membership so that the change rows stay in the
     * earlier organization's history (as {@link #enrol} does).
     */
    int replaceFromImport(
            PersonRecord existing, PersonData incoming, long organizationId, String path, Actor uploader) {
        PersonData stored = MemberRepository.toData(existing);
        return writeFromImport(
                existing,
                stored,
                incoming,
                organizationId,
                path,
                uploader,
                clock.instant().minusNanos(1000));
    }

    private int writeFromImport(
            PersonRecord existing,
            PersonData stored,
            PersonData after,
            long organizationId,
            String path,
            Actor uploader,
            Instant now) {
        if (stored.equals(after)) {
            return 0;
        }
        repository.updatePerson(existing.getId(), after, nameKey(after), existing.getVersion(), now);
        List<String[]> changes = changes(stored, after);
        changes.forEach(change -> repository.insertChange(
                existing.getId(), now, uploader.accountId(), uploader.login(), change[0], change[1], change[2]));
        publishFactsChanged(existing.getId(), stored, after, uploader);
        events.publishEvent(new MemberUpdated(existing.getId(), organizationId, path, changes.size(), uploader));
        return changes.size();
    }

    /**
     * The memberships an import chunk created, by the id range its {@link MemberEvents.MembersImported}
     * event names: for read models such as statistics, which run as the system.
     */
    @Transactional(readOnly = true)
    public List<MemberEvents.ImportedMembership> importedMemberships(long firstMembershipId, long lastMembershipId) {
        return repository.importedMemberships(firstMembershipId, lastMembershipId);
    }

    // ---- access ----------------------------------------------------------------------------

    /** The subtree paths where the actor holds a staff role; members see no one through the registry. */
    List<String> staffPaths() {
        return scope().paths();
    }

    /** Where the actor holds a staff role, once per request. */
    Scope scope() {
        return organizations.scope();
    }

    List<String> visiblePathsOf(long personId) {
        Scope scope = scope();
        List<String> paths =
                repository.pathsOf(personId).stream().filter(scope::covers).toList();
        if (paths.isEmpty()) {
            throw ProfkomException.notFound(NOT_FOUND);
        }
        return paths;
    }

    /**
     * The union's write rule ({@link RegistryRules}): only staff covering every open membership of the person
     * (or, with none, the last one) change them. A person the actor sees through an earlier membership only is
     * refused as forbidden; one they do not see at all, as absent.
     */
    private List<String> writablePathsOf(long personId) {
        List<String> paths = visiblePathsOf(personId);
        if (!RegistryRules.mayChange(scope(), places.of(personId))) {
            throw ProfkomException.forbidden("member.notWritable");
        }
        return paths;
    }

    private MembershipRecord writableMembership(long membershipId) {
        MembershipRecord membership =
                repository.membership(membershipId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        Scope scope = scope();
        if (!scope.covers(membership.getOrganizationPath())) {
            throw ProfkomException.notFound(NOT_FOUND);
        }
        if (!RegistryRules.mayChange(scope, places.of(membership.getPersonId()))) {
            throw ProfkomException.forbidden("member.notWritable");
        }
        return membership;
    }

    /** Members belong to primary and shop organizations only. */
    private Organization writableOrganization(long organizationId) {
        Organization organization = writableAnyOrganization(organizationId);
        if (organization.kind() != OrganizationKind.PRIMARY && organization.kind() != OrganizationKind.SHOP) {
            throw ProfkomException.invalid("organizationId", "member.organization.notPrimary");
        }
        if (!organization.active()) {
            throw ProfkomException.conflict("organization.closed", organization.shortName());
        }
        return organization;
    }

    private Organization writableAnyOrganization(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!scope().covers(organization.path())) {
            throw ProfkomException.notFound("organization.notFound");
        }
        return organization;
    }

    // ---- validation and history ------------------------------------------------------------

    PersonData validate(PersonData data, Long personId) {
        Validation validation = new Validation();
        String lastName = PersonNames.normalizeCase(normalizeName(data.lastName()));
        String firstName = PersonNames.normalizeCase(normalizeName(data.firstName()));
        String patronymic = PersonNames.normalizeCase(normalizeName(data.patronymic()));
        validation.required("lastName", lastName).maxLength("lastName", lastName, 100);
        validation.required("firstName", firstName).maxLength("firstName", firstName, 100);
        validation.maxLength("patronymic", patronymic, 100);
        requireLetters(validation, "lastName", lastName);
        requireLetters(validation, "firstName", firstName);
        requireLetters(validation, "patronymic", patronymic);
        if (data.birthDate() != null) {
            if (data.birthDate().isAfter(today())) {
                validation.reject("birthDate", "member.birthDate.future");
            } else if (data.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
                validation.reject("birthDate", "member.birthDate.tooOld");
            }
        }
        String snils = null;
        if (data.snils() != null && !data.snils().isBlank()) {
            snils = Snils.normalize(data.snils());
            if (snils == null || !Snils.isValid(snils)) {
                validation.reject("snils", "member.snils.invalid");
            } else if (personId != null) {
                Optional<PersonRecord> holder = repository.personBySnils(snils);
                if (holder.isPresent() && holder.get().getId() != personId.longValue()) {
                    validation.reject("snils", "member.snils.taken");
                }
            }
        }
        String phone = null;
        if (data.phone() != null && !data.phone().isBlank()) {
            phone = Phones.normalize(data.phone()).orElse(null);
            if (phone == null) {
                validation.reject("phone", "validation.phone");
            }
        }
        String email = blankToNull(data.email());
        validation.email("email", email);
        validation.maxLength("position", data.position(), 200);
        validation.maxLength("department", data.department(), 200);
        validation.throwIfInvalid();
        return new PersonData(
                lastName,
                firstName,
                patronymic,
                data.birthDate(),
                data.gender(),
                snils,
                phone,
                email,
                blankToNull(RussianText.normalizeSpaces(data.position())),
                blankToNull(RussianText.normalizeSpaces(data.department())));
    }

    /** «---» or «123» is no one's name: a name holds at least one letter. */
    private static void requireLetters(Validation validation, String field, String name) {
        if (name != null && !name.isBlank() && name.codePoints().noneMatch(Character::isLetter)) {
            validation.reject(field, "member." + field + ".noLetters");
        }
    }

    private void checkDate(Validation validation, String field, LocalDate date, LocalDate birthDate) {
        if (date.isAfter(today())) {
            validation.reject(field, "member.date.future");
        } else if (birthDate != null && date.isBefore(birthDate)) {
            validation.reject(field, "member.date.beforeBirth");
        }
    }

    Optional<PersonRecord> findSame(PersonData data) {
        if (data.snils() != null) {
            Optional<PersonRecord> bySnils = repository.personBySnils(data.snils());
            if (bySnils.isPresent()) {
                return bySnils;
            }
        }
        if (data.birthDate() != null) {
            return repository.personByNameAndBirthDate(nameKey(data), data.birthDate());
        }
        return Optional.empty();
    }

    static String nameKey(PersonData data) {
        return RussianText.foldedKey(
                data.lastName() + " " + data.firstName() + (data.patronymic() == null ? "" : " " + data.patronymic()));
    }

    /** Known values win over blanks: a file that lacks a phone does not erase the registry's. */
    static PersonData merge(PersonData before, PersonData incoming) {
        return new PersonData(
                PersonNames.keepStored(before.lastName(), incoming.lastName()),
                PersonNames.keepStored(before.firstName(), incoming.firstName()),
                PersonNames.keepStored(before.patronymic(), or(incoming.patronymic(), before.patronymic())),
                or(incoming.birthDate(), before.birthDate()),
                or(incoming.gender(), before.gender()),
                or(incoming.snils(), before.snils()),
                or(incoming.phone(), before.phone()),
                or(incoming.email(), before.email()),
                or(incoming.position(), before.position()),
                or(incoming.department(), before.department()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private int applyChanges(long personId, PersonData before, PersonData after, Instant now) {
        if (before.equals(after)) {
            return 0;
        }
        PersonRecord record = repository.person(personId).orElseThrow();
        repository.updatePerson(personId, after, nameKey(after), record.getVersion(), now);
        return recordChanges(personId, before, after, now);
    }

    private int recordChanges(long personId, PersonData before, PersonData after, Instant now) {
        List<String[]> changes = changes(before, after);
        changes.forEach(change -> recordChange(personId, change[0], change[1], change[2], now));
        publishFactsChanged(personId, before, after, currentActor.get());
        return changes.size();
    }

    /** Statistics count members by gender and birth month: they learn the old and the new values. */
    private void publishFactsChanged(long personId, PersonData before, PersonData after, Actor actor) {
        if (Objects.equals(before.gender(), after.gender()) && Objects.equals(before.birthDate(), after.birthDate())) {
            return;
        }
        List<MembershipFacts> current = facts.ofPerson(personId).stream()
                .filter(MembershipFacts::counted)
                .toList();
        if (!current.isEmpty()) {
            events.publishEvent(new MembershipFactsChanged(
                    personId,
                    current.stream()
                            .map(f -> f.withPerson(before.gender(), before.birthDate()))
                            .toList(),
                    current,
                    actor));
        }
    }

    private static List<String[]> changes(PersonData before, PersonData after) {
        List<String[]> changes = new ArrayList<>();
        compare(changes, "lastName", before.lastName(), after.lastName());
        compare(changes, "firstName", before.firstName(), after.firstName());
        compare(changes, "patronymic", before.patronymic(), after.patronymic());
        compare(changes, "birthDate", before.birthDate(), after.birthDate());
        compare(changes, "gender", before.gender(), after.gender());
        compare(changes, "snils", before.snils(), after.snils());
        compare(changes, "phone", before.phone(), after.phone());
        compare(changes, "email", before.email(), after.email());
        compare(changes, "position", before.position(), after.position());
        compare(changes, "department", before.department(), after.department());
        return changes;
    }

    private static void compare(List<String[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new String[] {
                field, before == null ? null : before.toString(), after == null ? null : after.toString()
            });
        }
    }

    void recordChange(long personId, String field, String oldValue, String newValue, Instant now) {
        Actor actor = currentActor.get();
        repository.insertChange(personId, now, actor.accountId(), actor.login(), field, oldValue, newValue);
    }

    /** The person as a {@link Member}, without an access check: callers in this module decide who may see them. */
    Member load(long personId) {
        return toMember(
                repository.person(personId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND)), Scope.EVERYTHING);
    }

    /** The person as the actor may see them: the memberships, roles and consents of their subtrees' time only. */
    private Member toMember(PersonRecord person) {
        return toMember(person, scope());
    }

    private Member toMember(PersonRecord person, Scope scope) {
        List<RegistryRules.Place> placesOf = scope.everything() ? List.of() : places.of(person.getId());
        List<MembershipRecord> memberships = repository.memberships(person.getId()).stream()
                .filter(m -> scope.covers(m.getOrganizationPath()))
                .toList();
        List<MemberRoleTerm> roles = repository.roles(person.getId());
        List<Consent> consents = repository.consents(person.getId());
        if (!scope.everything()) {
            Map<Long, String> rolePaths = new java.util.HashMap<>();
            roles.forEach(role -> organizations
                    .pathOf(role.organizationId())
                    .ifPresent(path -> rolePaths.put(role.organizationId(), path)));
            roles = roles.stream()
                    .filter(role -> rolePaths.containsKey(role.organizationId())
                            && scope.covers(rolePaths.get(role.organizationId())))
                    .toList();
            Map<Long, Instant> recordedAt = places.consentsRecordedAt(person.getId());
            consents = consents.stream()
                    .filter(consent -> RegistryRules.writtenInScope(scope, placesOf, recordedAt.get(consent.id())))
                    .toList();
        }
        Map<Long, String> names = organizations.shortNames(
                memberships.stream().map(MembershipRecord::getOrganizationId).collect(Collectors.toSet()));
        PersonData data = MemberRepository.toData(person);
        return new Member(
                person.getId(),
                data.lastName(),
                data.firstName(),
                data.patronymic(),
                data.birthDate(),
                data.gender(),
                data.snils(),
                data.phone(),
                data.email(),
                data.position(),
                data.department(),
                person.getVersion(),
                memberships.stream()
                        .map(m -> new Membership(
                                m.getId(),
                                m.getPersonId(),
                                m.getOrganizationId(),
                                names.get(m.getOrganizationId()),
                                MembershipStatus.valueOf(m.getStatus()),
                                Category.valueOf(m.getCategory()),
                                m.getJoinedOn(),
                                m.getExitedOn(),
                                m.getExitReason() == null ? null : ExitReason.valueOf(m.getExitReason()),
                                m.getCardNumber()))
                        .toList(),
                roles,
                consents);
    }

    private LocalDate today() {
        return MoscowTime.today(clock);
    }

    private static String normalizeName(String name) {
        String normalized = RussianText.normalizeSpaces(name);
        return normalized == null || normalized.isEmpty() ? null : normalized;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
