package ru.profkom.organizations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import ru.profkom.organizations.OrganizationEvents.BodyAttached;
import ru.profkom.organizations.OrganizationEvents.BodyDetached;
import ru.profkom.organizations.OrganizationEvents.FieldChange;
import ru.profkom.organizations.OrganizationEvents.OrganizationCreated;
import ru.profkom.organizations.OrganizationEvents.OrganizationLiquidated;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;
import ru.profkom.organizations.OrganizationEvents.OrganizationUpdated;
import ru.profkom.organizations.OrganizationEvents.OrganizationsMerged;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Role;
import ru.profkom.shared.Scope;
import ru.profkom.shared.Validation;

/**
 * The organization tree: every query and command checks the current actor's grants against the
 * organization's path before it reads or writes anything.
 *
 * <p>Over 450 lines on purpose: it is the one facade of the tree, called from 65 classes of 13 other modules, and
 * each of its public methods is its access check plus a call; the form's rules are {@link OrganizationRules}', the
 * bodies {@link BodyRepository}'s. Splitting the API itself (the commands into a service of their own) changes
 * every caller and is a step of its own.
 */
@Service
@Transactional
public class Organizations {

    static final String NOT_FOUND = "organization.notFound";

    private final OrganizationRepository repository;
    private final BodyRepository bodies;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final List<LiquidationCheck> liquidationChecks;
    private final Clock clock;

    Organizations(
            OrganizationRepository repository,
            BodyRepository bodies,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            List<LiquidationCheck> liquidationChecks,
            Clock clock) {
        this.repository = repository;
        this.bodies = bodies;
        this.currentActor = currentActor;
        this.events = events;
        this.liquidationChecks = liquidationChecks;
        this.clock = clock;
    }

