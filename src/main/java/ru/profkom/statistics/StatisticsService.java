package ru.profkom.statistics;

import static profkom.schema.Tables.STAT_DAY;
import static profkom.schema.Tables.STAT_MONTH;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/** Reads the counters; see {@link MembershipStatistics}. */
@Service
@Transactional(readOnly = true)
class StatisticsService implements MembershipStatistics {

    /** The longest period a movement or a series may span. */
    static final int MAX_YEARS = 100;

    private final StatisticsRepository repository;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final StatisticsRecount recount;

    StatisticsService(
            StatisticsRepository repository,
            Organizations organizations,
            CurrentActor currentActor,
            Clock clock,
            StatisticsRecount recount) {
        this.repository = repository;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.clock = clock;
        this.recount = recount;
    }

    @Override
    public MembershipFigures figures(long organizationId, LocalDate date) {
        requireReadable(organizationId);
        LocalDate at = checkedDate("date", date);
        return figures(List.of(organizationId), at).get(organizationId);
    }

    @Override
    public MembershipMovement movement(long organizationId, LocalDate from, LocalDate to) {
        requireReadable(organizationId);
        checkPeriod(from, to);
        long[] sums = repository
                .sums(STAT_DAY, STAT_DAY.ORGANIZATION_ID.eq(organizationId).and(STAT_DAY.CHANGE_DAY.between(from, to)))
                .getOrDefault(organizationId, new long[Changes.WIDTH]);
        return toMovement(organizationId, from, to, sums);
    }

