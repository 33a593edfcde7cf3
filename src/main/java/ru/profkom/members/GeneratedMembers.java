package ru.profkom.members;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.MembershipRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.generators.MemberGenerator;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;

/**
 * Generated members for the demo union, written in bulk the way an import writes a chunk (one insert of the
 * people and one of their memberships) and announced the same way, with {@link MemberEvents.MembersImported}
 * (import number 0), so that the statistics count them as they count an import. Only the system may call it:
 * the people are not real and get no history rows.
 */
@Service
public class GeneratedMembers {

    private final Organizations organizations;
    private final MemberRepository repository;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GeneratedMembers(
            Organizations organizations,
            MemberRepository repository,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organizations = organizations;
        this.repository = repository;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** Registers the people as current members of the organization; returns how many. */
    @Transactional
    public int register(long organizationId, List<MemberGenerator.GeneratedPerson> people) {
        Actor actor = currentActor.get();
        if (!actor.system()) {
            throw ProfkomException.forbidden("access.denied");
        }
        if (people.isEmpty()) {
            return 0;
        }
        Organization organization = organizations.get(organizationId);
        Instant now = clock.instant();
        long firstPerson = repository.takeIds(MemberIds.PERSON, people.size());
        long firstMembership = repository.takeIds(MemberIds.MEMBERSHIP, people.size());
        List<PersonRecord> persons = new ArrayList<>(people.size());
        List<MembershipRecord> memberships = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            MemberGenerator.GeneratedPerson person = people.get(i);
            PersonData data = person.toPersonData();
            String nameKey = RegistryRules.nameKey(data);
            persons.add(MemberRepository.newPerson(firstPerson + i, data, nameKey, now));
            memberships.add(MemberRepository.newMembership(
                    firstMembership + i,
                    firstPerson + i,
                    organization,
                    nameKey,
                    MembershipStatus.ACTIVE,
                    person.category(),
                    person.joinedOn(),
                    null,
                    now));
        }
        repository.insertPersons(persons);
        repository.insertMemberships(memberships);
        events.publishEvent(new MemberEvents.MembersImported(
                0,
                organizationId,
                organization.path(),
                firstMembership,
                firstMembership + people.size() - 1,
                people.size(),
                0,
                actor));
        return people.size();
    }

    /** The SNILS already in the registry, for a generator to skip. Only the system may ask. */
    @Transactional(readOnly = true)
    public java.util.Set<String> snilsInUse() {
        requireSystem();
        return repository.allSnils();
    }

    /**
     * Writes a batch of generated people as current members of the organizations they are placed in, in bulk and
     * unannounced: for the {@code generate-members} command, which loads millions and rebuilds the statistics
     * after. On PostgreSQL the repository writes by COPY. Only the system may call it.
     */
    @Transactional
    public void load(List<Placed> batch, Instant now) {
        requireSystem();
        if (batch.isEmpty()) {
            return;
        }
        long firstPerson = repository.takeIds(MemberIds.PERSON, batch.size());
        long firstMembership = repository.takeIds(MemberIds.MEMBERSHIP, batch.size());
        List<PersonRecord> persons = new ArrayList<>(batch.size());
        List<MembershipRecord> memberships = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MemberGenerator.GeneratedPerson person = batch.get(i).person();
            PersonData data = person.toPersonData();
            String nameKey = RegistryRules.nameKey(data);
            persons.add(MemberRepository.newPerson(firstPerson + i, data, nameKey, now));
            memberships.add(MemberRepository.newMembership(
                    firstMembership + i,
                    firstPerson + i,
                    batch.get(i).organization(),
                    nameKey,
                    MembershipStatus.ACTIVE,
                    person.category(),
                    person.joinedOn(),
                    null,
                    now));
        }
        repository.insertPersons(persons);
        repository.insertMemberships(memberships);
    }

    /** A generated person and the organization they are a member of. */
    public record Placed(Organization organization, MemberGenerator.GeneratedPerson person) {}

    private void requireSystem() {
        if (!currentActor.get().system()) {
            throw ProfkomException.forbidden("access.denied");
        }
    }
}
