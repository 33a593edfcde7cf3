package ru.profkom.organizations;

import static profkom.schema.Tables.ORGANIZATION;
import static profkom.schema.Tables.ORGANIZATION_PLACEMENT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.OrganizationPlacement;
import profkom.schema.tables.records.OrganizationRecord;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.RussianText;
import ru.profkom.shared.TreePaths;

/**
 * The organization tree ({@code organization} with its placement history, {@code organization_placement}): one
 * aggregate, since a placement row is written with every insert and move of an organization in the same statements.
 *
 * <p>Near 500 lines on purpose: most of it is the queries of the tree's shape (children, subtrees by kind, search in
 * Russian order, the parent at a date) that the facade and other modules' reads need, each with the index it uses;
 * the bodies are {@link BodyRepository}'s.
 */
@Repository
class OrganizationRepository {

    private static final profkom.schema.tables.Organization CHILD = ORGANIZATION.as("child");
    private static final Field<Boolean> HAS_CHILDREN = DSL.field(
                    DSL.exists(DSL.selectOne().from(CHILD).where(CHILD.PARENT_ID.eq(ORGANIZATION.ID))))
            .as("has_children");

    private final DSLContext dsl;

    OrganizationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Organization> find(long id) {
        return dsl.selectFrom(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(id))
                .fetchOptional(OrganizationRepository::toOrganization);
    }

    Optional<Organization> findForUpdate(long id) {
        return dsl.selectFrom(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(id))
                .forUpdate()
                .fetchOptional(OrganizationRepository::toOrganization);
    }

    Optional<String> pathOf(long id) {
        return dsl.select(ORGANIZATION.PATH)
                .from(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(id))
                .fetchOptional(ORGANIZATION.PATH);
    }

    void forEachHeadcount(Condition condition, java.util.function.Consumer<OrganizationHeadcount> rows) {
        try (var cursor = dsl.select(ORGANIZATION.ID, ORGANIZATION.PATH, ORGANIZATION.HEADCOUNT, ORGANIZATION.STATUS)
                .from(ORGANIZATION)
                .where(condition)
                .fetchSize(10_000)
                .fetchLazy()) {
            for (var record : cursor) {
                rows.accept(new OrganizationHeadcount(
                        record.value1(),
                        record.value2(),
                        record.value3() == null ? 0 : record.value3(),
                        OrganizationStatus.ACTIVE.name().equals(record.value4())));
            }
        }
    }

