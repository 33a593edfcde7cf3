package ru.profkom.members;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import profkom.schema.tables.records.MembershipRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Scope;

/**
 * A person as a {@link Member}: as the actor may see them — the memberships, roles and consents of their
 * subtrees' time only ({@link RegistryRules#writtenInScope}) — or whole, for callers in this module that have
 * decided who may see them.
 */
@Component
class MemberViews {

    private final MemberRepository repository;
    private final PersonTermRepository terms;
    private final MembershipPlaces places;
    private final Organizations organizations;

    MemberViews(
            MemberRepository repository,
            PersonTermRepository terms,
            MembershipPlaces places,
            Organizations organizations) {
        this.repository = repository;
        this.terms = terms;
        this.places = places;
        this.organizations = organizations;
    }

    /** The person as the actor may see them; the caller has checked that they see the person at all. */
    Member visible(long personId) {
        return of(person(personId), organizations.scope());
    }

    /** The person whole, without an access check. */
    Member load(long personId) {
        return of(person(personId), Scope.EVERYTHING);
    }

    private PersonRecord person(long personId) {
        return repository.person(personId).orElseThrow(() -> ProfkomException.notFound(Members.NOT_FOUND));
    }

    Member of(PersonRecord person, Scope scope) {
        List<RegistryRules.Place> placesOf = scope.everything() ? List.of() : places.of(person.getId());
        List<MembershipRecord> memberships = repository.memberships(person.getId()).stream()
                .filter(m -> scope.covers(m.getOrganizationPath()))
                .toList();
        List<MemberRoleTerm> roles = terms.roles(person.getId());
        List<Consent> consents = terms.consents(person.getId());
        if (!scope.everything()) {
            Map<Long, String> rolePaths = new HashMap<>();
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
}
