package ru.profkom.members;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import profkom.schema.tables.records.MembershipRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEvents.MemberJoined;
import ru.profkom.organizations.Organization;
import ru.profkom.shared.Actor;
import ru.profkom.shared.Scope;

/**
 * The one registration step of the form, the portal's join application and the import: the person the
 * registry already holds is found the same way (the same SNILS, else the same folded ФИО with the same birth
 * date), met by {@link RegistryRules#meet}, updated or registered anew, or — held open elsewhere — made a
 * transfer request; a new person and a new membership are written with their history the same way. What each
 * caller does with the outcome (refuse, skip, count) is theirs.
 */
@Component
@org.springframework.modulith.NamedInterface("internal")
public class Registration {

    private final MemberRepository repository;
    private final MembershipPlaces places;
    private final MemberHistory history;
    private final TransferRequestRepository transferRequests;
    private final MembershipFactsQuery facts;
    private final ApplicationEventPublisher events;

    Registration(
            MemberRepository repository,
            MembershipPlaces places,
            MemberHistory history,
            TransferRequestRepository transferRequests,
            MembershipFactsQuery facts,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.places = places;
        this.history = history;
        this.transferRequests = transferRequests;
        this.facts = facts;
        this.events = events;
    }

    /** A person found in the registry and how the registrant meets them; none found is a new person. */
    public record Found(PersonRecord person, RegistryRules.Meeting meeting) {

        static final Found NEW = new Found(null, null);

        boolean isNew() {
            return person == null;
        }

        long personId() {
            return person.getId();
        }
    }

    /** The person the cleaned data find, met by a registrant of the scope. */
    Found find(PersonData clean, Scope scope) {
        return findSame(clean)
                .map(person -> new Found(person, RegistryRules.meet(scope, places.of(person.getId()))))
                .orElse(Found.NEW);
    }

    /** The same SNILS, else the same folded ФИО with the same birth date. */
    Optional<PersonRecord> findSame(PersonData data) {
        if (data.snils() != null) {
            Optional<PersonRecord> bySnils = repository.personBySnils(data.snils());
            if (bySnils.isPresent()) {
                return bySnils;
            }
        }
        if (data.birthDate() != null) {
            return repository.personByNameAndBirthDate(RegistryRules.nameKey(data), data.birthDate());
        }
        return Optional.empty();
    }

    /**
     * {@link #findSame} for many rows at once, in two queries: by SNILS first, else by folded ФИО with birth
     * date, the oldest person first. Rows that find no one are absent from the map (compared by identity).
     */
    public <T> Map<T, PersonRecord> findSame(List<T> rows, Function<T, PersonData> data) {
        Map<String, PersonRecord> bySnils = repository.personsBySnils(rows.stream()
                .map(row -> data.apply(row).snils())
                .filter(Objects::nonNull)
                .toList());
        Map<T, PersonRecord> byRow = new IdentityHashMap<>();
        List<T> unmatched = new ArrayList<>();
        for (T row : rows) {
            PersonData clean = data.apply(row);
            PersonRecord person = clean.snils() == null ? null : bySnils.get(clean.snils());
            if (person != null) {
                byRow.put(row, person);
            } else if (clean.birthDate() != null) {
                unmatched.add(row);
            }
        }
        if (!unmatched.isEmpty()) {
            Map<String, PersonRecord> byName = new HashMap<>();
            for (PersonRecord person : repository.personsByNameKeysAndBirthDates(unmatched.stream()
                    .map(row -> Map.entry(
                            RegistryRules.nameKey(data.apply(row)),
                            data.apply(row).birthDate()))
                    .distinct()
                    .toList())) {
                byName.putIfAbsent(person.getNameKey() + "|" + person.getBirthDate(), person);
            }
            for (T row : unmatched) {
                PersonData clean = data.apply(row);
                PersonRecord person = byName.get(RegistryRules.nameKey(clean) + "|" + clean.birthDate());
                if (person != null) {
                    byRow.put(row, person);
                }
            }
        }
        return byRow;
    }

    /** The places of many found people, for {@link RegistryRules#meet}: one query. */
    public Map<Long, List<RegistryRules.Place>> placesOf(Collection<Long> personIds) {
        return places.of(personIds);
    }

    /**
     * Writes what the registrant brings over a person they met: registered anew after leaving an organization
     * outside the scope, the registrant's data replace the stored ones whole (a blank must not show what the
     * other organization knew), and the change rows are written just before the new membership, so that they
     * stay in the earlier organization's history; otherwise known values win over blanks. The number of changed
     * fields.
     */
    public int updateFound(Found found, PersonData incoming, Actor actor, Instant now) {
        PersonData stored = MemberRepository.toData(found.person());
        if (found.meeting() == RegistryRules.Meeting.REGISTER_ANEW) {
            return history.rewrite(found.person(), stored, incoming, actor, now.minusNanos(1000));
        }
        return history.rewrite(found.person(), stored, RegistryRules.merge(stored, incoming), actor, now);
    }

    /** A new person, with the history's first line naming them. */
    long createPerson(PersonData clean, Actor actor, Instant now) {
        long personId = repository.insertPerson(clean, RegistryRules.nameKey(clean), now);
        history.record(personId, actor, "created", null, clean.lastName() + " " + clean.firstName(), now);
        return personId;
    }

    /**
     * Opens a membership with its history line; an active one announces {@link MemberJoined}. The new
     * membership's id.
     */
    long openMembership(
            long personId,
            Organization organization,
            String nameKey,
            MembershipStatus status,
            Category category,
            LocalDate joinedOn,
            String card,
            Actor actor,
            Instant now) {
        long membershipId = repository.insertMembership(
                personId, organization.id(), organization.path(), nameKey, status, category, joinedOn, card, now);
        history.record(personId, actor, "membership", null, organization.shortName() + " (" + status + ")", now);
        if (status == MembershipStatus.ACTIVE) {
            events.publishEvent(new MemberJoined(
                    personId,
                    membershipId,
                    organization.id(),
                    organization.path(),
                    category,
                    joinedOn,
                    actor,
                    facts.ofMembership(membershipId)));
        }
        return membershipId;
    }

    /**
     * Files a transfer request of the person into {@code to}, from the organization holding their open membership;
     * a waiting request for the same person and organization is reused. Publishes {@code TransferRequested}.
     */
    public long fileTransferRequest(
            long personId,
            PersonData submitted,
            Organization to,
            Category category,
            LocalDate joinedOn,
            TransferSource source,
            Long importId,
            Integer lineNo,
            Actor actor,
            Instant now) {
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
                now);
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
}
