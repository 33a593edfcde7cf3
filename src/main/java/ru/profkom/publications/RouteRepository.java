package ru.profkom.publications;

import static profkom.schema.Tables.PUBLICATION;
import static profkom.schema.Tables.PUBLICATION_ROUTE;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.TreePaths;

@Repository
class RouteRepository {

    private final DSLContext dsl;

    RouteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record RouteRow(
            long id,
            long publicationId,
            String title,
            long originId,
            long fromId,
            long toId,
            RoutePurpose purpose,
            RouteStatus status,
            String note,
            String reply,
            Long republishedId,
            Instant sentAt,
            Instant handledAt,
            Long previousId,
            String handledByName) {}

    long insert(
            long publicationId,
            long originId,
            long fromId,
            long toId,
            RoutePurpose purpose,
            String note,
            Long previousId,
            Long actorId,
            Instant now) {
        return dsl.insertInto(PUBLICATION_ROUTE)
                .set(PUBLICATION_ROUTE.PUBLICATION_ID, publicationId)
                .set(PUBLICATION_ROUTE.ORIGIN_ORGANIZATION_ID, originId)
                .set(PUBLICATION_ROUTE.FROM_ORGANIZATION_ID, fromId)
                .set(PUBLICATION_ROUTE.TO_ORGANIZATION_ID, toId)
                .set(PUBLICATION_ROUTE.PURPOSE, purpose.name())
                .set(PUBLICATION_ROUTE.STATUS, RouteStatus.PENDING.name())
                .set(PUBLICATION_ROUTE.NOTE, note)
                .set(PUBLICATION_ROUTE.PREVIOUS_ROUTE_ID, previousId)
                .set(PUBLICATION_ROUTE.SENT_AT, now)
                .set(PUBLICATION_ROUTE.SENT_BY, actorId)
                .returning(PUBLICATION_ROUTE.ID)
                .fetchOne(PUBLICATION_ROUTE.ID);
    }

    /** Closes a pending step; false when someone else handled it first. */
    boolean handle(
            long id,
            RouteStatus status,
            String reply,
            Long republishedId,
            Long actorId,
            String actorName,
            Instant now) {
        return dsl.update(PUBLICATION_ROUTE)
                        .set(PUBLICATION_ROUTE.STATUS, status.name())
                        .set(PUBLICATION_ROUTE.HANDLED_BY_NAME, actorName)
                        .set(PUBLICATION_ROUTE.REPLY, reply)
                        .set(PUBLICATION_ROUTE.REPUBLISHED_ID, republishedId)
                        .set(PUBLICATION_ROUTE.HANDLED_AT, now)
                        .set(PUBLICATION_ROUTE.HANDLED_BY, actorId)
                        .where(PUBLICATION_ROUTE.ID.eq(id))
                        .and(PUBLICATION_ROUTE.STATUS.eq(RouteStatus.PENDING.name()))
                        .execute()
                == 1;
    }

    Optional<RouteRow> find(long id) {
        return select().where(PUBLICATION_ROUTE.ID.eq(id)).fetchOptional(RouteRepository::toRow);
    }

    boolean pendingFor(long publicationId) {
        return dsl.fetchExists(
                PUBLICATION_ROUTE,
                PUBLICATION_ROUTE
                        .PUBLICATION_ID
                        .eq(publicationId)
                        .and(PUBLICATION_ROUTE.STATUS.eq(RouteStatus.PENDING.name())));
    }

