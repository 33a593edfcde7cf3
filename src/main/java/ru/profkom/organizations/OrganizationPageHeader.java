package ru.profkom.organizations;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills what every page of an organization shows above its content (breadcrumbs, name, tabs and the
 * actions the user may take), for the pages other modules add to an organization: roles, audit log.
 */
@Component
public class OrganizationPageHeader {

    private final Organizations organizations;

    OrganizationPageHeader(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Adds the header's attributes for the tab and returns the organization, refusing one outside the user's subtrees. */
    public Organization addTo(Model model, long organizationId, String tab) {
        Organization organization = organizations.get(organizationId);
        model.addAttribute("organization", organization);
        model.addAttribute("crumbs", organizations.breadcrumbs(organizationId));
        model.addAttribute("canEdit", organization.active() && organizations.canEdit(organizationId));
        model.addAttribute("canManage", organizations.canManage(organizationId));
        // A move also needs the rights in the place the organization leaves (Organizations.move).
        model.addAttribute(
                "canMove",
                organization.parentId() != null
                        && organization.active()
                        && organizations.canManage(organizationId)
                        && organizations.canManage(organization.parentId()));
        // Staff keep the registry of their subtree; a plain member sees no one else's data.
        model.addAttribute("staff", organizations.canEdit(organizationId));
        model.addAttribute("childKinds", organization.kind().childKinds());
        model.addAttribute("tab", tab);
        return organization;
    }
}
