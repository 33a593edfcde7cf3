package ru.profkom.organizations;

import java.util.Arrays;
import java.util.List;

/** Levels of the union, top down; an organization's parent stands on a higher level. */
public enum OrganizationKind {
    UNION(0),
    REGIONAL(1),
    TERRITORIAL(2),
    PRIMARY(3),
    SHOP(4);

    private final int level;

    OrganizationKind(int level) {
        this.level = level;
    }

    public boolean mayContain(OrganizationKind child) {
        return child != UNION && level < child.level;
    }

    /** The kinds an organization of this kind may contain, top down. */
    public List<OrganizationKind> childKinds() {
        return Arrays.stream(values()).filter(this::mayContain).toList();
    }

    public String messageKey() {
        return "organization.kind." + name();
    }
}