    private static MembershipMovement toMovement(long organizationId, LocalDate from, LocalDate to, long[] sums) {
        Map<ExitReason, Long> exits = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) {
            if (reason != ExitReason.TRANSFER) {
                exits.put(reason, sums[Changes.exitColumn(reason)]);
            }
        }
        return new MembershipMovement(
                organizationId,
                from,
                to,
                sums[Changes.JOINED],
                sums[Changes.TRANSFERS_IN],
                exits,
                sums[Changes.TRANSFERS_OUT]);
    }

    @Override
    public List<MonthlyPoint> monthlySeries(long organizationId, LocalDate from, LocalDate to) {
        requireReadable(organizationId);
        checkPeriod(from, to);
        LocalDate firstMonth = from.withDayOfMonth(1);
        LocalDate lastMonth = to.withDayOfMonth(1);
        long[] running =
                before(List.of(organizationId), firstMonth).getOrDefault(organizationId, new long[Changes.WIDTH]);
        Map<LocalDate, long[]> months = repository.monthRows(organizationId, firstMonth, lastMonth);
        long[] partial = repository
                .sums(
                        STAT_DAY,
                        STAT_DAY.ORGANIZATION_ID.eq(organizationId).and(STAT_DAY.CHANGE_DAY.between(lastMonth, to)))
                .getOrDefault(organizationId, new long[Changes.WIDTH]);
        List<MonthlyPoint> points = new ArrayList<>();
        running = running.clone();
        for (LocalDate month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            long[] change = month.equals(lastMonth) ? partial : months.getOrDefault(month, new long[Changes.WIDTH]);
            for (int i = 0; i < Changes.WIDTH; i++) {
                running[i] += change[i];
            }
            long exited = 0;
            for (int i = Changes.EXITED; i < Changes.CATEGORY; i++) {
                exited += change[i];
            }
            points.add(new MonthlyPoint(
                    YearMonth.from(month),
                    running[Changes.MEMBERS],
                    change[Changes.JOINED],
                    exited,
                    change[Changes.TRANSFERS_IN],
                    change[Changes.TRANSFERS_OUT]));
        }
        return points;
    }

    @Override
    public Page<ChildFigures> childrenFigures(long organizationId, LocalDate date, PageRequest page) {
        requireReadable(organizationId);
        LocalDate at = checkedDate("date", date);
        if (!organizations.canRead(organizationId)) {
            // Staff of a descendant read the ancestor's figures, not the rest of its subtree.
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        Page<OrganizationNode> children = organizations.children(organizationId, false, page);
        Map<Long, MembershipFigures> figures =
                figures(children.items().stream().map(OrganizationNode::id).toList(), at);
        return children.map(child -> new ChildFigures(
                child.id(), child.shortName(), child.kind(), child.hasChildren(), figures.get(child.id())));
    }

    @Override
    public Page<ChildMovement> childrenMovement(long organizationId, LocalDate from, LocalDate to, PageRequest page) {
        requireReadable(organizationId);
        checkPeriod(from, to);
        if (!organizations.canRead(organizationId)) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        Page<OrganizationNode> children = organizations.children(organizationId, false, page);
        List<Long> ids = children.items().stream().map(OrganizationNode::id).toList();
        Map<Long, long[]> sums = ids.isEmpty()
                ? Map.of()
                : repository.sums(
                        STAT_DAY, STAT_DAY.ORGANIZATION_ID.in(ids).and(STAT_DAY.CHANGE_DAY.between(from, to)));
        return children.map(child -> new ChildMovement(
                child.id(),
                child.shortName(),
                child.kind(),
                toMovement(child.id(), from, to, sums.getOrDefault(child.id(), new long[Changes.WIDTH]))));
    }

    @Override
    public boolean canRead(long organizationId) {
        return access(organizationId) == Access.READ;
    }

    @Override
    @Transactional(readOnly = false)
    public RecountReport recount() {
        if (!currentActor.get().system()
                && !currentActor.get().grants().stream()
                        .anyMatch(grant -> grant.role() == ru.profkom.shared.Role.UNION_ADMIN)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return CurrentActor.asSystem(recount::run);
    }

    // ---- figures ---------------------------------------------------------------------------

    /** The figures of several organizations at the end of a day: months before its month, then its days. */
    Map<Long, MembershipFigures> figures(List<Long> ids, LocalDate at) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        LocalDate month = at.withDayOfMonth(1);
        Map<Long, long[]> before = before(ids, month);
        Map<Long, long[]> days =
                repository.sums(STAT_DAY, STAT_DAY.ORGANIZATION_ID.in(ids).and(STAT_DAY.CHANGE_DAY.between(month, at)));
        Map<Long, Long> headcounts = repository.subtreeHeadcounts(ids);
        return ids.stream().collect(Collectors.toMap(id -> id, id -> {
            long[] sums = before.getOrDefault(id, new long[Changes.WIDTH]).clone();
            long[] inMonth = days.getOrDefault(id, new long[Changes.WIDTH]);
            for (int i = 0; i < Changes.WIDTH; i++) {
                sums[i] += inMonth[i];
            }
            return toFigures(id, at, sums, headcounts.getOrDefault(id, 0L));
        }));
    }

    private Map<Long, long[]> before(List<Long> ids, LocalDate month) {
        Condition condition = STAT_MONTH.ORGANIZATION_ID.in(ids).and(STAT_MONTH.CHANGE_MONTH.lt(month));
        return repository.sums(STAT_MONTH, condition);
    }

    static MembershipFigures toFigures(long organizationId, LocalDate at, long[] sums, long headcount) {
        Map<Category, Long> categories = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            categories.put(category, sums[Changes.CATEGORY + category.ordinal()]);
        }
        long members = sums[Changes.MEMBERS];
        long men = sums[Changes.MEN];
        long women = sums[Changes.WOMEN];
        return new MembershipFigures(
                organizationId,
                at,
                members,
                categories,
                men,
                women,
                members - men - women,
                sums[Changes.YOUTH],
                headcount);
    }

    // ---- access and rules ------------------------------------------------------------------

    enum Access {
        READ,
        FORBIDDEN,
        ABSENT
    }

    /**
     * Staff read the statistics of their subtrees and of the organizations above them; a member of the
     * organization may not (403); anyone else does not see it (404).
     */
    Access access(long organizationId) {
        Optional<String> path = organizations.pathOf(organizationId);
        if (path.isEmpty()) {
            return Access.ABSENT;
        }
        if (organizations.scope().readsStatisticsOf(path.get())) {
            return Access.READ;
        }
        return organizations.canRead(organizationId) ? Access.FORBIDDEN : Access.ABSENT;
    }

    void requireReadable(long organizationId) {
        switch (access(organizationId)) {
            case READ -> {}
            case FORBIDDEN -> throw ProfkomException.forbidden("access.denied");
            case ABSENT -> throw ProfkomException.notFound("organization.notFound");
        }
    }

    LocalDate today() {
        return MoscowTime.today(clock);
    }

    private LocalDate checkedDate(String field, LocalDate date) {
        if (date == null) {
            return today();
        }
        if (date.isAfter(today())) {
            throw ProfkomException.invalid(field, "statistics.date.future");
        }
        return date;
    }

    private void checkPeriod(LocalDate from, LocalDate to) {
        Validation validation = new Validation();
        if (from == null) {
            validation.reject("from", "validation.required");
        }
        if (to == null) {
            validation.reject("to", "validation.required");
        }
        if (to != null && to.isAfter(today())) {
            validation.reject("to", "statistics.date.future");
        }
        if (from != null && to != null && from.isAfter(to)) {
            validation.reject("from", "statistics.period.reversed");
        }
        if (from != null && to != null && from.plusYears(MAX_YEARS).isBefore(to)) {
            validation.reject("from", "statistics.period.tooLong", MAX_YEARS);
        }
        validation.throwIfInvalid();
    }

    static List<Long> idsOf(String path) {
        return Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::valueOf)
                .toList();
    }
}
