package ru.profkom.workspace;

import java.util.List;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.Role;

/** The three actions a person takes most in an organization, by their role and the organization's kind. */
final class QuickActions {

    private QuickActions() {}

    static List<QuickAction> of(Organization organization, Role role) {
        String base = "/orgs/" + organization.id();
        QuickAction publish = new QuickAction("workspace.action.publish", "bi-megaphone", base + "/publications/new");
        if (role == Role.INFO_WORKER) {
            return List.of(
                    publish,
                    new QuickAction("workspace.action.site", "bi-globe", base + "/site"),
                    new QuickAction("workspace.action.indicators", "bi-graph-up", base + "/indicators"));
        }
        if (organization.kind() == OrganizationKind.PRIMARY || organization.kind() == OrganizationKind.SHOP) {
            return List.of(
                    new QuickAction("workspace.action.addMember", "bi-person-plus", base + "/members/new"),
                    new QuickAction("workspace.action.import", "bi-upload", base + "/members/import"),
                    publish);
        }
        return List.of(
                publish,
                new QuickAction("workspace.action.sendPackage", "bi-send", base + "/packages/new"),
                new QuickAction("workspace.action.reports", "bi-clipboard-check", base + "/statistical-report"));
    }
}
