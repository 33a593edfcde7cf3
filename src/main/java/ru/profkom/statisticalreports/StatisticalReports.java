package ru.profkom.statisticalreports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.RussianText;
import ru.profkom.statisticalreports.ReportRules.LineValue;
import ru.profkom.statisticalreports.StatisticalReportEvents.LineChange;
import ru.profkom.statisticalreports.StatisticalReportEvents.StatisticalReportAccepted;
import ru.profkom.statisticalreports.StatisticalReportEvents.StatisticalReportReturned;
import ru.profkom.statisticalreports.StatisticalReportEvents.StatisticalReportSaved;
import ru.profkom.statisticalreports.StatisticalReportEvents.StatisticalReportSubmitted;
import ru.profkom.statisticalreports.StatisticalReportRepository.Stored;
import ru.profkom.statisticalreports.StatisticalReportRepository.StoredLine;

/**
 * The yearly statistical report of each organization (A4). Staff of the organization (its chair, information
 * worker, administrators, and staff above it) read it, fill it and submit it to the parent organization; staff
 * of the parent accept it or return it with a comment. Until submitted the registry's lines follow the registry;
 * on submission every line is fixed together with the consolidated figure: the organization's own value plus
 * the reports of its children that the organization has accepted. Anyone outside the organization's subtrees
 * gets "not found", a member of it "forbidden"; nothing is stored when a request is refused.
 *
 * <p>Longer than a facade should be because it holds every command of one aggregate's life (fill, submit,
 * accept, return, reopen, roll up) with its access check and transaction; the rules and transitions themselves
 * are in {@code ReportRules} and {@code ReportStatus}, the SQL in the repository.
 */
@Service
@Transactional
public class StatisticalReports {

