package ru.profkom.members;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import profkom.schema.tables.records.MembershipRecord;
import ru.profkom.members.MemberEvents.MemberDataRead;
import ru.profkom.members.MemberEvents.MembersExported;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Scope;

/**
 * The registry's access checks for the current request, as {@link RegistryRules} decides them from the actor's
 * {@link Scope}: a person or organization outside it is as good as absent; and the audit of reads and exports of
 * many people's data, which the caller has checked.
 */
@Component
@org.springframework.modulith.NamedInterface("internal")
public class RegistryAccess {

    private final Organizations organizations;
    private final MemberRepository repository;
    private final MembershipPlaces places;
    private final ApplicationEventPublisher events;
    private final CurrentActor currentActor;

    RegistryAccess(
            Organizations organizations,
            MemberRepository repository,
            MembershipPlaces places,
            ApplicationEventPublisher events,
            CurrentActor currentActor) {
        this.organizations = organizations;
        this.repository = repository;
        this.places = places;
        this.events = events;
        this.currentActor = currentActor;
    }

    /** Where the actor holds a staff role, once per request; members see no one through the registry. */
    public Scope scope() {
        return organizations.scope();
    }

    /** The paths of the person's memberships inside the scope; a person with none is absent. */
    List<String> visiblePathsOf(long personId) {
        Scope scope = scope();
        List<String> paths =
                repository.pathsOf(personId).stream().filter(scope::covers).toList();
        if (paths.isEmpty()) {
            throw ProfkomException.notFound(Members.NOT_FOUND);
        }
        return paths;
    }

    /**
     * The union's write rule ({@link RegistryRules#requireWritable}): a person the actor sees through an earlier
     * membership only is refused as forbidden; one they do not see at all, as absent.
     */
    List<String> writablePathsOf(long personId) {
        List<String> paths = visiblePathsOf(personId);
        RegistryRules.requireWritable(scope(), places.of(personId));
        return paths;
    }

    MembershipRecord writableMembership(long membershipId) {
        MembershipRecord membership =
                repository.membership(membershipId).orElseThrow(() -> ProfkomException.notFound(Members.NOT_FOUND));
        Scope scope = scope();
        if (!scope.covers(membership.getOrganizationPath())) {
            throw ProfkomException.notFound(Members.NOT_FOUND);
        }
        RegistryRules.requireWritable(scope, places.of(membership.getPersonId()));
        return membership;
    }

    /** An organization of the scope that can hold members: primary or shop, and open. */
    Organization writableOrganization(long organizationId) {
        Organization organization = writableAnyOrganization(organizationId);
        RegistryRules.requireHoldsMembers(organization, "organizationId");
        return organization;
    }

    Organization writableAnyOrganization(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!scope().covers(organization.path())) {
            throw ProfkomException.notFound("organization.notFound");
        }
        return organization;
    }

    /** The path of an organization inside the scope; one outside it is absent. */
    String coveredPathOf(long organizationId) {
        Scope scope = scope();
        return organizations
                .pathOf(organizationId)
                .filter(scope::covers)
                .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
    }

    /**
     * Announces a read of personal data about many people of an organization's subtree (what: {@code ACTIVISTS},
     * {@code IMPORT_ERRORS}, {@code APPLICATIONS}, {@code CORRECTIONS}) for the audit log, without the data.
     * The caller has checked access.
     */
    public void auditRead(long organizationId, String what) {
        String path = organizations.pathOf(organizationId).orElse(null);
        if (path != null) {
            events.publishEvent(new MemberDataRead(organizationId, path, null, what, currentActor.get()));
        }
    }

    /** Announces a read of one person's data (what: {@code CARD}, {@code HISTORY}) for the audit log. */
    void auditRead(long organizationId, String path, long personId, String what) {
        events.publishEvent(new MemberDataRead(organizationId, path, personId, what, currentActor.get()));
    }

    public void auditExport(long organizationId, String content, String format, long rows) {
        String path = organizations.pathOf(organizationId).orElseThrow();
        events.publishEvent(new MembersExported(organizationId, path, content, format, rows, currentActor.get()));
    }
}
