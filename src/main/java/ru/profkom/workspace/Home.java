package ru.profkom.workspace;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;
import ru.profkom.shared.Role;
import ru.profkom.shared.WorkItem;

/** What the home shows: the person's tasks and, for the organization chosen, its figures and main actions. */
@Service
public class Home {

    private final Workspace workspace;
    private final KeyFigures figures;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final Accounts accounts;

    Home(
            Workspace workspace,
            KeyFigures figures,
            Organizations organizations,
            CurrentActor currentActor,
            Accounts accounts) {
        this.accounts = accounts;
        this.workspace = workspace;
        this.figures = figures;
        this.organizations = organizations;
        this.currentActor = currentActor;
    }

    /** The organization a home is about, with the role the person holds there. */
    public record OrganizationHome(
            Organization organization, Role role, List<KeyFigure> figures, List<QuickAction> actions) {}

    /**
     * The organizations a person switches between (where they hold a staff role), for the switcher of the
     * navigation; one entry per organization.
     */
    public List<RoleGrantView> switcher() {
        if (currentActor.get().accountId() == null) {
            return List.of();
        }
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return accounts.myGrants().stream()
                .filter(grant -> grant.active() && grant.role().coversSubtree())
                .filter(grant -> seen.add(grant.organizationId()))
                .toList();
    }

    public List<WorkItem> tasks(int limit) {
        return workspace.myTasks(limit);
    }

    /**
     * The organization asked for when the person holds a staff role there, else the first where they do; empty
     * for a person with no staff role (a plain member, whose home is the cabinet).
     */
    public Optional<OrganizationHome> organization(Long asked) {
        List<Grant> staff = currentActor.get().grants().stream()
                .filter(grant -> grant.role().coversSubtree())
                .toList();
        Optional<Grant> chosen = staff.stream()
                .filter(grant -> asked != null && grant.organizationId() == asked)
                .findFirst()
                .or(() -> staff.stream().findFirst());
        return chosen.map(grant -> {
            Organization organization = organizations.get(grant.organizationId());
            return new OrganizationHome(
                    organization,
                    grant.role(),
                    figures.of(organization.id()),
                    QuickActions.of(organization, grant.role()));
        });
    }
}
