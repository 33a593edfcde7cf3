package ru.profkom.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;

/**
 * The one way an audit entry is written. The listeners, one class per source module ({@code OrganizationAudit},
 * {@code MemberAudit}, ...), run after the change committed, through Modulith's publication registry, so an
 * entry is retried rather than lost when writing it fails.
 */
@Component
class AuditWriter {

    private final AuditRepository repository;
    private final Organizations organizations;
    private final Clock clock;
    private final MessageSource messages;

    AuditWriter(AuditRepository repository, Organizations organizations, Clock clock, MessageSource messages) {
        this.repository = repository;
        this.organizations = organizations;
        this.clock = clock;
        this.messages = messages;
    }

    /** An entry about the organization itself. */
    void record(Actor actor, AuditAction action, Long organizationId, String path, String details) {
        insert(
                actor.accountId(),
                actor.login(),
                actor.remoteAddress(),
                action,
                organizationId,
                path,
                "ORGANIZATION",
                organizationId,
                details);
    }

    /** An entry about something of the organization (an account, a role grant), filed under its path. */
    void recordAbout(
            Actor actor, AuditAction action, long organizationId, String targetType, long targetId, String details) {
        insert(
                actor.accountId(),
                actor.login(),
                actor.remoteAddress(),
                action,
                organizationId,
                pathOf(organizationId),
                targetType,
                targetId,
                details);
    }

    /** An entry about a person of the registry, filed under the organization whose staff acted. */
    void recordMember(
            Actor actor, AuditAction action, long organizationId, String path, long personId, String details) {
        insert(
                actor.accountId(),
                actor.login(),
                actor.remoteAddress(),
                action,
                organizationId,
                path,
                "PERSON",
                personId,
                details);
    }

    void insert(
            Long accountId,
            String login,
            String remoteAddress,
            AuditAction action,
            Long organizationId,
            String path,
            String targetType,
            Long targetId,
            String details) {
        repository.insert(
                clock.instant(),
                accountId,
                login,
                remoteAddress,
                action.name(),
                organizationId,
                path,
                targetType,
                targetId,
                details);
    }

    /** Entries of a moved subtree follow it, so the new parent's administrators read its history. */
    void repath(String oldPath, String newPath) {
        repository.repath(oldPath, newPath);
    }

    /** Entries are written once, in the union's language, so that any reader sees the same words. */
    String russian(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.forLanguageTag("ru"));
    }

    String nameOf(Long organizationId) {
        if (organizationId == null) {
            return "—";
        }
        return CurrentActor.asSystem(() -> organizations.shortNames(List.of(organizationId)))
                .getOrDefault(organizationId, String.valueOf(organizationId));
    }

    String pathOf(Long organizationId) {
        return organizationId == null
                ? null
                : CurrentActor.asSystem(
                        () -> organizations.pathOf(organizationId).orElse(null));
    }
}
