package ru.profkom.members;

import static profkom.schema.Tables.MEMBER_TRANSFER_REQUEST;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.MemberTransferRequestRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.shared.Actor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.TreePaths;

/** The transfer requests' table: one row per request, listed from either side's subtree. */
@Repository
class TransferRequestRepository {

    private final DSLContext dsl;

    TransferRequestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What a new request records: the person, both sides and the requester's own input. */
    record NewRequest(
            long personId,
            Long fromMembershipId,
            long fromOrganizationId,
            String fromOrganizationPath,
            long toOrganizationId,
            String toOrganizationPath,
            String submittedName,
            LocalDate submittedBirthDate,
            Category category,
            LocalDate joinedOn,
            TransferSource source,
            Long importId,
            Integer lineNo) {}

    long insert(NewRequest request, Actor actor, Instant now) {
        return dsl.insertInto(MEMBER_TRANSFER_REQUEST)
                .set(MEMBER_TRANSFER_REQUEST.PERSON_ID, request.personId())
                .set(MEMBER_TRANSFER_REQUEST.FROM_MEMBERSHIP_ID, request.fromMembershipId())
                .set(MEMBER_TRANSFER_REQUEST.FROM_ORGANIZATION_ID, request.fromOrganizationId())
                .set(MEMBER_TRANSFER_REQUEST.FROM_ORGANIZATION_PATH, request.fromOrganizationPath())
                .set(MEMBER_TRANSFER_REQUEST.TO_ORGANIZATION_ID, request.toOrganizationId())
                .set(MEMBER_TRANSFER_REQUEST.TO_ORGANIZATION_PATH, request.toOrganizationPath())
                .set(MEMBER_TRANSFER_REQUEST.SUBMITTED_NAME, HistoryRepository.abbreviate(request.submittedName()))
                .set(MEMBER_TRANSFER_REQUEST.SUBMITTED_BIRTH_DATE, request.submittedBirthDate())
                .set(MEMBER_TRANSFER_REQUEST.CATEGORY, request.category().name())
                .set(MEMBER_TRANSFER_REQUEST.JOINED_ON, request.joinedOn())
                .set(MEMBER_TRANSFER_REQUEST.SOURCE, request.source().name())
                .set(MEMBER_TRANSFER_REQUEST.IMPORT_ID, request.importId())
                .set(MEMBER_TRANSFER_REQUEST.LINE_NO, request.lineNo())
                .set(MEMBER_TRANSFER_REQUEST.STATUS, TransferStatus.PENDING.name())
                .set(MEMBER_TRANSFER_REQUEST.REQUESTED_AT, now)
                .set(MEMBER_TRANSFER_REQUEST.REQUESTED_BY, actor.accountId())
                .set(MEMBER_TRANSFER_REQUEST.REQUESTED_BY_LOGIN, actor.login())
                .returning(MEMBER_TRANSFER_REQUEST.ID)
                .fetchOne(MEMBER_TRANSFER_REQUEST.ID);
    }

    /** A waiting request for the same person into the same organization: a repeated file adds no second one. */
    Optional<Long> pending(long personId, long toOrganizationId) {
        return dsl.select(MEMBER_TRANSFER_REQUEST.ID)
                .from(MEMBER_TRANSFER_REQUEST)
                .where(MEMBER_TRANSFER_REQUEST.PERSON_ID.eq(personId))
                .and(MEMBER_TRANSFER_REQUEST.TO_ORGANIZATION_ID.eq(toOrganizationId))
                .and(MEMBER_TRANSFER_REQUEST.STATUS.eq(TransferStatus.PENDING.name()))
                .limit(1)
                .fetchOptional(MEMBER_TRANSFER_REQUEST.ID);
    }

    Optional<MemberTransferRequestRecord> find(long id) {
        return dsl.selectFrom(MEMBER_TRANSFER_REQUEST)
                .where(MEMBER_TRANSFER_REQUEST.ID.eq(id))
                .fetchOptional();
    }

    Optional<MemberTransferRequestRecord> findForUpdate(long id) {
        return dsl.selectFrom(MEMBER_TRANSFER_REQUEST)
                .where(MEMBER_TRANSFER_REQUEST.ID.eq(id))
                .forUpdate()
                .fetchOptional();
    }

    /** The requests of people held in the subtree ({@code incoming}) or asked for by it, newest first. */
    Page<MemberTransferRequestRecord> list(
            String subtreePath, boolean incoming, TransferStatus status, PageRequest page) {
        var t = MEMBER_TRANSFER_REQUEST;
        Condition condition =
                TreePaths.within(incoming ? t.FROM_ORGANIZATION_PATH : t.TO_ORGANIZATION_PATH, subtreePath);
        if (status != null) {
            condition = condition.and(t.STATUS.eq(status.name()));
        }
        List<MemberTransferRequestRecord> rows = dsl.selectFrom(t)
                .where(condition)
                .orderBy(t.ID.desc())
                .limit(page.size() + 1)
                .offset(page.offset())
                .fetch();
        return Page.fromOneMore(rows, page);
    }

    void decide(long id, TransferStatus status, Actor actor, Instant now, String note, Long newMembershipId) {
        dsl.update(MEMBER_TRANSFER_REQUEST)
                .set(MEMBER_TRANSFER_REQUEST.STATUS, status.name())
                .set(MEMBER_TRANSFER_REQUEST.DECIDED_AT, now)
                .set(MEMBER_TRANSFER_REQUEST.DECIDED_BY, actor.accountId())
                .set(MEMBER_TRANSFER_REQUEST.DECIDED_BY_LOGIN, actor.login())
                .set(MEMBER_TRANSFER_REQUEST.NOTE, note)
                .set(MEMBER_TRANSFER_REQUEST.NEW_MEMBERSHIP_ID, newMembershipId)
                .where(MEMBER_TRANSFER_REQUEST.ID.eq(id))
                .execute();
    }

    /** Keeps the copied paths current when a subtree moves, like a membership's. */
    void repath(String oldPath, String newPath) {
        var t = MEMBER_TRANSFER_REQUEST;
        dsl.update(t)
                .set(t.FROM_ORGANIZATION_PATH, TreePaths.moved(t.FROM_ORGANIZATION_PATH, oldPath, newPath))
                .where(TreePaths.within(t.FROM_ORGANIZATION_PATH, oldPath))
                .execute();
        dsl.update(t)
                .set(t.TO_ORGANIZATION_PATH, TreePaths.moved(t.TO_ORGANIZATION_PATH, oldPath, newPath))
                .where(TreePaths.within(t.TO_ORGANIZATION_PATH, oldPath))
                .execute();
    }
}