    Page<Route> incoming(
            long organizationId,
            Set<RouteStatus> statuses,
            PageRequest page,
            Function<Collection<Long>, Map<Long, String>> names) {
        Condition where = PUBLICATION_ROUTE.TO_ORGANIZATION_ID.eq(organizationId);
        if (statuses != null && !statuses.isEmpty()) {
            where = where.and(PUBLICATION_ROUTE.STATUS.in(
                    statuses.stream().map(Enum::name).toList()));
        }
        List<RouteRow> rows = select().where(where)
                .orderBy(PUBLICATION_ROUTE.SENT_AT.desc(), PUBLICATION_ROUTE.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(RouteRepository::toRow);
        return new Page<>(named(rows, names), page.page(), page.size(), dsl.fetchCount(PUBLICATION_ROUTE, where));
    }

    Page<Route> outgoing(long organizationId, PageRequest page, Function<Collection<Long>, Map<Long, String>> names) {
        Condition where = PUBLICATION_ROUTE.FROM_ORGANIZATION_ID.eq(organizationId);
        List<RouteRow> rows = select().where(where)
                .orderBy(PUBLICATION_ROUTE.SENT_AT.desc(), PUBLICATION_ROUTE.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(RouteRepository::toRow);
        return new Page<>(named(rows, names), page.page(), page.size(), dsl.fetchCount(PUBLICATION_ROUTE, where));
    }

    /**
     * The steps passing through an organization: sent from below it (its subtree, the publication's
     * organization included) straight to one of its ancestors, so that it sees them without deciding.
     */
    Page<Route> passingThrough(
            String path,
            List<Long> ancestorIds,
            long organizationId,
            PageRequest page,
            Function<Collection<Long>, Map<Long, String>> names) {
        if (ancestorIds.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        List<Long> notBelow = new java.util.ArrayList<>(ancestorIds);
        notBelow.add(organizationId);
        Condition where = PUBLICATION_ROUTE
                .TO_ORGANIZATION_ID
                .in(ancestorIds)
                .and(PUBLICATION_ROUTE.FROM_ORGANIZATION_ID.notIn(notBelow))
                .and(TreePaths.within(PUBLICATION.ORGANIZATION_PATH, path));
        List<RouteRow> rows = select().where(where)
                .orderBy(PUBLICATION_ROUTE.SENT_AT.desc(), PUBLICATION_ROUTE.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(RouteRepository::toRow);
        int total = dsl.fetchCount(select().where(where));
        return new Page<>(named(rows, names), page.page(), page.size(), total);
    }

    /** Every step of these publications, in the order they were taken, for following a chain to its end. */
    List<RouteRow> stepsOf(Collection<Long> publicationIds) {
        if (publicationIds.isEmpty()) {
            return List.of();
        }
        return select().where(PUBLICATION_ROUTE.PUBLICATION_ID.in(publicationIds))
                .orderBy(PUBLICATION_ROUTE.ID)
                .fetch(RouteRepository::toRow);
    }

    List<Route> trail(long publicationId, Function<Collection<Long>, Map<Long, String>> names) {
        return named(
                select().where(PUBLICATION_ROUTE.PUBLICATION_ID.eq(publicationId))
                        .orderBy(PUBLICATION_ROUTE.ID)
                        .fetch(RouteRepository::toRow),
                names);
    }

    long sentCount(long organizationId, Instant from, Instant to) {
        return dsl.fetchCount(
                PUBLICATION_ROUTE,
                PUBLICATION_ROUTE
                        .ORIGIN_ORGANIZATION_ID
                        .eq(organizationId)
                        .and(PUBLICATION_ROUTE.PREVIOUS_ROUTE_ID.isNull())
                        .and(PUBLICATION_ROUTE.SENT_AT.ge(from))
                        .and(PUBLICATION_ROUTE.SENT_AT.lt(to)));
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(PUBLICATION_ROUTE.fields())
                .select(PUBLICATION.TITLE)
                .from(PUBLICATION_ROUTE)
                .join(PUBLICATION)
                .on(PUBLICATION.ID.eq(PUBLICATION_ROUTE.PUBLICATION_ID));
    }

    private static RouteRow toRow(Record r) {
        return new RouteRow(
                r.get(PUBLICATION_ROUTE.ID),
                r.get(PUBLICATION_ROUTE.PUBLICATION_ID),
                r.get(PUBLICATION.TITLE),
                r.get(PUBLICATION_ROUTE.ORIGIN_ORGANIZATION_ID),
                r.get(PUBLICATION_ROUTE.FROM_ORGANIZATION_ID),
                r.get(PUBLICATION_ROUTE.TO_ORGANIZATION_ID),
                RoutePurpose.valueOf(r.get(PUBLICATION_ROUTE.PURPOSE)),
                RouteStatus.valueOf(r.get(PUBLICATION_ROUTE.STATUS)),
                r.get(PUBLICATION_ROUTE.NOTE),
                r.get(PUBLICATION_ROUTE.REPLY),
                r.get(PUBLICATION_ROUTE.REPUBLISHED_ID),
                r.get(PUBLICATION_ROUTE.SENT_AT),
                r.get(PUBLICATION_ROUTE.HANDLED_AT),
                r.get(PUBLICATION_ROUTE.PREVIOUS_ROUTE_ID),
                r.get(PUBLICATION_ROUTE.HANDLED_BY_NAME));
    }

    static List<Route> named(List<RouteRow> rows, Function<Collection<Long>, Map<Long, String>> names) {
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.originId());
            ids.add(r.fromId());
            ids.add(r.toId());
        });
        Map<Long, String> byId = names.apply(ids);
        return rows.stream()
                .map(r -> new Route(
                        r.id(),
                        r.publicationId(),
                        r.title(),
                        r.originId(),
                        byId.get(r.originId()),
                        r.fromId(),
                        byId.get(r.fromId()),
                        r.toId(),
                        byId.get(r.toId()),
                        r.purpose(),
                        r.status(),
                        r.note(),
                        r.reply(),
                        r.republishedId(),
                        r.sentAt(),
                        r.handledAt(),
                        r.handledByName()))
                .toList();
    }
}
