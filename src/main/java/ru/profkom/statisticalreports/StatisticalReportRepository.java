package ru.profkom.statisticalreports;

import static profkom.schema.Tables.STATISTICAL_REPORT;
import static profkom.schema.Tables.STATISTICAL_REPORT_LINE;
import static profkom.schema.Tables.STATISTICAL_REPORT_STEP;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.StatisticalReportRecord;
import ru.profkom.shared.TreePaths;

@Repository
class StatisticalReportRepository {

    private final DSLContext dsl;

    StatisticalReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A stored report's header. */
    record Stored(
            long id,
            long organizationId,
            int year,
            ReportStatus status,
            Long parentId,
            int version,
            Instant updatedAt,
            Instant submittedAt,
            Instant decidedAt) {}

    /** A stored line: the own state and, once submitted, the consolidated value. */
    record StoredLine(ReportRules.LineValue value, Long consolidated) {}

    Optional<Stored> find(long organizationId, int year) {
        return dsl.selectFrom(STATISTICAL_REPORT)
                .where(STATISTICAL_REPORT.ORGANIZATION_ID.eq(organizationId))
                .and(STATISTICAL_REPORT.REPORT_YEAR.eq(year))
                .fetchOptional()
                .map(StatisticalReportRepository::toStored);
    }

    /** Locks the report's row for a change of status, so that two people cannot both move it. */
    Optional<Stored> findForUpdate(long organizationId, int year) {
        return dsl.selectFrom(STATISTICAL_REPORT)
                .where(STATISTICAL_REPORT.ORGANIZATION_ID.eq(organizationId))
                .and(STATISTICAL_REPORT.REPORT_YEAR.eq(year))
                .forUpdate()
                .fetchOptional()
                .map(StatisticalReportRepository::toStored);
    }

    private static Stored toStored(StatisticalReportRecord record) {
        return new Stored(
                record.getId(),
                record.getOrganizationId(),
                record.getReportYear(),
                ReportStatus.valueOf(record.getStatus()),
                record.getParentId(),
                record.getVersion(),
                record.getUpdatedAt(),
                record.getSubmittedAt(),
                record.getDecidedAt());
    }

    Map<ReportLine, StoredLine> lines(long reportId) {
        Map<ReportLine, StoredLine> lines = new EnumMap<>(ReportLine.class);
        dsl.selectFrom(STATISTICAL_REPORT_LINE)
                .where(STATISTICAL_REPORT_LINE.REPORT_ID.eq(reportId))
                .forEach(record -> known(record.getLine())
                        .ifPresent(line -> lines.put(
                                line,
                                new StoredLine(
                                        new ReportRules.LineValue(
                                                record.getRegistryValue(),
                                                record.getReportedValue(),
                                                record.getCorrected()),
                                        record.getConsolidatedValue()))));
        return lines;
    }

