package ru.profkom.organizations;

import java.util.List;

/**
 * One organization handed to {@link OrganizationLoader}: its card, its bodies and the id it will
 * keep. The id is chosen by whoever builds the tree (a generator, an import) so that a child can
 * name its parent before either is stored; {@code parentId} is null only for a union's root.
 */
public record OrganizationDraft(long id, Long parentId, OrganizationForm card, List<BodyDraft> bodies) {

    public OrganizationDraft {
        bodies = List.copyOf(bodies);
    }
}
