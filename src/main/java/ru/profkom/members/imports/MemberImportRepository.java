package ru.profkom.members.imports;

import static profkom.schema.Tables.MEMBER_IMPORT;
import static profkom.schema.Tables.MEMBER_IMPORT_CHUNK;
import static profkom.schema.Tables.MEMBER_IMPORT_PROBLEM;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.MemberImportChunkRecord;
import profkom.schema.tables.records.MemberImportProblemRecord;
import profkom.schema.tables.records.MemberImportRecord;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** The imports and their rows; a row's status says whether it is valid, rejected or applied. */
@Repository
class MemberImportRepository {

    static final String REJECTED = "REJECTED";
    static final String FAILED = "FAILED";

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

    void insertChunk(long importId, int chunkNo, int firstLine, int lastLine, String lines) {
        dsl.insertInto(MEMBER_IMPORT_CHUNK)
                .set(MEMBER_IMPORT_CHUNK.IMPORT_ID, importId)
                .set(MEMBER_IMPORT_CHUNK.CHUNK_NO, chunkNo)
                .set(MEMBER_IMPORT_CHUNK.FIRST_LINE, firstLine)
                .set(MEMBER_IMPORT_CHUNK.LAST_LINE, lastLine)
                .set(MEMBER_IMPORT_CHUNK.LINES, lines)
                .set(MEMBER_IMPORT_CHUNK.APPLIED, false)
                .execute();
    }

    void insertProblems(Collection<MemberImportProblemRecord> problems) {
        if (!problems.isEmpty()) {
            dsl.batchInsert(problems).execute();
        }
    }

    /** Forgets the preview's problems, before the rows are checked again under a new mapping. */
    void deleteRejected(long importId) {
        dsl.deleteFrom(MEMBER_IMPORT_PROBLEM)
                .where(MEMBER_IMPORT_PROBLEM.IMPORT_ID.eq(importId))
                .and(MEMBER_IMPORT_PROBLEM.STAGE.eq(REJECTED))
                .execute();
    }

    /** Walks the chunks in file order, one in memory at a time. */
    void eachChunk(long importId, Consumer<MemberImportChunkRecord> action) {
        int after = -1;
        while (true) {
            MemberImportChunkRecord chunk = dsl.selectFrom(MEMBER_IMPORT_CHUNK)
                    .where(MEMBER_IMPORT_CHUNK.IMPORT_ID.eq(importId).and(MEMBER_IMPORT_CHUNK.CHUNK_NO.gt(after)))
                    .orderBy(MEMBER_IMPORT_CHUNK.CHUNK_NO)
                    .limit(1)
                    .fetchOne();
            if (chunk == null) {
                return;
            }
            action.accept(chunk);
            after = chunk.getChunkNo();
        }
    }

    /** The first chunk after {@code afterChunkNo} not applied yet: a range of the primary key, not a scan. */
    Optional<MemberImportChunkRecord> nextUnapplied(long importId, int afterChunkNo) {
        // The next number comes from the key's index alone, and only that chunk's row, with its thousand
        // lines, is read: asked for the first unapplied row, H2 read and sorted every remaining chunk's row
        // on each call, a cost that grew with the square of the file's length.
        int after = afterChunkNo;
        while (true) {
            Integer next = dsl.select(DSL.min(MEMBER_IMPORT_CHUNK.CHUNK_NO))
                    .from(MEMBER_IMPORT_CHUNK)
                    .where(MEMBER_IMPORT_CHUNK.IMPORT_ID.eq(importId))
                    .and(MEMBER_IMPORT_CHUNK.CHUNK_NO.gt(after))
                    .fetchOne(0, Integer.class);
            if (next == null) {
                return Optional.empty();
            }
            MemberImportChunkRecord chunk = dsl.selectFrom(MEMBER_IMPORT_CHUNK)
                    .where(MEMBER_IMPORT_CHUNK.IMPORT_ID.eq(importId))
                    .and(MEMBER_IMPORT_CHUNK.CHUNK_NO.eq(next))
                    .fetchOne();
            if (chunk != null && !Boolean.TRUE.equals(chunk.getApplied())) {
                return Optional.of(chunk);
            }
            after = next;
        }
    }

    /** Marks the chunk applied unless another process did first; false then, and the caller rolls back. */
    boolean markApplied(long importId, int chunkNo) {
        return dsl.update(MEMBER_IMPORT_CHUNK)
                        .set(MEMBER_IMPORT_CHUNK.APPLIED, true)
                        .where(MEMBER_IMPORT_CHUNK.IMPORT_ID.eq(importId))
                        .and(MEMBER_IMPORT_CHUNK.CHUNK_NO.eq(chunkNo))
                        .and(MEMBER_IMPORT_CHUNK.APPLIED.isFalse())
                        .execute()
                == 1;
    }

