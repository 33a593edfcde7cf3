package ru.profkom.audit;

import static profkom.schema.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.AuditEventRecord;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.TreePaths;

@Repository
class AuditRepository {

    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(
            Instant at,
            Long actorId,
            String actorLogin,
            String remoteAddress,
            String action,
            Long organizationId,
            String organizationPath,
            String targetType,
            Long targetId,
            String details) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.ACTOR_ID, actorId)
                .set(AUDIT_EVENT.ACTOR_LOGIN, actorLogin)
                .set(AUDIT_EVENT.REMOTE_ADDRESS, remoteAddress)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ORGANIZATION_ID, organizationId)
                .set(AUDIT_EVENT.ORGANIZATION_PATH, organizationPath)
                .set(AUDIT_EVENT.TARGET_TYPE, targetType)
                .set(AUDIT_EVENT.TARGET_ID, targetId)
                .set(
                        AUDIT_EVENT.DETAILS,
                        details == null || details.length() <= 4000 ? details : details.substring(0, 4000))
                .execute();
    }

    Page<AuditEntry> page(String subtreePath, boolean includeUnfiled, AuditFilter filter, PageRequest page) {
        Condition condition = condition(subtreePath, includeUnfiled, filter);
        List<AuditEntry> items = dsl.selectFrom(AUDIT_EVENT)
                .where(condition)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(AuditRepository::toEntry);
        long total =
                items.size() < page.size() && page.page() == 0 ? items.size() : dsl.fetchCount(AUDIT_EVENT, condition);
        return new Page<>(items, page.page(), page.size(), total);
    }

    void stream(String subtreePath, boolean includeUnfiled, AuditFilter filter, Consumer<AuditEntry> consumer) {
        try (var cursor = dsl.selectFrom(AUDIT_EVENT)
                .where(condition(subtreePath, includeUnfiled, filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .fetchSize(1000)
                .fetchLazy()) {
            cursor.forEach(r -> consumer.accept(toEntry(r)));
        }
    }

    /** A moved subtree takes its audit history along to its new place. */
    void repath(String oldPath, String newPath) {
        dsl.update(AUDIT_EVENT)
                .set(AUDIT_EVENT.ORGANIZATION_PATH, TreePaths.moved(AUDIT_EVENT.ORGANIZATION_PATH, oldPath, newPath))
                .where(TreePaths.within(AUDIT_EVENT.ORGANIZATION_PATH, oldPath))
                .execute();
    }

    private static Condition condition(String subtreePath, boolean includeUnfiled, AuditFilter filter) {
        Condition condition = TreePaths.within(AUDIT_EVENT.ORGANIZATION_PATH, subtreePath);
        if (includeUnfiled) {
            condition = condition.or(AUDIT_EVENT.ORGANIZATION_PATH.isNull());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            condition = condition.and(AUDIT_EVENT.ACTION.eq(filter.action()));
        }
        if (filter.actorLogin() != null && !filter.actorLogin().isBlank()) {
            condition = condition.and(DSL.lower(AUDIT_EVENT.ACTOR_LOGIN)
                    .eq(filter.actorLogin().strip().toLowerCase()));
        }
        if (filter.from() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.ge(MoscowTime.startOf(filter.from())));
        }
        if (filter.to() != null) {
            condition = condition.and(
                    AUDIT_EVENT.OCCURRED_AT.lt(MoscowTime.startOf(filter.to().plusDays(1))));
        }
        return condition;
    }

    private static AuditEntry toEntry(AuditEventRecord r) {
        return new AuditEntry(
                r.getId(),
                r.getOccurredAt(),
                r.getActorId(),
                r.getActorLogin(),
                r.getRemoteAddress(),
                r.getAction(),
                r.getOrganizationId(),
                null,
                r.getTargetType(),
                r.getTargetId(),
                r.getDetails());
    }
}
