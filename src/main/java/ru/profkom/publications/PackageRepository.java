package ru.profkom.publications;

import static profkom.schema.Tables.INFO_PACKAGE;
import static profkom.schema.Tables.INFO_PACKAGE_RECIPIENT;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@Repository
class PackageRepository {

    private static final int BATCH = 1000;
    static final int MAX_REMIND_DAYS = 60;

    private final DSLContext dsl;

    PackageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(
            long organizationId,
            String title,
            String bodyHtml,
            Set<OrganizationKind> kinds,
            List<Long> recipients,
            int remindAfterDays,
            Long actorId,
            Instant now) {
        long id = dsl.insertInto(INFO_PACKAGE)
                .set(INFO_PACKAGE.ORGANIZATION_ID, organizationId)
                .set(INFO_PACKAGE.TITLE, title)
                .set(INFO_PACKAGE.BODY_HTML, bodyHtml)
                .set(
                        INFO_PACKAGE.KINDS,
                        kinds.isEmpty()
                                ? null
                                : kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .set(INFO_PACKAGE.RECIPIENT_COUNT, recipients.size())
                .set(INFO_PACKAGE.REMIND_AFTER_DAYS, remindAfterDays)
                .set(INFO_PACKAGE.CREATED_AT, now)
                .set(INFO_PACKAGE.CREATED_BY, actorId)
                .returning(INFO_PACKAGE.ID)
                .fetchOne(INFO_PACKAGE.ID);
        for (int from = 0; from < recipients.size(); from += BATCH) {
            var insert = dsl.insertInto(
                    INFO_PACKAGE_RECIPIENT, INFO_PACKAGE_RECIPIENT.PACKAGE_ID, INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID);
            for (Long recipient : recipients.subList(from, Math.min(recipients.size(), from + BATCH))) {
                insert = insert.values(id, recipient);
            }
            insert.execute();
        }
        return id;
    }

    private static Field<Integer> openedCount() {
        return DSL.field(DSL.selectCount()
                .from(INFO_PACKAGE_RECIPIENT)
                .where(INFO_PACKAGE_RECIPIENT.PACKAGE_ID.eq(INFO_PACKAGE.ID))
                .and(INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNotNull()));
    }

    Optional<InfoPackage> find(long id) {
        return dsl.select(INFO_PACKAGE.fields())
                .select(openedCount(), DSL.inline((Instant) null).as("opened_at"))
                .from(INFO_PACKAGE)
                .where(INFO_PACKAGE.ID.eq(id))
                .fetchOptional(PackageRepository::toPackage);
    }

    Page<InfoPackage> sent(long organizationId, PageRequest page) {
        Condition where = INFO_PACKAGE.ORGANIZATION_ID.eq(organizationId);
        List<InfoPackage> items = dsl.select(INFO_PACKAGE.fields())
                .select(openedCount(), DSL.inline((Instant) null).as("opened_at"))
                .from(INFO_PACKAGE)
                .where(where)
                .orderBy(INFO_PACKAGE.CREATED_AT.desc(), INFO_PACKAGE.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(PackageRepository::toPackage);
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(INFO_PACKAGE, where));
    }

    Page<InfoPackage> inbox(long organizationId, Boolean opened, PageRequest page) {
        Condition where = INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID.eq(organizationId);
        if (opened != null) {
            where = where.and(
                    opened
                            ? INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNotNull()
                            : INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNull());
        }
        List<InfoPackage> items = dsl.select(INFO_PACKAGE.fields())
                .select(DSL.inline(0).as("opened"), INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.as("opened_at"))
                .from(INFO_PACKAGE_RECIPIENT)
                .join(INFO_PACKAGE)
                .on(INFO_PACKAGE.ID.eq(INFO_PACKAGE_RECIPIENT.PACKAGE_ID))
                .where(where)
                .orderBy(INFO_PACKAGE.CREATED_AT.desc(), INFO_PACKAGE.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(PackageRepository::toPackage);
        int total = dsl.fetchCount(dsl.selectOne().from(INFO_PACKAGE_RECIPIENT).where(where));
        return new Page<>(items, page.page(), page.size(), total);
    }

    List<Long> recipientsAmong(long packageId, java.util.Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return dsl.select(INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID)
                .from(INFO_PACKAGE_RECIPIENT)
                .where(INFO_PACKAGE_RECIPIENT.PACKAGE_ID.eq(packageId))
                .and(INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID.in(organizationIds))
                .fetch(INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID);
    }

    /** Records the first opening; false when the organization had opened it already. */
    boolean markOpened(long packageId, long organizationId, Long accountId, String login, Instant now) {
        return dsl.update(INFO_PACKAGE_RECIPIENT)
                        .set(INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT, now)
                        .set(INFO_PACKAGE_RECIPIENT.FIRST_OPENED_BY, accountId)
                        .set(INFO_PACKAGE_RECIPIENT.FIRST_OPENED_LOGIN, login)
                        .where(INFO_PACKAGE_RECIPIENT.PACKAGE_ID.eq(packageId))
                        .and(INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID.eq(organizationId))
                        .and(INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNull())
                        .execute()
                == 1;
    }

    Page<Receipt> receipts(long packageId, Boolean opened, PageRequest page) {
        Condition where = INFO_PACKAGE_RECIPIENT.PACKAGE_ID.eq(packageId);
        if (opened != null) {
            where = where.and(
                    opened
                            ? INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNotNull()
                            : INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNull());
        }
        List<Receipt> items = dsl.selectFrom(INFO_PACKAGE_RECIPIENT)
                .where(where)
                .orderBy(
                        INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.desc().nullsLast(),
                        INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(r -> new Receipt(
                        r.getOrganizationId(), null, r.getFirstOpenedAt(), r.getFirstOpenedLogin(), r.getRemindedAt()));
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(INFO_PACKAGE_RECIPIENT, where));
    }

    /** Claims the unopened recipients not reminded since {@code remindedBefore}; each claim is won by one node. */
    List<Long> claimUnopened(long packageId, Instant remindedBefore, Instant now) {
        List<Long> candidates = dsl.select(INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID)
                .from(INFO_PACKAGE_RECIPIENT)
                .where(INFO_PACKAGE_RECIPIENT.PACKAGE_ID.eq(packageId))
                .and(INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNull())
                .and(INFO_PACKAGE_RECIPIENT
                        .REMINDED_AT
                        .isNull()
                        .or(INFO_PACKAGE_RECIPIENT.REMINDED_AT.lt(remindedBefore)))
                .fetch(INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID);
        return candidates.stream()
                .filter(organizationId -> dsl.update(INFO_PACKAGE_RECIPIENT)
                                .set(INFO_PACKAGE_RECIPIENT.REMINDED_AT, now)
                                .where(INFO_PACKAGE_RECIPIENT.PACKAGE_ID.eq(packageId))
                                .and(INFO_PACKAGE_RECIPIENT.ORGANIZATION_ID.eq(organizationId))
                                .and(INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNull())
                                .and(INFO_PACKAGE_RECIPIENT
                                        .REMINDED_AT
                                        .isNull()
                                        .or(INFO_PACKAGE_RECIPIENT.REMINDED_AT.lt(remindedBefore)))
                                .execute()
                        == 1)
                .toList();
    }

    /** Packages whose reminder is due: older than their reminder delay, with a recipient neither reminded nor opening it. */
    List<Long> dueForReminder(Instant now, int limit) {
        return dsl
                .select(INFO_PACKAGE.ID, INFO_PACKAGE.CREATED_AT, INFO_PACKAGE.REMIND_AFTER_DAYS)
                .from(INFO_PACKAGE)
                .where(INFO_PACKAGE.REMIND_AFTER_DAYS.gt(0))
                .and(INFO_PACKAGE.CREATED_AT.le(now.minus(java.time.Duration.ofDays(1))))
                .and(INFO_PACKAGE.CREATED_AT.gt(now.minus(java.time.Duration.ofDays(MAX_REMIND_DAYS + 1))))
                .andExists(DSL.selectOne()
                        .from(INFO_PACKAGE_RECIPIENT)
                        .where(INFO_PACKAGE_RECIPIENT.PACKAGE_ID.eq(INFO_PACKAGE.ID))
                        .and(INFO_PACKAGE_RECIPIENT.FIRST_OPENED_AT.isNull())
                        .and(INFO_PACKAGE_RECIPIENT.REMINDED_AT.isNull()))
                .orderBy(INFO_PACKAGE.ID)
                .limit(limit)
                .fetch()
                .stream()
                .filter(r ->
                        !r.value2().plus(java.time.Duration.ofDays(r.value3())).isAfter(now))
                .map(r -> r.value1())
                .toList();
    }

    private static InfoPackage toPackage(Record r) {
        String kinds = r.get(INFO_PACKAGE.KINDS);
        Set<OrganizationKind> kindSet = kinds == null
                ? Set.of()
                : Arrays.stream(kinds.split(","))
                        .map(OrganizationKind::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrganizationKind.class)));
        return new InfoPackage(
                r.get(INFO_PACKAGE.ID),
                r.get(INFO_PACKAGE.ORGANIZATION_ID),
                null,
                r.get(INFO_PACKAGE.TITLE),
                r.get(INFO_PACKAGE.BODY_HTML),
                kindSet,
                r.get(INFO_PACKAGE.RECIPIENT_COUNT),
                r.get(INFO_PACKAGE.fields().length, Integer.class),
                r.get(INFO_PACKAGE.REMIND_AFTER_DAYS),
                r.get(INFO_PACKAGE.CREATED_AT),
                r.get(INFO_PACKAGE.fields().length + 1, Instant.class),
                List.of());
    }
}