    /** The lines between the two refused in the preview or already failed: applying skips them. */
    Set<Integer> problemLines(long importId, int firstLine, int lastLine) {
        return new HashSet<>(dsl.select(MEMBER_IMPORT_PROBLEM.LINE_NO)
                .from(MEMBER_IMPORT_PROBLEM)
                .where(MEMBER_IMPORT_PROBLEM.IMPORT_ID.eq(importId))
                .and(MEMBER_IMPORT_PROBLEM.LINE_NO.between(firstLine, lastLine))
                .fetch(MEMBER_IMPORT_PROBLEM.LINE_NO));
    }

    /** Streams the problem rows in file order, a page at a time. */
    void eachProblem(long importId, Consumer<MemberImportProblemRecord> action) {
        int after = -1;
        while (true) {
            List<MemberImportProblemRecord> rows = dsl.selectFrom(MEMBER_IMPORT_PROBLEM)
                    .where(MEMBER_IMPORT_PROBLEM.IMPORT_ID.eq(importId).and(MEMBER_IMPORT_PROBLEM.LINE_NO.gt(after)))
                    .orderBy(MEMBER_IMPORT_PROBLEM.LINE_NO)
                    .limit(1000)
                    .fetch();
            if (rows.isEmpty()) {
                return;
            }
            rows.forEach(action);
            after = rows.getLast().getLineNo();
        }
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

    /** Rows of a chunk that became transfer requests: counted apart, in the chunk's own transaction. */
    void addTransferRequests(long importId, int transferRequests) {
        dsl.update(MEMBER_IMPORT)
                .set(MEMBER_IMPORT.TRANSFER_REQUESTS, MEMBER_IMPORT.TRANSFER_REQUESTS.plus(transferRequests))
                .set(MEMBER_IMPORT.PROCESSED_ROWS, MEMBER_IMPORT.PROCESSED_ROWS.plus(transferRequests))
                .where(MEMBER_IMPORT.ID.eq(importId))
                .execute();
    }

    /** Takes the import for {@code holder} unless another holds a live lease; true when taken. */
    boolean claim(long importId, Instant now, Instant leaseUntil, String holder) {
        return dsl.update(MEMBER_IMPORT)
                        .set(MEMBER_IMPORT.LEASE_UNTIL, leaseUntil)
                        .set(MEMBER_IMPORT.LEASE_HOLDER, holder)
                        .set(MEMBER_IMPORT.LEASE_SINCE, now)
                        .where(MEMBER_IMPORT
                                .ID
                                .eq(importId)
                                .and(MEMBER_IMPORT.STATUS.eq("APPLYING"))
                                .and(MEMBER_IMPORT.LEASE_UNTIL.isNull().or(MEMBER_IMPORT.LEASE_UNTIL.lt(now))))
                        .execute()
                == 1;
    }

    /**
     * Takes the import from {@code deadHolder}, proven dead, however long its lease would still run;
     * false when another process took it first.
     */
    boolean takeOver(long importId, String deadHolder, Instant now, Instant leaseUntil, String holder) {
        return dsl.update(MEMBER_IMPORT)
                        .set(MEMBER_IMPORT.LEASE_UNTIL, leaseUntil)
                        .set(MEMBER_IMPORT.LEASE_HOLDER, holder)
                        .set(MEMBER_IMPORT.LEASE_SINCE, now)
                        .where(MEMBER_IMPORT
                                .ID
                                .eq(importId)
                                .and(MEMBER_IMPORT.STATUS.eq("APPLYING"))
                                .and(MEMBER_IMPORT.LEASE_HOLDER.eq(deadHolder)))
                        .execute()
                == 1;
    }

    /** APPLYING imports under a live lease, each with its holder: those of dead processes are taken over. */
    Map<Long, String> leasedHolders(Instant now) {
        return dsl.select(MEMBER_IMPORT.ID, MEMBER_IMPORT.LEASE_HOLDER)
                .from(MEMBER_IMPORT)
                .where(MEMBER_IMPORT
                        .STATUS
                        .eq("APPLYING")
                        .and(MEMBER_IMPORT.LEASE_UNTIL.ge(now))
                        .and(MEMBER_IMPORT.LEASE_HOLDER.isNotNull()))
                .fetchMap(MEMBER_IMPORT.ID, MEMBER_IMPORT.LEASE_HOLDER);
    }

    void finish(long importId, String status, String failure, Instant now) {
        dsl.update(MEMBER_IMPORT)
                .set(MEMBER_IMPORT.STATUS, status)
                .set(MEMBER_IMPORT.FAILURE, failure)
                .set(MEMBER_IMPORT.FINISHED_AT, now)
                .setNull(MEMBER_IMPORT.LEASE_UNTIL)
                .setNull(MEMBER_IMPORT.LEASE_HOLDER)
                .setNull(MEMBER_IMPORT.LEASE_SINCE)
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

    Page<MemberImportProblemRecord> problems(long importId, PageRequest page) {
        Condition where = MEMBER_IMPORT_PROBLEM.IMPORT_ID.eq(importId);
        int total = dsl.fetchCount(MEMBER_IMPORT_PROBLEM, where);
        List<MemberImportProblemRecord> items = dsl.selectFrom(MEMBER_IMPORT_PROBLEM)
                .where(where)
                .orderBy(MEMBER_IMPORT_PROBLEM.LINE_NO)
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