    private final StatisticalReportRepository repository;
    private final RegistryFigures registry;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatisticalReports(
            StatisticalReportRepository repository,
            RegistryFigures registry,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** The last year that has ended: the one a report is usually made for. */
    public int defaultYear() {
        return today().getYear() - 1;
    }

    /** The day by which the report for the year is due at the parent: the module's rule, not the caller's. */
    public LocalDate deadline(int year) {
        return ReportRules.deadline(year);
    }

    /** The years a picker offers: from the last ended year back, newest first. */
    public List<Integer> recentYears(int count) {
        List<Integer> years = new ArrayList<>();
        for (int year = defaultYear(); year >= ReportRules.FIRST_YEAR && years.size() < count; year--) {
            years.add(year);
        }
        return years;
    }

    @Transactional(readOnly = true)
    public StatisticalReport report(long organizationId, int year) {
        Organization organization = reporting(organizationId);
        ReportRules.checkYear(year, today());
        return view(organization, year, repository.find(organizationId, year));
    }

    /** Saves the organization's own lines as a draft; a returned report becomes a draft again. */
    public StatisticalReport save(long organizationId, int year, ReportChanges changes) {
        Edit edit = edit(organizationId, year, changes, false);
        Instant now = clock.instant();
        long reportId = write(edit, now, null);
        repository.replaceLines(reportId, edit.after(), null);
        if (edit.next() != edit.status()) {
            step(reportId, edit.next(), now, null);
        }
        publishChanges(edit);
        return view(edit.organization(), year, repository.find(organizationId, year));
    }

    /**
     * Submits the report to the parent organization, with the changes given (or none), fixing every line and
     * the consolidated figures; the hand lines must be filled.
     */
    public StatisticalReport submit(long organizationId, int year, ReportChanges changes) {
        Edit edit = edit(organizationId, year, changes, true);
        Map<ReportLine, Long> children =
                ReportRules.sum(repository.acceptedBy(organizationId, year).values());
        Map<ReportLine, Long> consolidated = new EnumMap<>(ReportLine.class);
        edit.after().forEach((line, value) -> consolidated.put(line, orZero(value.value()) + children.get(line)));
        Instant now = clock.instant();
        Organization organization = edit.organization();
        long reportId = write(edit, now, organization.parentId());
        repository.replaceLines(reportId, edit.after(), consolidated);
        step(reportId, edit.next(), now, null);
        publishChanges(edit);
        events.publishEvent(new StatisticalReportSubmitted(
                organizationId, organization.path(), year, organization.parentId(), currentActor.get()));
        return view(organization, year, repository.find(organizationId, year));
    }

    /** A change of a report's own lines, checked and about to be written: where it stands and where it goes. */
    private record Edit(
            Organization organization,
            int year,
            Optional<Stored> stored,
            ReportStatus status,
            ReportStatus next,
            Map<ReportLine, LineValue> before,
            Map<ReportLine, LineValue> after) {}

    /** Checks a save or a submission whole before anything is written: access, year, status, version, values. */
    private Edit edit(long organizationId, int year, ReportChanges changes, boolean submitting) {
        Organization organization = writable(organizationId);
        ReportRules.checkYear(year, today());
        Optional<Stored> stored = repository.findForUpdate(organizationId, year);
        ReportStatus status = stored.map(Stored::status).orElse(ReportStatus.NOT_STARTED);
        ReportStatus next = submitting ? status.afterSubmit() : status.afterSave();
        if (submitting && organization.parentId() == null) {
            throw ProfkomException.conflict("statreport.submit.noParent");
        }
        ReportChanges given = changes == null ? ReportChanges.NONE : changes;
        checkVersion(stored, given);
        Map<ReportLine, LineValue> storedValues = storedValues(stored);
        Map<ReportLine, Long> fromRegistry = registry.of(organization, year);
        Map<ReportLine, LineValue> after = ReportRules.merge(storedValues, given.lines(), fromRegistry);
        ReportRules.validate(after, submitting);
        return new Edit(
                organization, year, stored, status, next, ReportRules.merge(storedValues, null, fromRegistry), after);
    }

    /** Accepts a submitted report; only staff of the organization it was submitted to may. */
    public StatisticalReport accept(long organizationId, int year) {
        return decide(organizationId, year, null);
    }

    /** Returns a submitted report for correction with a comment saying what to correct. */
    public StatisticalReport returnForCorrection(long organizationId, int year, String comment) {
        return decide(organizationId, year, comment == null ? "" : comment);
    }

    private StatisticalReport decide(long organizationId, int year, String comment) {
        Organization organization = reporting(organizationId);
        ReportRules.checkYear(year, today());
        Optional<Stored> stored = repository.findForUpdate(organizationId, year);
        ReportStatus status = stored.map(Stored::status).orElse(ReportStatus.NOT_STARTED);
        Long parentId = stored.filter(report -> report.status().submitted())
                .map(Stored::parentId)
                .orElse(organization.parentId());
        if (parentId == null || !organizations.canEdit(parentId)) {
            throw ProfkomException.forbidden("statreport.decide.notParentStaff");
        }
        boolean accepting = comment == null;
        ReportStatus next = accepting ? status.afterAccept() : status.afterReturn(comment);
        Stored report = stored.orElseThrow();
        Instant now = clock.instant();
        if (!repository.update(report.id(), report.version(), next, now, accountId(), null, null, now)) {
            throw ProfkomException.conflict("statreport.changed");
        }
        Actor actor = currentActor.get();
        if (accepting) {
            step(report.id(), next, now, null);
            events.publishEvent(new StatisticalReportAccepted(organizationId, organization.path(), year, actor));
        } else {
            step(report.id(), next, now, comment.strip());
            events.publishEvent(
                    new StatisticalReportReturned(organizationId, organization.path(), year, comment.strip(), actor));
        }
        return view(organization, year, repository.find(organizationId, year));
    }

    /** The organization's children that report on their own, with their report's status, filtered by name and status. */
    @Transactional(readOnly = true)
    public Page<OrganizationReportStatus> children(
            long organizationId, int year, StatusFilter filter, String query, PageRequest page) {
        reporting(organizationId);
        ReportRules.checkYear(year, today());
        List<OrganizationNode> children = registry.children(organizationId).stream()
                .filter(child -> RegistryFigures.reports(child.kind()))
                .toList();
        Map<Long, Stored> reports = repository.ofOrganizations(
                children.stream().map(OrganizationNode::id).toList(), year);
        String needle = RussianText.foldedKey(query);
        List<OrganizationReportStatus> rows = children.stream()
                .filter(child -> needle.isEmpty()
                        || RussianText.foldedKey(child.shortName() + " " + child.code())
                                .contains(needle))
                .map(child -> row(child, reports.get(child.id())))
                .filter(row -> filter.matches(row.status()))
                .toList();
        return new Page<>(
                rows.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(), rows.size());
    }

    /**
     * The organizations of one kind anywhere in the subtree with their report's status, in Russian order: with
     * {@link StatusFilter#NOT_SUBMITTED}, who has not submitted yet. The filter passes the ids of the subtree's
     * reports to the tree as an {@code IN} list, fine for a region's thousands.
     */
    @Transactional(readOnly = true)
    public Page<OrganizationReportStatus> subtree(
            long organizationId, int year, OrganizationKind kind, StatusFilter filter, String query, PageRequest page) {
        return subtree(organizationId, year, kind, filter, query, null, page);
    }

    /**
     * As above, grouped by parent (the organizations of one parent together, each with the names of the
     * organizations between) and narrowed to those inside {@code withinId} when set: one of the organizations
     * between, as {@link #levels} lists them.
     */
    @Transactional(readOnly = true)
    public Page<OrganizationReportStatus> subtree(
            long organizationId,
            int year,
            OrganizationKind kind,
            StatusFilter filter,
            String query,
            Long withinId,
            PageRequest page) {
        Organization organization = reporting(organizationId);
        if (withinId != null && (withinId == organizationId || !organizations.isWithin(withinId, organizationId))) {
            throw ProfkomException.invalid("within", "statreport.within.outside");
        }
        ReportRules.checkYear(year, today());
        OrganizationKind listed = kind == null || !RegistryFigures.reports(kind) ? OrganizationKind.PRIMARY : kind;
        List<Long> only = null;
        List<Long> excluded = List.of();
        switch (filter) {
            case ALL -> {}
            case NOT_SUBMITTED ->
                excluded = repository.organizationsWithStatus(
                        organization.path(), year, Set.of(ReportStatus.SUBMITTED, ReportStatus.ACCEPTED));
            case NOT_STARTED ->
                excluded = repository.organizationsWithStatus(organization.path(), year, Set.of(ReportStatus.values()));
            default ->
                only = repository.organizationsWithStatus(
                        organization.path(), year, Set.of(ReportStatus.valueOf(filter.name())));
        }
        Page<OrganizationNode> found = organizations.ofKindWithin(
                withinId == null ? organizationId : withinId, listed, query, only, excluded, true, page);
        List<Long> ids = found.items().stream().map(OrganizationNode::id).toList();
        Map<Long, Stored> reports = repository.ofOrganizations(ids, year);
        Map<Long, String> chains = organizations.chainsBelow(organizationId, ids);
        return found.map(node -> row(node, reports.get(node.id()), chains.getOrDefault(node.id(), "")));
    }

    /** The organizations between this one and those of a kind inside it, for grouping and filtering the list. */
    @Transactional(readOnly = true)
    public List<Organizations.Level> levels(long organizationId, OrganizationKind kind) {
        reporting(organizationId);
        OrganizationKind listed = kind == null || !RegistryFigures.reports(kind) ? OrganizationKind.PRIMARY : kind;
        return organizations.levelsAbove(organizationId, listed);
    }

    private static OrganizationReportStatus row(OrganizationNode node, Stored report) {
        return row(node, report, null);
    }

    private static OrganizationReportStatus row(OrganizationNode node, Stored report, String parentChain) {
        return new OrganizationReportStatus(
                node.id(),
                node.shortName(),
                node.kind(),
                report == null ? ReportStatus.NOT_STARTED : report.status(),
                report == null ? null : report.updatedAt(),
                report == null ? null : report.submittedAt(),
                report == null ? null : report.decidedAt(),
                parentChain);
    }

    // ---- the report as read ------------------------------------------------------------------

    private StatisticalReport view(Organization organization, int year, Optional<Stored> stored) {
        ReportStatus status = stored.map(Stored::status).orElse(ReportStatus.NOT_STARTED);
        List<ChildReport> accepted = accepted(organization.id(), year);
        List<StatisticalReport.Line> lines = new ArrayList<>();
        if (status.submitted()) {
            Map<ReportLine, StoredLine> storedLines =
                    repository.lines(stored.orElseThrow().id());
            for (ReportLine line : ReportLine.values()) {
                StoredLine storedLine = storedLines.get(line);
                LineValue value = storedLine == null ? new LineValue(null, null, false) : storedLine.value();
                long own = orZero(value.value());
                long total = storedLine == null || storedLine.consolidated() == null ? own : storedLine.consolidated();
                lines.add(new StatisticalReport.Line(
                        line, value.registryValue(), value.value(), value.corrected(), total - own, total));
            }
        } else {
            Map<ReportLine, LineValue> own =
                    ReportRules.merge(storedValues(stored), null, registry.of(organization, year));
            Map<ReportLine, Long> children =
                    ReportRules.sum(accepted.stream().map(ChildReport::lines).toList());
            for (ReportLine line : ReportLine.values()) {
                LineValue value = own.get(line);
                long fromChildren = children.get(line);
                lines.add(new StatisticalReport.Line(
                        line,
                        value.registryValue(),
                        value.value(),
                        value.corrected(),
                        fromChildren,
                        orZero(value.value()) + fromChildren));
            }
        }
        Long parentId = stored.filter(report -> report.status().submitted())
                .map(Stored::parentId)
                .orElse(organization.parentId());
        int reportingChildren = (int) registry.children(organization.id()).stream()
                .filter(child -> RegistryFigures.reports(child.kind()))
                .count();
        return new StatisticalReport(
                organization.id(),
                organization.shortName(),
                organization.code(),
                organization.kind(),
                year,
                ReportRules.asOf(year),
                status,
                stored.map(Stored::version).orElse(0),
                parentId,
                parentId == null
                        ? null
                        : organizations.shortNames(List.of(parentId)).get(parentId),
                stored.map(Stored::updatedAt).orElse(null),
                stored.map(Stored::submittedAt).orElse(null),
                stored.map(Stored::decidedAt).orElse(null),
                lines,
                stored.map(report -> repository.trail(report.id())).orElse(List.of()),
                reportingChildren,
                accepted,
                organization.active() && status.editable(),
                status == ReportStatus.SUBMITTED && parentId != null && organizations.canEdit(parentId));
    }

    /** The children's reports the organization accepted for the year, in Russian order of their names. */
    private List<ChildReport> accepted(long organizationId, int year) {
        Map<Long, Map<ReportLine, Long>> reports = repository.acceptedBy(organizationId, year);
        Map<Long, String> names = reports.isEmpty() ? Map.of() : organizations.shortNames(reports.keySet());
        return reports.entrySet().stream()
                .map(entry -> new ChildReport(
                        entry.getKey(), names.getOrDefault(entry.getKey(), "#" + entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparing(child -> RussianText.foldedKey(child.name())))
                .toList();
    }

    /** The own state of the stored lines of a report, none when not started. */
    private Map<ReportLine, LineValue> storedValues(Optional<Stored> stored) {
        Map<ReportLine, LineValue> values = new EnumMap<>(ReportLine.class);
        stored.map(report -> repository.lines(report.id()))
                .orElse(Map.of())
                .forEach((line, storedLine) -> values.put(line, storedLine.value()));
        return values;
    }

    // ---- writing -----------------------------------------------------------------------------

    private void checkVersion(Optional<Stored> stored, ReportChanges changes) {
        if (changes != null
                && changes.version() != null
                && changes.version() != stored.map(Stored::version).orElse(0)) {
            throw ProfkomException.conflict("statreport.changed");
        }
    }

    /** Inserts or updates the report's header in the edit's new status; returns its id. */
    private long write(Edit edit, Instant now, Long parentId) {
        Instant submittedAt = edit.next() == ReportStatus.SUBMITTED ? now : null;
        if (edit.stored().isEmpty()) {
            try {
                return repository.insert(
                        edit.organization().id(),
                        edit.organization().path(),
                        edit.year(),
                        edit.next(),
                        now,
                        accountId(),
                        parentId,
                        submittedAt);
            } catch (DuplicateKeyException e) {
                throw ProfkomException.conflict("statreport.changed");
            }
        }
        Stored report = edit.stored().get();
        if (!repository.update(
                report.id(), report.version(), edit.next(), now, accountId(), parentId, submittedAt, null)) {
            throw ProfkomException.conflict("statreport.changed");
        }
        return report.id();
    }

    private void step(long reportId, ReportStatus status, Instant now, String comment) {
        Actor actor = currentActor.get();
        repository.step(
                reportId, status, now, actor.accountId(), actor.login() == null ? "system" : actor.login(), comment);
    }

    private void publishChanges(Edit edit) {
        List<LineChange> changes = new ArrayList<>();
        for (ReportLine line : ReportLine.values()) {
            LineValue old = edit.before().get(line);
            LineValue now = edit.after().get(line);
            if (!Objects.equals(old.value(), now.value()) || old.corrected() != now.corrected()) {
                changes.add(new LineChange(line, old.value(), now.value(), now.corrected()));
            }
        }
        if (!changes.isEmpty()) {
            Organization organization = edit.organization();
            events.publishEvent(new StatisticalReportSaved(
                    organization.id(), organization.path(), edit.year(), changes, currentActor.get()));
        }
    }

    // ---- access ------------------------------------------------------------------------------

    /** The organization when the actor is staff of its subtree and it reports on its own: 404 outside, 403 inside. */
    private Organization reporting(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        if (!RegistryFigures.reports(organization.kind())) {
            throw ProfkomException.conflict("statreport.shop");
        }
        return organization;
    }

    private Organization writable(long organizationId) {
        Organization organization = reporting(organizationId);
        if (!organization.active()) {
            throw ProfkomException.conflict("organization.closed", organization.shortName());
        }
        return organization;
    }

    private Long accountId() {
        return currentActor.get().accountId();
    }

    private LocalDate today() {
        return MoscowTime.today(clock);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
