package ru.profkom.members;

import static profkom.schema.Tables.MEMBER_IMPORT;
import static profkom.schema.Tables.MEMBER_IMPORT_ROW;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.MemberImportRecord;
import profkom.schema.tables.records.MemberImportRowRecord;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** The imports and their rows; a row's status says whether it is valid, rejected or applied. */
@Repository
class MemberImportRepository {

    static final List<String> APPLIED = List.of("IMPORTED", "UPDATED", "UNCHANGED", "FAILED");

    private final DSLContext dsl;

    MemberImportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insertImport(MemberImportRecord record) {
        MemberImportRecord stored = dsl.newRecord(MEMBER_IMPORT, record);
        stored.changed(MEMBER_IMPORT.ID, false);
        stored.store();
        return stored.getId();
    }

    Optional<MemberImportRecord> find(long id) {
        return dsl.selectFrom(MEMBER_IMPORT).where(MEMBER_IMPORT.ID.eq(id)).fetchOptional();
    }

    Page<MemberImportRecord> ofOrganization(long organizationId, PageRequest page) {
        Condition where = MEMBER_IMPORT.ORGANIZATION_ID.eq(organizationId);
        int total = dsl.fetchCount(MEMBER_IMPORT, where);
        List<MemberImportRecord> items = dsl.selectFrom(MEMBER_IMPORT)
                .where(where)
                .orderBy(MEMBER_IMPORT.CREATED_AT.desc(), MEMBER_IMPORT.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        return new Page<>(items, page.page(), page.size(), total);
    }

    void updateImport(MemberImportRecord record) {
        dsl.executeUpdate(record);
    }

    void insertRows(Collection<MemberImportRowRecord> rows) {
        if (!rows.isEmpty()) {
            dsl.batchInsert(rows).execute();
        }
    }

    void deleteRows(long importId) {
        dsl.deleteFrom(MEMBER_IMPORT_ROW)
                .where(MEMBER_IMPORT_ROW.IMPORT_ID.eq(importId))
                .execute();
    }

    /** Streams the rows in file order, a page at a time, so that a large file never sits in memory. */
    void eachRow(long importId, Collection<String> statuses, Consumer<MemberImportRowRecord> action) {
        int after = -1;
        while (true) {
            Condition where = MEMBER_IMPORT_ROW.IMPORT_ID.eq(importId).and(MEMBER_IMPORT_ROW.LINE_NO.gt(after));
            if (statuses != null) {
                where = where.and(MEMBER_IMPORT_ROW.STATUS.in(statuses));
            }
            List<MemberImportRowRecord> rows = dsl.selectFrom(MEMBER_IMPORT_ROW)
                    .where(where)
                    .orderBy(MEMBER_IMPORT_ROW.LINE_NO)
                    .limit(1000)
                    .fetch();
            if (rows.isEmpty()) {
                return;
            }
            rows.forEach(action);
            after = rows.getLast().getLineNo();
        }
    }

    List<MemberImportRowRecord> nextValid(long importId, int limit) {
        return dsl.selectFrom(MEMBER_IMPORT_ROW)
                .where(MEMBER_IMPORT_ROW.IMPORT_ID.eq(importId).and(MEMBER_IMPORT_ROW.STATUS.eq("VALID")))
                .orderBy(MEMBER_IMPORT_ROW.LINE_NO)
                .limit(limit)
                .fetch();
    }

    void markRow(long importId, int lineNo, String status, String errors, Long personId) {
        dsl.update(MEMBER_IMPORT_ROW)
                .set(MEMBER_IMPORT_ROW.STATUS, status)
                .set(MEMBER_IMPORT_ROW.ERRORS, errors)
                .set(MEMBER_IMPORT_ROW.PERSON_ID, personId)
                .where(MEMBER_IMPORT_ROW.IMPORT_ID.eq(importId).and(MEMBER_IMPORT_ROW.LINE_NO.eq(lineNo)))
                .execute();
    }

    void addProgress(long importId, int imported, int updated, int unchanged, int rejected, Instant leaseUntil) {
        dsl.update(MEMBER_IMPORT)
                .set(MEMBER_IMPORT.IMPORTED, MEMBER_IMPORT.IMPORTED.plus(imported))
                .set(MEMBER_IMPORT.UPDATED, MEMBER_IMPORT.UPDATED.plus(updated))
                .set(MEMBER_IMPORT.UNCHANGED, MEMBER_IMPORT.UNCHANGED.plus(unchanged))
                .set(MEMBER_IMPORT.REJECTED, MEMBER_IMPORT.REJECTED.plus(rejected))
                .set(
                        MEMBER_IMPORT.PROCESSED_ROWS,
                        MEMBER_IMPORT.PROCESSED_ROWS.plus(imported + updated + unchanged + rejected))
                .set(MEMBER_IMPORT.LEASE_UNTIL, leaseUntil)
                .where(MEMBER_IMPORT.ID.eq(importId))
                .execute();
    }

    /** Takes the import for this node unless another holds a live lease; true when taken. */
    boolean claim(long importId, Instant now, Instant leaseUntil) {
        return dsl.update(MEMBER_IMPORT)
                        .set(MEMBER_IMPORT.LEASE_UNTIL, leaseUntil)
                        .where(MEMBER_IMPORT
                                .ID
                                .eq(importId)
                                .and(MEMBER_IMPORT.STATUS.eq("APPLYING"))
                                .and(MEMBER_IMPORT.LEASE_UNTIL.isNull().or(MEMBER_IMPORT.LEASE_UNTIL.lt(now))))
                        .execute()
                == 1;
    }

    void finish(long importId, String status, String failure, Instant now) {
        dsl.update(MEMBER_IMPORT)
                .set(MEMBER_IMPORT.STATUS, status)
                .set(MEMBER_IMPORT.FAILURE, failure)
                .set(MEMBER_IMPORT.FINISHED_AT, now)
                .setNull(MEMBER_IMPORT.LEASE_UNTIL)
                .where(MEMBER_IMPORT.ID.eq(importId))
                .execute();
    }

    /** APPLYING imports whose lease ran out: their process died. */
    List<Long> abandoned(Instant now) {
        return dsl.select(MEMBER_IMPORT.ID)
                .from(MEMBER_IMPORT)
                .where(MEMBER_IMPORT
                        .STATUS
                        .eq("APPLYING")
                        .and(MEMBER_IMPORT.LEASE_UNTIL.isNull().or(MEMBER_IMPORT.LEASE_UNTIL.lt(now))))
                .fetch(MEMBER_IMPORT.ID);
    }

    Page<MemberImportRowRecord> problems(long importId, PageRequest page) {
        Condition where = MEMBER_IMPORT_ROW.IMPORT_ID.eq(importId).and(MEMBER_IMPORT_ROW.ERRORS.isNotNull());
        int total = dsl.fetchCount(MEMBER_IMPORT_ROW, where);
        List<MemberImportRowRecord> items = dsl.selectFrom(MEMBER_IMPORT_ROW)
                .where(where)
                .orderBy(MEMBER_IMPORT_ROW.LINE_NO)
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        return new Page<>(items, page.page(), page.size(), total);
    }

    int countRows(long importId, String status) {
        return dsl.fetchCount(
                MEMBER_IMPORT_ROW, MEMBER_IMPORT_ROW.IMPORT_ID.eq(importId).and(MEMBER_IMPORT_ROW.STATUS.eq(status)));
    }
}