    Map<Long, String> pathsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.select(ORGANIZATION.ID, ORGANIZATION.PATH)
                .from(ORGANIZATION)
                .where(ORGANIZATION.ID.in(ids))
                .fetchMap(ORGANIZATION.ID, ORGANIZATION.PATH);
    }

    List<Long> rootIds() {
        return dsl.select(ORGANIZATION.ID)
                .from(ORGANIZATION)
                .where(ORGANIZATION.PARENT_ID.isNull())
                .fetch(ORGANIZATION.ID);
    }

    boolean codeTaken(String code, Long exceptId) {
        Condition condition = DSL.upper(ORGANIZATION.CODE).eq(code.toUpperCase());
        if (exceptId != null) {
            condition = condition.and(ORGANIZATION.ID.ne(exceptId));
        }
        return dsl.fetchExists(ORGANIZATION, condition);
    }

    List<OrganizationNode> nodes(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return dsl.select(nodeFields())
                .from(ORGANIZATION)
                .where(ORGANIZATION.ID.in(ids))
                .orderBy(ORGANIZATION.DEPTH, ORGANIZATION.SORT_NAME)
                .fetch(OrganizationRepository::toNode);
    }

    Page<OrganizationNode> children(long parentId, boolean includeClosed, PageRequest page) {
        Condition condition = ORGANIZATION.PARENT_ID.eq(parentId);
        if (!includeClosed) {
            condition = condition.and(ORGANIZATION.STATUS.eq(OrganizationStatus.ACTIVE.name()));
        }
        // The page is cut from the children's ids and names first, and only its rows ask whether they
        // have children of their own: a big city has thousands of children (docs/benchmarks.md).
        var pageOfChildren = DSL.select(ORGANIZATION.ID, ORGANIZATION.SORT_NAME)
                .from(ORGANIZATION)
                .where(condition)
                // parent_id (and status) are fixed by the condition; naming them lets H2 read the matching
                // children index in order instead of sorting.
                .orderBy(
                        includeClosed
                                ? List.of(
                                        ORGANIZATION.PARENT_ID.asc(),
                                        ORGANIZATION.SORT_NAME.asc(),
                                        ORGANIZATION.ID.asc())
                                : List.of(
                                        ORGANIZATION.PARENT_ID.asc(),
                                        ORGANIZATION.STATUS.asc(),
                                        ORGANIZATION.SORT_NAME.asc(),
                                        ORGANIZATION.ID.asc()))
                .limit(page.size())
                .offset(page.offset())
                .asTable("page_of_children");
        Field<Long> pageId = pageOfChildren.field(ORGANIZATION.ID);
        Field<String> pageSortName = pageOfChildren.field(ORGANIZATION.SORT_NAME);
        List<OrganizationNode> items = dsl.select(nodeFields())
                .from(pageOfChildren)
                .join(ORGANIZATION)
                .on(ORGANIZATION.ID.eq(pageId))
                .orderBy(pageSortName, pageId)
                .fetch(OrganizationRepository::toNode);
        long total =
                items.size() < page.size() && page.page() == 0 ? items.size() : dsl.fetchCount(ORGANIZATION, condition);
        return new Page<>(items, page.page(), page.size(), total);
    }

    int activeChildCount(long parentId) {
        return dsl.fetchCount(
                ORGANIZATION,
                ORGANIZATION.PARENT_ID.eq(parentId).and(ORGANIZATION.STATUS.eq(OrganizationStatus.ACTIVE.name())));
    }

    List<Long> childIds(long parentId) {
        return dsl.select(ORGANIZATION.ID)
                .from(ORGANIZATION)
                .where(ORGANIZATION.PARENT_ID.eq(parentId))
                .fetch(ORGANIZATION.ID);
    }

    /** The active organizations strictly below a path, of the given kinds (all when empty). */
    List<Long> activeDescendantIds(String path, java.util.Set<OrganizationKind> kinds) {
        org.jooq.Condition where = TreePaths.within(ORGANIZATION.PATH, path)
                .and(ORGANIZATION.PATH.ne(path))
                .and(ORGANIZATION.STATUS.eq(OrganizationStatus.ACTIVE.name()));
        if (!kinds.isEmpty()) {
            where = where.and(
                    ORGANIZATION.KIND.in(kinds.stream().map(Enum::name).toList()));
        }
        return dsl.select(ORGANIZATION.ID)
                .from(ORGANIZATION)
                .where(where)
                .orderBy(ORGANIZATION.ID)
                .fetch(ORGANIZATION.ID);
    }

    /**
     * The active organizations of a subtree (its root included) of the given kinds (all when empty), as a
     * derived table of {@code id} and {@code short_name} that another module's statement joins: an audience is
     * resolved in one statement instead of shipping thousands of ids back and forth.
     */
    org.jooq.Table<org.jooq.Record2<Long, String>> activeWithin(String path, java.util.Set<OrganizationKind> kinds) {
        org.jooq.Condition where =
                TreePaths.within(ORGANIZATION.PATH, path).and(ORGANIZATION.STATUS.eq(OrganizationStatus.ACTIVE.name()));
        if (!kinds.isEmpty()) {
            where = where.and(
                    ORGANIZATION.KIND.in(kinds.stream().map(Enum::name).toList()));
        }
        return dsl.select(ORGANIZATION.ID.as("id"), ORGANIZATION.SHORT_NAME.as("short_name"))
                .from(ORGANIZATION)
                .where(where)
                .asTable("audience_organization");
    }

    int subtreeSize(String path) {
        return dsl.fetchCount(ORGANIZATION, TreePaths.within(ORGANIZATION.PATH, path));
    }

    /**
     * Active organizations of one kind in a subtree, found by name or code, in Russian order; {@code only} (when
     * not null) keeps just those ids, {@code excluded} leaves those out.
     */
    Page<OrganizationNode> ofKindWithin(
            String path,
            OrganizationKind kind,
            String query,
            Collection<Long> only,
            Collection<Long> excluded,
            PageRequest page) {
        return ofKindWithin(path, kind, query, only, excluded, false, page);
    }

    /** The parents of the active organizations of one kind inside a subtree, each once. */
    List<Long> parentsOfKindWithin(String path, OrganizationKind kind) {
        return dsl.selectDistinct(ORGANIZATION.PARENT_ID)
                .from(ORGANIZATION)
                .where(TreePaths.within(ORGANIZATION.PATH, path)
                        .and(ORGANIZATION.KIND.eq(kind.name()))
                        .and(ORGANIZATION.STATUS.eq(OrganizationStatus.ACTIVE.name()))
                        .and(ORGANIZATION.PARENT_ID.isNotNull()))
                .fetch(ORGANIZATION.PARENT_ID);
    }

    /**
     * As above; {@code byParent} orders by the parent's name first, so that the organizations of one parent
     * stand together (four «Городская поликлиника № 1» under four parents are four groups, not one run).
     */
    Page<OrganizationNode> ofKindWithin(
            String path,
            OrganizationKind kind,
            String query,
            Collection<Long> only,
            Collection<Long> excluded,
            boolean byParent,
            PageRequest page) {
        Condition condition = TreePaths.within(ORGANIZATION.PATH, path)
                .and(ORGANIZATION.KIND.eq(kind.name()))
                .and(ORGANIZATION.STATUS.eq(OrganizationStatus.ACTIVE.name()));
        for (String word : RussianText.foldedKey(query == null ? "" : query).split(" ")) {
            if (!word.isEmpty()) {
                condition = condition.and(ORGANIZATION.SEARCH_TEXT.contains(word));
            }
        }
        if (only != null) {
            condition = only.isEmpty() ? DSL.falseCondition() : condition.and(ORGANIZATION.ID.in(only));
        }
        if (!excluded.isEmpty()) {
            condition = condition.and(ORGANIZATION.ID.notIn(excluded));
        }
        profkom.schema.tables.Organization parent = ORGANIZATION.as("parent_organization");
        List<OrganizationNode> items = dsl.select(nodeFields())
                .from(byParent ? ORGANIZATION.leftJoin(parent).on(parent.ID.eq(ORGANIZATION.PARENT_ID)) : ORGANIZATION)
                .where(condition)
                .orderBy(
                        byParent
                                ? List.of(
                                        parent.SORT_NAME.asc(),
                                        parent.ID.asc(),
                                        ORGANIZATION.SORT_NAME.asc(),
                                        ORGANIZATION.ID.asc())
                                : List.of(ORGANIZATION.SORT_NAME.asc(), ORGANIZATION.ID.asc()))
                .limit(page.size())
                .offset(page.offset())
                .fetch(OrganizationRepository::toNode);
        return new Page<>(items, page.page(), page.size(), dsl.fetchCount(ORGANIZATION, condition));
    }

    /** Searches names and codes inside the given subtrees (path prefixes) and single organizations. */
    Page<OrganizationNode> search(
            String query, Collection<String> subtreePaths, Collection<Long> singleIds, PageRequest page) {
        List<Condition> scope = new ArrayList<>();
        subtreePaths.forEach(path -> scope.add(TreePaths.within(ORGANIZATION.PATH, path)));
        if (!singleIds.isEmpty()) {
            scope.add(ORGANIZATION.ID.in(singleIds));
        }
        if (scope.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        Condition condition = DSL.or(scope);
        for (String word : RussianText.foldedKey(query).split(" ")) {
            if (!word.isEmpty()) {
                condition = condition.and(ORGANIZATION.SEARCH_TEXT.contains(word));
            }
        }
        List<OrganizationNode> items = dsl.select(nodeFields())
                .from(ORGANIZATION)
                .where(condition)
                .orderBy(ORGANIZATION.DEPTH, ORGANIZATION.SORT_NAME, ORGANIZATION.ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(OrganizationRepository::toNode);
        long total =
                items.size() < page.size() && page.page() == 0 ? items.size() : dsl.fetchCount(ORGANIZATION, condition);
        return new Page<>(items, page.page(), page.size(), total);
    }

    long insert(Long parentId, String parentPath, int depth, OrganizationForm form, Instant now) {
        OrganizationRecord record = dsl.newRecord(ORGANIZATION);
        record.setParentId(parentId);
        record.setPath("/");
        record.setDepth(depth);
        record.setKind(form.kind().name());
        record.setStatus(OrganizationStatus.ACTIVE.name());
        record.setCreatedAt(now);
        record.setVersion(0);
        fill(record, form, now);
        record.store();
        long id = record.getId();
        record.setPath((parentPath == null ? "/" : parentPath) + id + "/");
        record.store();
        insertPlacement(id, parentId, now, null);
        return id;
    }

    /** Updates the card if nobody changed it since {@code expectedVersion}; false when somebody did. */
    boolean update(long id, OrganizationForm form, int expectedVersion, Instant now) {
        OrganizationRecord record =
                dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchOne();
        if (record == null || record.getVersion() != expectedVersion) {
            return false;
        }
        fill(record, form, now);
        record.setVersion(expectedVersion + 1);
        return dsl.update(ORGANIZATION)
                        .set(record)
                        .where(ORGANIZATION.ID.eq(id).and(ORGANIZATION.VERSION.eq(expectedVersion)))
                        .execute()
                == 1;
    }

    private static void fill(OrganizationRecord record, OrganizationForm form, Instant now) {
        record.setCode(form.code());
        record.setFullName(form.fullName());
        record.setShortName(form.shortName());
        record.setSortName(RussianText.foldedKey(form.shortName()));
        record.setSearchText(RussianText.foldedKey(form.shortName() + " " + form.fullName() + " " + form.code()));
        record.setInn(form.inn());
        record.setAddress(form.address());
        record.setPhone(form.phone());
        record.setEmail(form.email());
        record.setWebsite(form.website());
        record.setEmployerName(form.employerName());
        record.setEmployerInn(form.employerInn());
        record.setHeadcount(form.headcount());
        record.setChairName(form.chairName());
        record.setInfoWorkerName(form.infoWorkerName());
        record.setUpdatedAt(now);
    }

    /** Re-roots a subtree: one statement rewrites the paths and depths of all its organizations. */
    void move(Organization organization, Organization newParent, Long actorId, Instant now) {
        String oldPath = organization.path();
        String newPath = newParent.path() + organization.id() + "/";
        int depthDelta = newParent.depth() + 1 - organization.depth();
        dsl.update(ORGANIZATION)
                .set(ORGANIZATION.PATH, TreePaths.moved(ORGANIZATION.PATH, oldPath, newPath))
                .set(ORGANIZATION.DEPTH, ORGANIZATION.DEPTH.plus(depthDelta))
                .where(TreePaths.within(ORGANIZATION.PATH, oldPath))
                .execute();
        dsl.update(ORGANIZATION)
                .set(ORGANIZATION.PARENT_ID, newParent.id())
                .set(ORGANIZATION.UPDATED_AT, now)
                .set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
                .where(ORGANIZATION.ID.eq(organization.id()))
                .execute();
        dsl.update(ORGANIZATION_PLACEMENT)
                .set(ORGANIZATION_PLACEMENT.VALID_TO, now)
                .where(ORGANIZATION_PLACEMENT.ORGANIZATION_ID.eq(organization.id()))
                .and(ORGANIZATION_PLACEMENT.VALID_TO.isNull())
                .execute();
        insertPlacement(organization.id(), newParent.id(), now, actorId);
    }

    void close(long id, OrganizationStatus status, LocalDate on, Long mergedIntoId, Instant now) {
        dsl.update(ORGANIZATION)
                .set(ORGANIZATION.STATUS, status.name())
                .set(ORGANIZATION.LIQUIDATED_ON, on)
                .set(ORGANIZATION.MERGED_INTO_ID, mergedIntoId)
                .set(ORGANIZATION.UPDATED_AT, now)
                .set(ORGANIZATION.VERSION, ORGANIZATION.VERSION.plus(1))
                .where(ORGANIZATION.ID.eq(id))
                .execute();
    }

    private void insertPlacement(long organizationId, Long parentId, Instant from, Long actorId) {
        dsl.insertInto(ORGANIZATION_PLACEMENT)
                .set(ORGANIZATION_PLACEMENT.ORGANIZATION_ID, organizationId)
                .set(ORGANIZATION_PLACEMENT.PARENT_ID, parentId)
                .set(ORGANIZATION_PLACEMENT.VALID_FROM, from)
                .set(ORGANIZATION_PLACEMENT.CHANGED_BY, actorId)
                .execute();
    }

    List<Placement> placements(long organizationId) {
        var parent = ORGANIZATION.as("parent");
        return dsl.select(
                        ORGANIZATION_PLACEMENT.ORGANIZATION_ID,
                        ORGANIZATION_PLACEMENT.PARENT_ID,
                        parent.SHORT_NAME,
                        ORGANIZATION_PLACEMENT.VALID_FROM,
                        ORGANIZATION_PLACEMENT.VALID_TO,
                        ORGANIZATION_PLACEMENT.CHANGED_BY)
                .from(ORGANIZATION_PLACEMENT)
                .leftJoin(parent)
                .on(parent.ID.eq(ORGANIZATION_PLACEMENT.PARENT_ID))
                .where(ORGANIZATION_PLACEMENT.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ORGANIZATION_PLACEMENT.VALID_FROM.desc(), ORGANIZATION_PLACEMENT.ID.desc())
                .fetch(r -> new Placement(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** The parent an organization had at a moment, empty when it did not exist yet or stood at the root. */
    Optional<Long> parentAt(long organizationId, Instant at) {
        OrganizationPlacement p = ORGANIZATION_PLACEMENT;
        return dsl.select(p.PARENT_ID)
                .from(p)
                .where(p.ORGANIZATION_ID.eq(organizationId))
                .and(p.VALID_FROM.le(at))
                .and(p.VALID_TO.isNull().or(p.VALID_TO.gt(at)))
                .orderBy(p.VALID_FROM.desc())
                .limit(1)
                .fetchOptional(p.PARENT_ID);
    }

    boolean existedAt(long organizationId, Instant at) {
        return dsl.fetchExists(
                ORGANIZATION_PLACEMENT,
                ORGANIZATION_PLACEMENT
                        .ORGANIZATION_ID
                        .eq(organizationId)
                        .and(ORGANIZATION_PLACEMENT.VALID_FROM.le(at)));
    }

    long count() {
        return dsl.fetchCount(ORGANIZATION);
    }

    private static List<Field<?>> nodeFields() {
        return List.of(
                ORGANIZATION.ID,
                ORGANIZATION.PARENT_ID,
                ORGANIZATION.KIND,
                ORGANIZATION.CODE,
                ORGANIZATION.SHORT_NAME,
                ORGANIZATION.STATUS,
                HAS_CHILDREN);
    }

    private static OrganizationNode toNode(Record r) {
        return new OrganizationNode(
                r.get(ORGANIZATION.ID),
                r.get(ORGANIZATION.PARENT_ID),
                OrganizationKind.valueOf(r.get(ORGANIZATION.KIND)),
                r.get(ORGANIZATION.CODE),
                r.get(ORGANIZATION.SHORT_NAME),
                OrganizationStatus.valueOf(r.get(ORGANIZATION.STATUS)),
                Boolean.TRUE.equals(r.get(HAS_CHILDREN)));
    }

    List<Organization> activeOfKindsWithin(String path, java.util.Collection<OrganizationKind> kinds) {
        return dsl.selectFrom(ORGANIZATION)
                .where(TreePaths.within(ORGANIZATION.PATH, path))
                .and(ORGANIZATION.KIND.in(kinds.stream().map(Enum::name).toList()))
                .and(ORGANIZATION.STATUS.eq(OrganizationStatus.ACTIVE.name()))
                .orderBy(ORGANIZATION.PATH)
                .fetch(OrganizationRepository::toOrganization);
    }

    static Organization toOrganization(OrganizationRecord r) {
        return new Organization(
                r.getId(),
                r.getParentId(),
                r.getPath(),
                r.getDepth(),
                OrganizationKind.valueOf(r.getKind()),
                r.getCode(),
                r.getFullName(),
                r.getShortName(),
                r.getInn(),
                r.getAddress(),
                r.getPhone(),
                r.getEmail(),
                r.getWebsite(),
                r.getEmployerName(),
                r.getEmployerInn(),
                r.getHeadcount(),
                r.getChairName(),
                r.getInfoWorkerName(),
                OrganizationStatus.valueOf(r.getStatus()),
                r.getLiquidatedOn(),
                r.getMergedIntoId(),
                r.getUpdatedAt(),
                r.getVersion());
    }
}
