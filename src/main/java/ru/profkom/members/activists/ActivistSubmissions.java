package ru.profkom.members.activists;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.ActivistSnapshotRecord;
import ru.profkom.members.CurrentActivists;
import ru.profkom.members.MemberEvents.ActivistSnapshotRead;
import ru.profkom.members.MemberEvents.ActivistsSubmitted;
import ru.profkom.members.RegistryAccess;
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

/**
 * The yearly submission of the activists' contact base upward (A3). The staff of a primary organization submit
 * its base for a year: Profkom keeps an immutable, dated snapshot of the rows as they were, and a new submission
 * of the same year becomes a new version beside the old ones. Staff of the higher organizations (any staff role
 * whose subtree covers the primary organization) see who submitted and who did not, open and export a snapshot,
 * and export the consolidated base of their subtree. Reads and exports are audited without personal data.
 */
@Service
@Transactional
public class ActivistSubmissions {

    /** Which organizations a list of submissions shows. */
    public enum State {
        ALL,
        SUBMITTED,
        MISSING;

        public static State of(String name) {
            try {
                return name == null || name.isBlank() ? ALL : valueOf(name);
            } catch (IllegalArgumentException e) {
                return ALL;
            }
        }
    }

    static final String NOT_FOUND = "activists.snapshot.notFound";
    static final int FIRST_YEAR = 2000;

