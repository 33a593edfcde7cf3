package ru.profkom.organizations;

public enum OrganizationStatus {
    ACTIVE,
    LIQUIDATED,
    MERGED;

    public String messageKey() {
        return "organization.status." + name();
    }
}
