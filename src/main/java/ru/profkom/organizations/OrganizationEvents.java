package ru.profkom.organizations;

import java.time.LocalDate;
import java.util.List;
import ru.profkom.shared.Actor;

/** What happened to the tree; past tense, published after the change and consumed by audit and read models. */
public final class OrganizationEvents {

    private OrganizationEvents() {}

    /** One changed field of a card: the old and the new value as shown to people. */
    public record FieldChange(String field, String oldValue, String newValue) {}

    public record OrganizationCreated(long organizationId, String path, String code, String shortName, Actor actor) {}

    public record OrganizationUpdated(long organizationId, String path, List<FieldChange> changes, Actor actor) {}

    public record OrganizationMoved(
            long organizationId,
            String oldPath,
            String newPath,
            Long oldParentId,
            long newParentId,
            int subtreeSize,
            Actor actor) {}

    public record OrganizationsMerged(
            long sourceId, long targetId, String sourcePath, String targetPath, Actor actor) {}

    public record OrganizationLiquidated(long organizationId, String path, LocalDate liquidatedOn, Actor actor) {}

    public record BodyAttached(long organizationId, String path, long bodyId, String name, Actor actor) {}

    public record BodyDetached(long organizationId, String path, long bodyId, String name, Actor actor) {}

    /** A generator or an import loaded many organizations at once. */
    public record OrganizationsLoaded(int count, Actor actor) {}
}