    private final ActivistSnapshotRepository repository;
    private final CurrentActivists activists;
    private final RegistryAccess access;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivistSubmissions(
            ActivistSnapshotRepository repository,
            CurrentActivists activists,
            RegistryAccess access,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.activists = activists;
        this.access = access;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** This year in Moscow: the year a submission is for unless the user picks another. */
    public int currentYear() {
        return MoscowTime.today(clock).getYear();
    }

    /**
     * Takes the activists' base of a primary organization (its subtree, shops included) as it is today and stores
     * it as the next version for the year.
     */
    public ActivistSubmission submit(long organizationId, int year) {
        Organization organization = staffOrganization(organizationId);
        if (organization.kind() != OrganizationKind.PRIMARY) {
            throw ProfkomException.invalid("organizationId", "activists.submit.notPrimary");
        }
        if (!organization.active()) {
            throw ProfkomException.conflict("organization.closed", organization.shortName());
        }
        checkYear(year);
        Actor actor = currentActor.get();
        int version = repository.nextVersion(organizationId, year);
        long snapshotId;
        try {
            snapshotId = repository.insert(
                    organizationId,
                    organization.path(),
                    organization.shortName(),
                    year,
                    version,
                    clock.instant(),
                    actor.accountId(),
                    actor.login() == null ? "system" : actor.login());
        } catch (DuplicateKeyException e) {
            throw ProfkomException.conflict("activists.submit.concurrent");
        }
        ActivistSnapshotRepository.Rows rows = repository.rows(snapshotId);
        Map<Long, String> names = new HashMap<>();
        activists.stream(
                organizationId,
                a -> rows.add(new ActivistSubmissionRow(
                        0,
                        a.personId(),
                        a.fullName(),
                        a.role(),
                        nameOf(names, a.roleOrganizationId()),
                        a.startedOn(),
                        a.phone(),
                        a.email(),
                        a.position(),
                        nameOf(names, a.membershipOrganizationId()))));
        int count = rows.finish();
        events.publishEvent(
                new ActivistsSubmitted(snapshotId, organizationId, organization.path(), year, version, count, actor));
        return ActivistSnapshotRepository.toSubmission(
                repository.find(snapshotId).orElseThrow());
    }

    /** The versions an organization submitted for a year, the newest first. */
    @Transactional(readOnly = true)
    public List<ActivistSubmission> versions(long organizationId, int year) {
        staffOrganization(organizationId);
        return repository.versions(organizationId, year);
    }

    /**
     * The primary organizations of a subtree with their latest submission for a year, in Russian order, found by
     * name or code and filtered by whether they submitted.
     */
    @Transactional(readOnly = true)
    public Page<SubmissionStatus> statuses(long organizationId, int year, String query, State state, PageRequest page) {
        return statuses(organizationId, year, query, state, null, page);
    }

    /**
     * As above, grouped by parent (each with the names of the organizations between this one and it) and narrowed
     * to those inside {@code withinId} when set, one of the organizations {@link #levels} lists.
     */
    @Transactional(readOnly = true)
    public Page<SubmissionStatus> statuses(
            long organizationId, int year, String query, State state, Long withinId, PageRequest page) {
        Organization organization = staffOrganization(organizationId);
        if (withinId != null && (withinId == organizationId || !organizations.isWithin(withinId, organizationId))) {
            throw ProfkomException.invalid("within", "activists.within.outside");
        }
        List<Long> submitted = repository.submittedIn(organization.path(), year);
        Page<OrganizationNode> found = organizations.ofKindWithin(
                withinId == null ? organizationId : withinId,
                OrganizationKind.PRIMARY,
                query,
                state == State.SUBMITTED ? submitted : null,
                state == State.MISSING ? submitted : List.of(),
                true,
                page);
        List<Long> ids = found.items().stream().map(OrganizationNode::id).toList();
        Map<Long, ActivistSubmission> latest = repository.latest(ids, year);
        Map<Long, String> chains = organizations.chainsBelow(organizationId, ids);
        return new Page<>(
                found.items().stream()
                        .map(node ->
                                new SubmissionStatus(node, latest.get(node.id()), chains.getOrDefault(node.id(), "")))
                        .toList(),
                found.page(),
                found.size(),
                found.total());
    }

    /** The organizations between this one and its primary organizations, for grouping and filtering the list. */
    @Transactional(readOnly = true)
    public List<Organizations.Level> levels(long organizationId) {
        staffOrganization(organizationId);
        return organizations.levelsAbove(organizationId, OrganizationKind.PRIMARY);
    }

    /** How many primary organizations of the subtree there are and how many of them submitted for the year. */
    @Transactional(readOnly = true)
    public long[] counts(long organizationId, int year) {
        Organization organization = staffOrganization(organizationId);
        List<Long> submitted = repository.submittedIn(organization.path(), year);
        long all = organizations
                .ofKindWithin(organizationId, OrganizationKind.PRIMARY, null, null, List.of(), new PageRequest(0, 1))
                .total();
        long sent = organizations
                .ofKindWithin(
                        organizationId, OrganizationKind.PRIMARY, null, submitted, List.of(), new PageRequest(0, 1))
                .total();
        return new long[] {all, sent};
    }

    /** A snapshot's header, without an audit entry: it holds no personal data. */
    @Transactional(readOnly = true)
    public ActivistSubmission get(long snapshotId) {
        return ActivistSnapshotRepository.toSubmission(visible(snapshotId));
    }

    /** A page of a snapshot's rows; the read is audited. */
    public Page<ActivistSubmissionRow> rows(long snapshotId, PageRequest page) {
        ActivistSnapshotRecord snapshot = visible(snapshotId);
        events.publishEvent(new ActivistSnapshotRead(
                snapshotId,
                snapshot.getOrganizationId(),
                snapshot.getOrganizationPath(),
                snapshot.getSubmissionYear(),
                snapshot.getVersion(),
                currentActor.get()));
        return repository.rowsOf(snapshotId, page);
    }

    /** Streams a snapshot's rows for a file; the export is audited with its format and number of rows. */
    public long export(long snapshotId, String format, Consumer<ActivistSubmissionRow> rows) {
        ActivistSnapshotRecord snapshot = visible(snapshotId);
        long[] count = {0};
        repository.streamRows(snapshotId, row -> {
            rows.accept(row);
            count[0]++;
        });
        access.auditExport(snapshot.getOrganizationId(), "ACTIVIST_SNAPSHOT", format, count[0]);
        return count[0];
    }

    /**
     * Streams the consolidated base of a subtree for a year: the rows of the latest version each primary
     * organization submitted. Audited with the organization, the format and the number of rows.
     */
    public long exportConsolidated(long organizationId, int year, String format, Consumer<ActivistSubmissionRow> rows) {
        Organization organization = staffOrganization(organizationId);
        long[] count = {0};
        repository.streamConsolidated(organization.path(), year, row -> {
            rows.accept(row);
            count[0]++;
        });
        access.auditExport(organizationId, "ACTIVISTS_CONSOLIDATED", format, count[0]);
        return count[0];
    }

    // ---- access ------------------------------------------------------------------------------

    /** An organization inside the actor's staff subtrees; outside them it is as good as absent. */
    private Organization staffOrganization(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!access.scope().covers(organization.path())) {
            throw ProfkomException.notFound("organization.notFound");
        }
        return organization;
    }

    private ActivistSnapshotRecord visible(long snapshotId) {
        ActivistSnapshotRecord snapshot =
                repository.find(snapshotId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        if (!access.scope().covers(snapshot.getOrganizationPath())) {
            throw ProfkomException.notFound(NOT_FOUND);
        }
        return snapshot;
    }

    private void checkYear(int year) {
        if (year < FIRST_YEAR || year > currentYear() + 1) {
            // Years as text: MessageFormat would group them as numbers («2 000»).
            throw ProfkomException.invalid(
                    "year", "activists.submit.year", String.valueOf(FIRST_YEAR), String.valueOf(currentYear() + 1));
        }
    }

    private String nameOf(Map<Long, String> names, long organizationId) {
        return names.computeIfAbsent(
                organizationId, id -> organizations.shortNames(List.of(id)).getOrDefault(id, ""));
    }
}
