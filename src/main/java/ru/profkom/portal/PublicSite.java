package ru.profkom.portal;

import ru.profkom.organizations.OrganizationKind;

/**
 * A public page as visitors see it: the site's texts and the organization's names (names of
 * organizations are public; the card's personal fields are not).
 */
public record PublicSite(Site site, String shortName, String fullName, OrganizationKind kind) {

    public long organizationId() {
        return site.organizationId();
    }

    public String slug() {
        return site.slug();
    }

    /** Members belong to primary and shop organizations: only their pages take applications. */
    public boolean acceptsApplications() {
        return kind == OrganizationKind.PRIMARY || kind == OrganizationKind.SHOP;
    }
}
