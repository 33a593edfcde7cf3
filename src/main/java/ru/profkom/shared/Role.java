package ru.profkom.shared;

/** A role is held in one organization and, except for {@link #MEMBER}, applies to its whole subtree. */
public enum Role {
    UNION_ADMIN,
    ORG_ADMIN,
    CHAIR,
    INFO_WORKER,
    MEMBER;

    public boolean coversSubtree() {
        return this != MEMBER;
    }

    public boolean administers() {
        return this == UNION_ADMIN || this == ORG_ADMIN;
    }

    public boolean editsOrganizationCard() {
        return administers() || this == CHAIR || this == INFO_WORKER;
    }

    public String messageKey() {
        return "role." + name();
    }
}