    /** A line code of a stored report; a code no longer in the form is skipped. */
    private static Optional<ReportLine> known(String code) {
        try {
            return Optional.of(ReportLine.valueOf(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    long insert(
            long organizationId,
            String path,
            int year,
            ReportStatus status,
            Instant now,
            Long accountId,
            Long parentId,
            Instant submittedAt) {
        return dsl.insertInto(STATISTICAL_REPORT)
                .set(STATISTICAL_REPORT.ORGANIZATION_ID, organizationId)
                .set(STATISTICAL_REPORT.ORGANIZATION_PATH, path)
                .set(STATISTICAL_REPORT.REPORT_YEAR, year)
                .set(STATISTICAL_REPORT.STATUS, status.name())
                .set(STATISTICAL_REPORT.VERSION, 1)
                .set(STATISTICAL_REPORT.CREATED_AT, now)
                .set(STATISTICAL_REPORT.UPDATED_AT, now)
                .set(STATISTICAL_REPORT.UPDATED_BY, accountId)
                .set(STATISTICAL_REPORT.PARENT_ID, parentId)
                .set(STATISTICAL_REPORT.SUBMITTED_AT, submittedAt)
                .returning(STATISTICAL_REPORT.ID)
                .fetchOne()
                .getId();
    }

    /**
     * Moves a report to a status when it still has the version read; false when someone changed it meanwhile.
     * {@code parentId}, {@code submittedAt} and {@code decidedAt} are written only when not null.
     */
    boolean update(
            long id,
            int expectedVersion,
            ReportStatus status,
            Instant now,
            Long accountId,
            Long parentId,
            Instant submittedAt,
            Instant decidedAt) {
        var update = dsl.update(STATISTICAL_REPORT)
                .set(STATISTICAL_REPORT.STATUS, status.name())
                .set(STATISTICAL_REPORT.VERSION, expectedVersion + 1)
                .set(STATISTICAL_REPORT.UPDATED_AT, now)
                .set(STATISTICAL_REPORT.UPDATED_BY, accountId);
        if (parentId != null) {
            update = update.set(STATISTICAL_REPORT.PARENT_ID, parentId);
        }
        if (submittedAt != null) {
            update = update.set(STATISTICAL_REPORT.SUBMITTED_AT, submittedAt);
        }
        if (decidedAt != null) {
            update = update.set(STATISTICAL_REPORT.DECIDED_AT, decidedAt);
        }
        return update.where(STATISTICAL_REPORT.ID.eq(id))
                        .and(STATISTICAL_REPORT.VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    /** Replaces the report's lines: its own state and, when submitting, the consolidated values. */
    void replaceLines(long reportId, Map<ReportLine, ReportRules.LineValue> lines, Map<ReportLine, Long> consolidated) {
        dsl.deleteFrom(STATISTICAL_REPORT_LINE)
                .where(STATISTICAL_REPORT_LINE.REPORT_ID.eq(reportId))
                .execute();
        var insert = dsl.insertInto(
                STATISTICAL_REPORT_LINE,
                STATISTICAL_REPORT_LINE.REPORT_ID,
                STATISTICAL_REPORT_LINE.LINE,
                STATISTICAL_REPORT_LINE.REGISTRY_VALUE,
                STATISTICAL_REPORT_LINE.REPORTED_VALUE,
                STATISTICAL_REPORT_LINE.CORRECTED,
                STATISTICAL_REPORT_LINE.CONSOLIDATED_VALUE);
        for (Map.Entry<ReportLine, ReportRules.LineValue> entry : lines.entrySet()) {
            ReportRules.LineValue value = entry.getValue();
            insert = insert.values(
                    reportId,
                    entry.getKey().name(),
                    value.registryValue(),
                    value.value(),
                    value.corrected(),
                    consolidated == null ? null : consolidated.get(entry.getKey()));
        }
        insert.execute();
    }

    void step(long reportId, ReportStatus status, Instant at, Long accountId, String login, String comment) {
        dsl.insertInto(STATISTICAL_REPORT_STEP)
                .set(STATISTICAL_REPORT_STEP.REPORT_ID, reportId)
                .set(STATISTICAL_REPORT_STEP.STATUS, status.name())
                .set(STATISTICAL_REPORT_STEP.OCCURRED_AT, at)
                .set(STATISTICAL_REPORT_STEP.ACTOR_ID, accountId)
                .set(STATISTICAL_REPORT_STEP.ACTOR_LOGIN, login)
                .set(STATISTICAL_REPORT_STEP.COMMENT, comment)
                .execute();
    }

    List<ReportStep> trail(long reportId) {
        return dsl.selectFrom(STATISTICAL_REPORT_STEP)
                .where(STATISTICAL_REPORT_STEP.REPORT_ID.eq(reportId))
                .orderBy(STATISTICAL_REPORT_STEP.ID)
                .fetch(record -> new ReportStep(
                        ReportStatus.valueOf(record.getStatus()),
                        record.getOccurredAt(),
                        record.getActorLogin(),
                        record.getComment()));
    }

    /**
     * The consolidated lines of the reports a parent accepted for a year, by organization, in one query: what
     * the parent's report sums.
     */
    Map<Long, Map<ReportLine, Long>> acceptedBy(long parentId, int year) {
        Map<Long, Map<ReportLine, Long>> reports = new LinkedHashMap<>();
        dsl.select(
                        STATISTICAL_REPORT.ORGANIZATION_ID,
                        STATISTICAL_REPORT_LINE.LINE,
                        STATISTICAL_REPORT_LINE.CONSOLIDATED_VALUE)
                .from(STATISTICAL_REPORT)
                .join(STATISTICAL_REPORT_LINE)
                .on(STATISTICAL_REPORT_LINE.REPORT_ID.eq(STATISTICAL_REPORT.ID))
                .where(STATISTICAL_REPORT.PARENT_ID.eq(parentId))
                .and(STATISTICAL_REPORT.REPORT_YEAR.eq(year))
                .and(STATISTICAL_REPORT.STATUS.eq(ReportStatus.ACCEPTED.name()))
                .orderBy(STATISTICAL_REPORT.ORGANIZATION_ID)
                .forEach(record -> known(record.value2())
                        .ifPresent(
                                line -> reports.computeIfAbsent(record.value1(), id -> new EnumMap<>(ReportLine.class))
                                        .put(line, record.value3())));
        return reports;
    }

    /** The stored reports of the organizations for a year, by organization. */
    Map<Long, Stored> ofOrganizations(Collection<Long> organizationIds, int year) {
        Map<Long, Stored> reports = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return reports;
        }
        dsl.selectFrom(STATISTICAL_REPORT)
                .where(STATISTICAL_REPORT.ORGANIZATION_ID.in(organizationIds))
                .and(STATISTICAL_REPORT.REPORT_YEAR.eq(year))
                .forEach(record -> reports.put(record.getOrganizationId(), toStored(record)));
        return reports;
    }

    /** The organizations of a subtree whose report for the year has one of the statuses. */
    List<Long> organizationsWithStatus(String path, int year, Set<ReportStatus> statuses) {
        List<Long> ids = new ArrayList<>();
        dsl.select(STATISTICAL_REPORT.ORGANIZATION_ID)
                .from(STATISTICAL_REPORT)
                .where(STATISTICAL_REPORT.REPORT_YEAR.eq(year))
                .and(TreePaths.within(STATISTICAL_REPORT.ORGANIZATION_PATH, path))
                .and(STATISTICAL_REPORT.STATUS.in(
                        statuses.stream().map(Enum::name).toList()))
                .forEach(record -> ids.add(record.value1()));
        return ids;
    }

    void repath(String oldPath, String newPath) {
        dsl.update(STATISTICAL_REPORT)
                .set(
                        STATISTICAL_REPORT.ORGANIZATION_PATH,
                        TreePaths.moved(STATISTICAL_REPORT.ORGANIZATION_PATH, oldPath, newPath))
                .where(TreePaths.within(STATISTICAL_REPORT.ORGANIZATION_PATH, oldPath))
                .execute();
    }
}
