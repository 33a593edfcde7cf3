package ru.profkom.members.activists;

import static profkom.schema.Tables.ACTIVIST_SNAPSHOT;
import static profkom.schema.Tables.ACTIVIST_SNAPSHOT_ROW;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.ActivistSnapshotRecord;
import profkom.schema.tables.records.ActivistSnapshotRowRecord;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.TreePaths;

/** Submitted activists' bases: a header per version and its rows, written once and never updated. */
@Repository
public class ActivistSnapshotRepository {

    private static final int BATCH = 500;

    private final DSLContext dsl;

    ActivistSnapshotRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    int nextVersion(long organizationId, int year) {
        Integer max = dsl.select(DSL.max(ACTIVIST_SNAPSHOT.VERSION))
                .from(ACTIVIST_SNAPSHOT)
                .where(ACTIVIST_SNAPSHOT.ORGANIZATION_ID.eq(organizationId))
                .and(ACTIVIST_SNAPSHOT.SUBMISSION_YEAR.eq(year))
                .fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    long insert(
            long organizationId,
            String path,
            String organizationName,
            int year,
            int version,
            Instant at,
            Long accountId,
            String login) {
        ActivistSnapshotRecord record = dsl.newRecord(ACTIVIST_SNAPSHOT);
        record.setOrganizationId(organizationId);
        record.setOrganizationPath(path);
        record.setOrganizationName(organizationName);
        record.setSubmissionYear(year);
        record.setVersion(version);
        record.setSubmittedAt(at);
        record.setSubmittedBy(accountId);
        record.setSubmittedByLogin(login);
        record.setRowCount(0);
        record.store();
        return record.getId();
    }

    /** Collects rows and writes them in batches; {@link Rows#finish()} writes the rest and the count. */
    Rows rows(long snapshotId) {
        return new Rows(snapshotId);
    }

    final class Rows {
        private final long snapshotId;
        private final List<ActivistSnapshotRowRecord> pending = new ArrayList<>();
        private int line;

        private Rows(long snapshotId) {
            this.snapshotId = snapshotId;
        }

        void add(ActivistSubmissionRow row) {
            ActivistSnapshotRowRecord record = new ActivistSnapshotRowRecord();
            record.setSnapshotId(snapshotId);
            record.setLine(++line);
            record.setPersonId(row.personId());
            record.setFullName(row.fullName());
            record.setRole(row.role().name());
            record.setRoleOrganizationName(row.roleOrganizationName());
            record.setStartedOn(row.startedOn());
            record.setPhone(row.phone());
            record.setEmail(row.email());
            record.setPosition(row.position());
            record.setOrganizationName(row.organizationName());
            pending.add(record);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        int finish() {
            flush();
            dsl.update(ACTIVIST_SNAPSHOT)
                    .set(ACTIVIST_SNAPSHOT.ROW_COUNT, line)
                    .where(ACTIVIST_SNAPSHOT.ID.eq(snapshotId))
                    .execute();
            return line;
        }

        private void flush() {
            if (!pending.isEmpty()) {
                dsl.batchInsert(pending).execute();
                pending.clear();
            }
        }
    }

    Optional<ActivistSnapshotRecord> find(long snapshotId) {
        return dsl.selectFrom(ACTIVIST_SNAPSHOT)
                .where(ACTIVIST_SNAPSHOT.ID.eq(snapshotId))
                .fetchOptional();
    }

    List<ActivistSubmission> versions(long organizationId, int year) {
        return dsl.selectFrom(ACTIVIST_SNAPSHOT)
                .where(ACTIVIST_SNAPSHOT.ORGANIZATION_ID.eq(organizationId))
                .and(ACTIVIST_SNAPSHOT.SUBMISSION_YEAR.eq(year))
                .orderBy(ACTIVIST_SNAPSHOT.VERSION.desc())
                .fetch(ActivistSnapshotRepository::toSubmission);
    }

    /** The organizations of a subtree that submitted for a year. */
    List<Long> submittedIn(String path, int year) {
        return dsl.selectDistinct(ACTIVIST_SNAPSHOT.ORGANIZATION_ID)
                .from(ACTIVIST_SNAPSHOT)
                .where(inSubtree(path, year))
                .fetch(ACTIVIST_SNAPSHOT.ORGANIZATION_ID);
    }

    /** The latest version of each of the given organizations for a year. */
    Map<Long, ActivistSubmission> latest(Collection<Long> organizationIds, int year) {
        if (organizationIds.isEmpty()) {
            return Map.of();
        }
        return dsl
                .selectFrom(ACTIVIST_SNAPSHOT)
                .where(ACTIVIST_SNAPSHOT.ORGANIZATION_ID.in(organizationIds))
                .and(ACTIVIST_SNAPSHOT.SUBMISSION_YEAR.eq(year))
                .and(isLatest())
                .fetch(ActivistSnapshotRepository::toSubmission)
                .stream()
                .collect(Collectors.toMap(ActivistSubmission::organizationId, s -> s));
    }

    Page<ActivistSubmissionRow> rowsOf(long snapshotId, PageRequest page) {
        List<ActivistSubmissionRow> items = dsl.selectFrom(ACTIVIST_SNAPSHOT_ROW)
                .where(ACTIVIST_SNAPSHOT_ROW.SNAPSHOT_ID.eq(snapshotId))
                .orderBy(ACTIVIST_SNAPSHOT_ROW.LINE)
                .limit(page.size())
                .offset(page.offset())
                .fetch(ActivistSnapshotRepository::toRow);
        long total = dsl.fetchCount(ACTIVIST_SNAPSHOT_ROW, ACTIVIST_SNAPSHOT_ROW.SNAPSHOT_ID.eq(snapshotId));
        return new Page<>(items, page.page(), page.size(), total);
    }

    void streamRows(long snapshotId, Consumer<ActivistSubmissionRow> rows) {
        try (var cursor = dsl.selectFrom(ACTIVIST_SNAPSHOT_ROW)
                .where(ACTIVIST_SNAPSHOT_ROW.SNAPSHOT_ID.eq(snapshotId))
                .orderBy(ACTIVIST_SNAPSHOT_ROW.LINE)
                .fetchSize(1000)
                .fetchLazy()) {
            cursor.forEach(r -> rows.accept(toRow(r)));
        }
    }

    /** The rows of the latest version of every submission of a subtree for a year, organization by organization. */
    void streamConsolidated(String path, int year, Consumer<ActivistSubmissionRow> rows) {
        try (var cursor = dsl.select(ACTIVIST_SNAPSHOT_ROW.fields())
                .from(ACTIVIST_SNAPSHOT_ROW)
                .join(ACTIVIST_SNAPSHOT)
                .on(ACTIVIST_SNAPSHOT.ID.eq(ACTIVIST_SNAPSHOT_ROW.SNAPSHOT_ID))
                .where(inSubtree(path, year))
                .and(isLatest())
                .orderBy(ACTIVIST_SNAPSHOT.ORGANIZATION_PATH, ACTIVIST_SNAPSHOT.ID, ACTIVIST_SNAPSHOT_ROW.LINE)
                .fetchSize(1000)
                .fetchLazy()) {
            cursor.forEach(r -> rows.accept(toRow(r.into(ACTIVIST_SNAPSHOT_ROW))));
        }
    }

    public void repath(String oldPath, String newPath) {
        dsl.update(ACTIVIST_SNAPSHOT)
                .set(
                        ACTIVIST_SNAPSHOT.ORGANIZATION_PATH,
                        TreePaths.moved(ACTIVIST_SNAPSHOT.ORGANIZATION_PATH, oldPath, newPath))
                .where(TreePaths.within(ACTIVIST_SNAPSHOT.ORGANIZATION_PATH, oldPath))
                .execute();
    }

    private static Condition inSubtree(String path, int year) {
        return ACTIVIST_SNAPSHOT
                .SUBMISSION_YEAR
                .eq(year)
                .and(TreePaths.within(ACTIVIST_SNAPSHOT.ORGANIZATION_PATH, path));
    }

    private static Condition isLatest() {
        var newer = ACTIVIST_SNAPSHOT.as("newer");
        return DSL.notExists(DSL.selectOne()
                .from(newer)
                .where(newer.ORGANIZATION_ID.eq(ACTIVIST_SNAPSHOT.ORGANIZATION_ID))
                .and(newer.SUBMISSION_YEAR.eq(ACTIVIST_SNAPSHOT.SUBMISSION_YEAR))
                .and(newer.VERSION.gt(ACTIVIST_SNAPSHOT.VERSION)));
    }

    static ActivistSubmission toSubmission(ActivistSnapshotRecord r) {
        return new ActivistSubmission(
                r.getId(),
                r.getOrganizationId(),
                r.getOrganizationName(),
                r.getSubmissionYear(),
                r.getVersion(),
                r.getSubmittedAt(),
                r.getSubmittedByLogin(),
                r.getRowCount());
    }

    private static ActivistSubmissionRow toRow(Record record) {
        ActivistSnapshotRowRecord r = record.into(ACTIVIST_SNAPSHOT_ROW);
        return new ActivistSubmissionRow(
                r.getLine(),
                r.getPersonId(),
                r.getFullName(),
                UnionRole.valueOf(r.getRole()),
                r.getRoleOrganizationName(),
                r.getStartedOn(),
                r.getPhone(),
                r.getEmail(),
                r.getPosition(),
                r.getOrganizationName());
    }
}
