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
}