    // ---- queries ---------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Organization get(long id) {
        return readable(id);
    }

    /**
     * The active primary and shop organizations of a subtree, where members are registered: for
     * generators and bulk loads, which run as the system.
     */
    @Transactional(readOnly = true)
    public List<Organization> membershipHoldersWithin(long rootId) {
        Organization root = readable(rootId);
        return repository.activeOfKindsWithin(root.path(), List.of(OrganizationKind.PRIMARY, OrganizationKind.SHOP));
    }

    /**
     * The organizations where the current actor's grants start: the roots of what they see, the subtrees of
     * their staff grants and the organizations they are a member of outside those.
     */
    @Transactional(readOnly = true)
    public List<OrganizationNode> scopeRoots() {
        Actor actor = currentActor.get();
        if (actor.system()) {
            return repository.nodes(repository.rootIds());
        }
        Scope scope = scope();
        GrantPaths grants = grantPaths(actor);
        List<Long> roots = new ArrayList<>();
        for (String root : scope.roots()) {
            roots.add(idsOf(root).getLast());
        }
        for (Grant grant : actor.grants()) {
            String path = grants.paths().get(grant.organizationId());
            if (path != null && !scope.covers(path) && !roots.contains(grant.organizationId())) {
                roots.add(grant.organizationId());
            }
        }
        return repository.nodes(roots);
    }

    @Transactional(readOnly = true)
    public Page<OrganizationNode> children(long id, boolean includeClosed, PageRequest page) {
        Organization parent = readable(id);
        if (!scope().covers(parent.path())) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        return repository.children(id, includeClosed, page);
    }

    @Transactional(readOnly = true)
    public List<Crumb> breadcrumbs(long id) {
        Organization organization = readable(id);
        return crumbs(organization.path());
    }

    private List<Crumb> crumbs(String path) {
        List<Long> ids = idsOf(path);
        Map<Long, OrganizationNode> nodes =
                repository.nodes(ids).stream().collect(Collectors.toMap(OrganizationNode::id, Function.identity()));
        List<Crumb> crumbs = new ArrayList<>();
        StringBuilder prefix = new StringBuilder("/");
        for (Long ancestorId : ids) {
            prefix.append(ancestorId).append('/');
            OrganizationNode node = nodes.get(ancestorId);
            if (node != null) {
                crumbs.add(new Crumb(node.id(), node.kind(), node.shortName(), canRead(node.id(), prefix.toString())));
            }
        }
        return crumbs;
    }

    @Transactional(readOnly = true)
    public Page<OrganizationNode> search(String query, PageRequest page) {
        Actor actor = currentActor.get();
        if (actor.system()) {
            return repository.search(query == null ? "" : query, List.of("/"), List.of(), page);
        }
        List<Long> singles = actor.grants().stream()
                .filter(g -> !g.role().coversSubtree())
                .map(Grant::organizationId)
                .distinct()
                .toList();
        return repository.search(query == null ? "" : query, scope().roots(), singles, page);
    }

    /**
     * Active organizations of one kind in the subtree of an organization the actor covers with a subtree role,
     * found by name or code, in Russian order. {@code only} (when not null) keeps just those ids and
     * {@code excluded} leaves those out: how another module lists, say, the primary organizations that did or did
     * not send something.
     */
    @Transactional(readOnly = true)
    public Page<OrganizationNode> ofKindWithin(
            long id,
            OrganizationKind kind,
            String query,
            java.util.Collection<Long> only,
            java.util.Collection<Long> excluded,
            PageRequest page) {
        Organization organization = readable(id);
        if (!scope().covers(organization.path())) {
            throw ProfkomException.forbidden("access.denied");
        }
        return repository.ofKindWithin(organization.path(), kind, query, only, excluded, page);
    }

    /**
     * As {@link #ofKindWithin(long, OrganizationKind, String, java.util.Collection, java.util.Collection,
     * PageRequest)}, ordered by parent first when {@code byParent}: the organizations of one parent stand together.
     */
    @Transactional(readOnly = true)
    public Page<OrganizationNode> ofKindWithin(
            long id,
            OrganizationKind kind,
            String query,
            java.util.Collection<Long> only,
            java.util.Collection<Long> excluded,
            boolean byParent,
            PageRequest page) {
        Organization organization = readable(id);
        if (!scope().covers(organization.path())) {
            throw ProfkomException.forbidden("access.denied");
        }
        return repository.ofKindWithin(organization.path(), kind, query, only, excluded, byParent, page);
    }

    /**
     * An organization between a subtree's root and the organizations of one kind inside it: its name, the names
     * from below the root down to it (« › » between), and its depth below the root (0 for a child).
     */
    public record Level(long id, String shortName, String chain, int depth) {}

    /**
     * The organizations between the root and its active organizations of one kind (a region's territorial
     * organizations, the union's regions and theirs), in the tree's order by name: what lists of those
     * organizations are grouped and filtered by.
     */
    @Transactional(readOnly = true)
    public List<Level> levelsAbove(long id, OrganizationKind kind) {
        Organization root = readable(id);
        if (!scope().covers(root.path())) {
            throw ProfkomException.forbidden("access.denied");
        }
        Map<Long, List<Long>> chains = new java.util.LinkedHashMap<>();
        for (String path : repository
                .pathsById(repository.parentsOfKindWithin(root.path(), kind))
                .values()) {
            List<Long> between = below(root.id(), idsOf(path));
            for (int i = 0; i < between.size(); i++) {
                chains.putIfAbsent(between.get(i), List.copyOf(between.subList(0, i + 1)));
            }
        }
        Map<Long, String> names = shortNames(chains.keySet());
        java.text.Collator russian = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("ru"));
        return chains.entrySet().stream()
                .map(entry -> new Level(
                        entry.getKey(),
                        names.getOrDefault(entry.getKey(), ""),
                        entry.getValue().stream()
                                .map(ancestor -> names.getOrDefault(ancestor, ""))
                                .collect(Collectors.joining(" › ")),
                        entry.getValue().size() - 1))
                .sorted(java.util.Comparator.comparing(
                        (Level level) -> java.util.Arrays.asList(level.chain().split(" › ")), (a, b) -> {
                            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                                int order = russian.compare(a.get(i), b.get(i));
                                if (order != 0) {
                                    return order;
                                }
                            }
                            return Integer.compare(a.size(), b.size());
                        }))
                .toList();
    }

    /**
     * For each organization, the names of its ancestors strictly below the root, from the top (« › » between;
     * empty for a child of the root): where it stands in the root's subtree. Names are not personal data.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> chainsBelow(long rootId, java.util.Collection<Long> ids) {
        Map<Long, String> paths = repository.pathsById(ids);
        Map<Long, List<Long>> between = new java.util.HashMap<>();
        java.util.Set<Long> named = new java.util.HashSet<>();
        paths.forEach((id, path) -> {
            List<Long> chain = below(rootId, idsOf(path));
            List<Long> ancestors = chain.isEmpty() ? List.of() : chain.subList(0, chain.size() - 1);
            between.put(id, ancestors);
            named.addAll(ancestors);
        });
        Map<Long, String> names = shortNames(named);
        Map<Long, String> chains = new java.util.HashMap<>();
        between.forEach((id, ancestors) -> chains.put(
                id, ancestors.stream().map(a -> names.getOrDefault(a, "")).collect(Collectors.joining(" › "))));
        return chains;
    }

    /** The ids of a path after the root's (the organization's own last), or all when the root is not on it. */
    private static List<Long> below(long rootId, List<Long> path) {
        int at = path.indexOf(rootId);
        return at < 0 ? path : path.subList(at + 1, path.size());
    }

    @Transactional(readOnly = true)
    public List<Placement> placementHistory(long id) {
        readable(id);
        return repository.placements(id);
    }

    /** The breadcrumbs as they stood at the end of a day, following the placement history upward. */
    @Transactional(readOnly = true)
    public List<Crumb> breadcrumbsAt(long id, LocalDate date) {
        readable(id);
        Instant at = MoscowTime.startOf(date.plusDays(1)).minusNanos(1);
        if (!repository.existedAt(id, at)) {
            return List.of();
        }
        List<Long> chain = new ArrayList<>();
        Long current = id;
        while (current != null && chain.size() < 32 && !chain.contains(current)) {
            chain.addFirst(current);
            current = repository.parentAt(current, at).orElse(null);
        }
        String path = chain.stream().map(String::valueOf).collect(Collectors.joining("/", "/", "/"));
        return crumbs(path);
    }

    @Transactional(readOnly = true)
    public List<AttachedBody> bodies(long id) {
        readable(id);
        return bodies.of(id);
    }

    /** Whether {@code organizationId} lies inside the subtree of {@code ancestorId} (itself included). */
    @Transactional(readOnly = true)
    public boolean isWithin(long organizationId, long ancestorId) {
        return repository
                .pathOf(organizationId)
                .map(path -> path.contains("/" + ancestorId + "/"))
                .orElse(false);
    }

    /** The stored path of an organization, for modules that index by subtree. */
    @Transactional(readOnly = true)
    public Optional<String> pathOf(long organizationId) {
        return repository.pathOf(organizationId);
    }

    /**
     * The subtrees where the current actor holds a staff role. The paths of the actor's grants are read once
     * per request (the first time it asks) and kept in the request for as long as the actor is the same.
     */
    public Scope scope() {
        return scope(Role::coversSubtree);
    }

    /** The subtrees where the current actor holds a staff role that passes {@code roles}. */
    private Scope scope(Predicate<Role> roles) {
        Actor actor = currentActor.get();
        if (actor.system()) {
            return Scope.EVERYTHING;
        }
        Map<Long, String> paths = grantPaths(actor).paths();
        return Scope.of(actor, id -> Optional.ofNullable(paths.get(id)), roles);
    }

    private GrantPaths grantPaths(Actor actor) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(GRANT_PATHS, RequestAttributes.SCOPE_REQUEST) instanceof GrantPaths cached
                && cached.actor().equals(actor)) {
            return cached;
        }
        GrantPaths grants = new GrantPaths(
                actor,
                repository.pathsById(
                        actor.grants().stream().map(Grant::organizationId).collect(Collectors.toSet())));
        if (request != null) {
            request.setAttribute(GRANT_PATHS, grants, RequestAttributes.SCOPE_REQUEST);
        }
        return grants;
    }

    private static final String GRANT_PATHS = Organizations.class.getName() + ".grantPaths";

    /** The path of the organization of each of an actor's grants. */
    private record GrantPaths(Actor actor, Map<Long, String> paths) {}

    /** Every organization's path and headcount, streamed, for read models (statistics' membership level). */
    @Transactional(readOnly = true)
    public void forEachHeadcount(java.util.function.Consumer<OrganizationHeadcount> rows) {
        repository.forEachHeadcount(org.jooq.impl.DSL.trueCondition(), rows);
    }

    /** One organization's path and headcount, without an access check: neither is personal data. */
    @Transactional(readOnly = true)
    public Optional<OrganizationHeadcount> headcountOf(long organizationId) {
        List<OrganizationHeadcount> found = new ArrayList<>();
        repository.forEachHeadcount(profkom.schema.Tables.ORGANIZATION.ID.eq(organizationId), found::add);
        return found.stream().findFirst();
    }

    /** Whether the current actor may read the organization's card; never throws. */
    @Transactional(readOnly = true)
    public boolean canRead(long organizationId) {
        return repository
                .pathOf(organizationId)
                .map(path -> canRead(organizationId, path))
                .orElse(false);
    }

    /** Whether the current actor administers the organization (structure, roles, audit). */
    @Transactional(readOnly = true)
    public boolean canManage(long organizationId) {
        return repository
                .pathOf(organizationId)
                .map(scope(Role::administers)::covers)
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean canEdit(long organizationId) {
        return repository
                .pathOf(organizationId)
                .map(scope(Role::editsOrganizationCard)::covers)
                .orElse(false);
    }

    /**
     * The ids of the active organizations below one the current actor edits, of the given kinds (all
     * when empty): the recipients of what it sends down its subtree.
     */
    @Transactional(readOnly = true)
    public List<Long> activeDescendantIds(long id, java.util.Set<OrganizationKind> kinds) {
        Organization organization = readable(id);
        if (!scope(Role::editsOrganizationCard).covers(organization.path())) {
            throw ProfkomException.forbidden("access.denied");
        }
        return repository.activeDescendantIds(organization.path(), kinds);
    }

    /**
     * The active organizations of a subtree, root included, of the given kinds (all when empty), as a derived
     * table ({@code id}, {@code short_name}) for a statement of another module to join; the caller has checked
     * the subtree against its scope. Nothing is read until that statement runs.
     */
    public org.jooq.Table<org.jooq.Record2<Long, String>> activeWithinTable(
            String path, java.util.Set<OrganizationKind> kinds) {
        return repository.activeWithin(path, kinds);
    }

    /** Paths by id, for read models that roll figures up the tree; a path is not personal data. */
    @Transactional(readOnly = true)
    public Map<Long, String> pathsById(java.util.Collection<Long> ids) {
        Map<Long, String> paths = new java.util.HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 10_000) {
            paths.putAll(repository.pathsById(all.subList(from, Math.min(all.size(), from + 10_000))));
        }
        return paths;
    }

    /** Short names by id; names of organizations are not personal data and are public on the portal. */
    @Transactional(readOnly = true)
    public Map<Long, String> shortNames(java.util.Collection<Long> ids) {
        return repository.nodes(ids).stream()
                .collect(Collectors.toMap(OrganizationNode::id, OrganizationNode::shortName));
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    // ---- commands --------------------------------------------------------------------------

    public Organization createChild(long parentId, OrganizationForm form) {
        Organization parent = manageable(parentId);
        if (!parent.active()) {
            throw ProfkomException.conflict("organization.closedParent", parent.shortName());
        }
        OrganizationForm clean = OrganizationRules.check(form, code -> repository.codeTaken(code, null));
        if (clean.kind() == null || !parent.kind().mayContain(clean.kind())) {
            throw ProfkomException.invalid("kind", "organization.kindNotAllowed");
        }
        return create(parent, clean);
    }

    /** Creates the union's root; allowed to the system only, once. */
    public Organization createUnion(OrganizationForm form) {
        if (!currentActor.get().system()) {
            throw ProfkomException.forbidden("access.denied");
        }
        OrganizationForm clean = OrganizationRules.check(
                form.withKind(OrganizationKind.UNION), code -> repository.codeTaken(code, null));
        return create(null, clean);
    }

    private Organization create(Organization parent, OrganizationForm form) {
        Instant now = clock.instant();
        long id = repository.insert(
                parent == null ? null : parent.id(),
                parent == null ? null : parent.path(),
                parent == null ? 0 : parent.depth() + 1,
                form,
                now);
        Organization created = repository.find(id).orElseThrow();
        events.publishEvent(
                new OrganizationCreated(id, created.path(), created.code(), created.shortName(), currentActor.get()));
        return created;
    }

    public Organization update(long id, OrganizationForm form) {
        Organization current = readable(id);
        if (!scope(Role::editsOrganizationCard).covers(current.path())) {
            throw ProfkomException.forbidden("access.denied");
        }
        if (!current.active()) {
            throw ProfkomException.conflict("organization.closed", current.shortName());
        }
        if (form.version() == null) {
            // Without the version the user saw, another editor's change would be overwritten unnoticed.
            throw ProfkomException.invalid("version", "validation.required");
        }
        OrganizationForm clean =
                OrganizationRules.check(form.withKind(current.kind()), code -> repository.codeTaken(code, id));
        int expected = form.version();
        if (!repository.update(id, clean, expected, clock.instant())) {
            throw ProfkomException.conflict("organization.changedMeanwhile");
        }
        List<FieldChange> changes = OrganizationRules.changes(current.toForm(), clean);
        if (!changes.isEmpty()) {
            events.publishEvent(new OrganizationUpdated(id, current.path(), changes, currentActor.get()));
        }
        return repository.find(id).orElseThrow();
    }

    public Organization move(long id, long newParentId) {
        Organization organization = manageableForUpdate(id);
        Organization newParent = manageableForUpdate(newParentId);
        if (organization.parentId() == null) {
            throw ProfkomException.invalid("newParentId", "organization.move.root");
        }
        if (newParent.path().startsWith(organization.path())) {
            throw ProfkomException.invalid("newParentId", "organization.move.intoOwnSubtree");
        }
        if (!organization.active() || !newParent.active()) {
            throw ProfkomException.conflict("organization.move.closed");
        }
        if (!newParent.kind().mayContain(organization.kind())) {
            throw ProfkomException.invalid("newParentId", "organization.kindNotAllowed");
        }
        if (Objects.equals(organization.parentId(), newParentId)) {
            return organization;
        }
        // The actor must also administer the place the organization leaves.
        manageable(organization.parentId());
        int subtreeSize = repository.subtreeSize(organization.path());
        Actor actor = currentActor.get();
        repository.move(organization, newParent, actor.accountId(), clock.instant());
        Organization moved = repository.find(id).orElseThrow();
        events.publishEvent(new OrganizationMoved(
                id, organization.path(), moved.path(), organization.parentId(), newParentId, subtreeSize, actor));
        return moved;
    }

    /** Merges {@code sourceId} into {@code targetId}: the children move over, the source closes. */
    public Organization merge(long sourceId, long targetId) {
        Organization source = manageableForUpdate(sourceId);
        Organization target = manageableForUpdate(targetId);
        if (sourceId == targetId) {
            throw ProfkomException.invalid("targetId", "organization.merge.same");
        }
        if (target.path().startsWith(source.path()) || source.path().startsWith(target.path())) {
            throw ProfkomException.invalid("targetId", "organization.merge.related");
        }
        if (source.kind() != target.kind()) {
            throw ProfkomException.invalid("targetId", "organization.merge.kinds");
        }
        if (!source.active() || !target.active()) {
            throw ProfkomException.conflict("organization.move.closed");
        }
        Actor actor = currentActor.get();
        Instant now = clock.instant();
        for (Long childId : repository.childIds(sourceId)) {
            Organization child = repository.findForUpdate(childId).orElseThrow();
            Organization currentTarget = repository.find(targetId).orElseThrow();
            int subtreeSize = repository.subtreeSize(child.path());
            repository.move(child, currentTarget, actor.accountId(), now);
            events.publishEvent(new OrganizationMoved(
                    childId,
                    child.path(),
                    currentTarget.path() + childId + "/",
                    sourceId,
                    targetId,
                    subtreeSize,
                    actor));
        }
        repository.close(sourceId, OrganizationStatus.MERGED, MoscowTime.today(clock), targetId, now);
        events.publishEvent(new OrganizationsMerged(sourceId, targetId, source.path(), target.path(), actor));
        return repository.find(targetId).orElseThrow();
    }

    public Organization liquidate(long id, LocalDate on) {
        Organization organization = manageableForUpdate(id);
        if (organization.parentId() == null) {
            throw ProfkomException.invalid(null, "organization.liquidate.root");
        }
        if (!organization.active()) {
            throw ProfkomException.conflict("organization.closed", organization.shortName());
        }
        LocalDate today = MoscowTime.today(clock);
        LocalDate date = on == null ? today : on;
        if (date.isAfter(today)) {
            throw ProfkomException.invalid("date", "organization.liquidate.future");
        }
        int activeChildren = repository.activeChildCount(id);
        if (activeChildren > 0) {
            throw ProfkomException.conflict("organization.liquidate.children", activeChildren);
        }
        for (LiquidationCheck check : liquidationChecks) {
            Optional<LiquidationCheck.Refusal> refusal = check.refusal(id);
            if (refusal.isPresent()) {
                throw ProfkomException.conflict(
                        refusal.get().messageKey(), refusal.get().arguments());
            }
        }
        repository.close(id, OrganizationStatus.LIQUIDATED, date, null, clock.instant());
        events.publishEvent(new OrganizationLiquidated(id, organization.path(), date, currentActor.get()));
        return repository.find(id).orElseThrow();
    }

    public AttachedBody attachBody(long organizationId, BodyKind kind, String name, String chairName) {
        Organization organization = readable(organizationId);
        if (!scope(Role::editsOrganizationCard).covers(organization.path())) {
            throw ProfkomException.forbidden("access.denied");
        }
        Validation validation = new Validation()
                .required("name", name)
                .maxLength("name", name, 300)
                .maxLength("chairName", chairName, 200);
        if (kind == null) {
            validation.reject("kind", "validation.required");
        }
        validation.throwIfInvalid();
        long bodyId = bodies.insert(
                organizationId, kind, name.strip(), OrganizationRules.blankToNull(chairName), clock.instant());
        events.publishEvent(
                new BodyAttached(organizationId, organization.path(), bodyId, name.strip(), currentActor.get()));
        return bodies.find(bodyId).orElseThrow();
    }

    public void detachBody(long organizationId, long bodyId) {
        Organization organization = readable(organizationId);
        if (!scope(Role::editsOrganizationCard).covers(organization.path())) {
            throw ProfkomException.forbidden("access.denied");
        }
        AttachedBody body = bodies.find(bodyId)
                .filter(b -> b.organizationId() == organizationId)
                .orElseThrow(() -> ProfkomException.notFound("organization.body.notFound"));
        bodies.delete(bodyId);
        events.publishEvent(
                new BodyDetached(organizationId, organization.path(), bodyId, body.name(), currentActor.get()));
    }

    // ---- access ----------------------------------------------------------------------------

    private Organization readable(long id) {
        Organization organization = repository.find(id).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        if (!canRead(id, organization.path())) {
            // Outside the actor's subtrees an organization is as good as absent.
            throw ProfkomException.notFound(NOT_FOUND);
        }
        return organization;
    }

    private Organization manageable(long id) {
        Organization organization = readable(id);
        if (!scope(Role::administers).covers(organization.path())) {
            throw ProfkomException.forbidden("access.denied");
        }
        return organization;
    }

    private Organization manageableForUpdate(long id) {
        manageable(id);
        return repository.findForUpdate(id).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
    }

    /** Staff see their subtrees; a member sees the card of their own organization. */
    private boolean canRead(long id, String path) {
        return scope().covers(path)
                || currentActor.get().grants().stream().anyMatch(grant -> grant.organizationId() == id);
    }

    static List<Long> idsOf(String path) {
        return Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }
}
