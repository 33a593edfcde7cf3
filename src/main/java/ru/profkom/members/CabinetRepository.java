package ru.profkom.members;

import static profkom.schema.Tables.MEMBER_ACCOUNT;
import static profkom.schema.Tables.MEMBER_CORRECTION;
import static profkom.schema.Tables.PERSON;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** Links of accounts to persons and the members' correction requests. */
@Repository
class CabinetRepository {

    private final DSLContext dsl;

    CabinetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- account links ---------------------------------------------------------------------

    Optional<Long> personOf(long accountId) {
        return dsl.select(MEMBER_ACCOUNT.PERSON_ID)
                .from(MEMBER_ACCOUNT)
                .where(MEMBER_ACCOUNT.ACCOUNT_ID.eq(accountId))
                .fetchOptional(MEMBER_ACCOUNT.PERSON_ID);
    }

    Optional<Long> accountOf(long personId) {
        return dsl.select(MEMBER_ACCOUNT.ACCOUNT_ID)
                .from(MEMBER_ACCOUNT)
                .where(MEMBER_ACCOUNT.PERSON_ID.eq(personId))
                .fetchOptional(MEMBER_ACCOUNT.ACCOUNT_ID);
    }

    /** The person's link is replaced: one account per person, one person per account. */
    void link(long personId, long accountId, Long linkedBy, Instant now) {
        dsl.deleteFrom(MEMBER_ACCOUNT)
                .where(MEMBER_ACCOUNT.PERSON_ID.eq(personId))
                .execute();
        dsl.insertInto(MEMBER_ACCOUNT)
                .set(MEMBER_ACCOUNT.ACCOUNT_ID, accountId)
                .set(MEMBER_ACCOUNT.PERSON_ID, personId)
                .set(MEMBER_ACCOUNT.LINKED_AT, now)
                .set(MEMBER_ACCOUNT.LINKED_BY, linkedBy)
                .execute();
    }

    // ---- corrections -----------------------------------------------------------------------

    long insertCorrection(long personId, long organizationId, String organizationPath, String text, Instant now) {
        return dsl.insertInto(MEMBER_CORRECTION)
                .set(MEMBER_CORRECTION.PERSON_ID, personId)
                .set(MEMBER_CORRECTION.ORGANIZATION_ID, organizationId)
                .set(MEMBER_CORRECTION.ORGANIZATION_PATH, organizationPath)
                .set(MEMBER_CORRECTION.TEXT, text)
                .set(MEMBER_CORRECTION.CREATED_AT, now)
                .returning(MEMBER_CORRECTION.ID)
                .fetchOne(MEMBER_CORRECTION.ID);
    }

    Optional<String> correctionPath(long correctionId) {
        return dsl.select(MEMBER_CORRECTION.ORGANIZATION_PATH)
                .from(MEMBER_CORRECTION)
                .where(MEMBER_CORRECTION.ID.eq(correctionId))
                .fetchOptional(MEMBER_CORRECTION.ORGANIZATION_PATH);
    }

    boolean resolve(long correctionId, long resolvedBy, Instant now) {
        return dsl.update(MEMBER_CORRECTION)
                        .set(MEMBER_CORRECTION.RESOLVED_AT, now)
                        .set(MEMBER_CORRECTION.RESOLVED_BY, resolvedBy)
                        .where(MEMBER_CORRECTION.ID.eq(correctionId).and(MEMBER_CORRECTION.RESOLVED_AT.isNull()))
                        .execute()
                > 0;
    }

    Page<CorrectionRequest> openCorrections(String organizationPath, PageRequest page) {
        Condition open = MEMBER_CORRECTION
                .ORGANIZATION_PATH
                .like(organizationPath + "%")
                .and(MEMBER_CORRECTION.RESOLVED_AT.isNull());
        List<CorrectionRequest> items = corrections(open)
                .orderBy(MEMBER_CORRECTION.CREATED_AT, MEMBER_CORRECTION.ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(CabinetRepository::toCorrection);
        long total = dsl.fetchCount(MEMBER_CORRECTION, open);
        return new Page<>(items, page.page(), page.size(), total);
    }

    List<CorrectionRequest> correctionsOf(long personId) {
        return corrections(MEMBER_CORRECTION.PERSON_ID.eq(personId))
                .orderBy(MEMBER_CORRECTION.CREATED_AT.desc(), MEMBER_CORRECTION.ID.desc())
                .limit(50)
                .fetch(CabinetRepository::toCorrection);
    }

    private org.jooq.SelectConditionStep<Record> corrections(Condition condition) {
        return dsl.select(MEMBER_CORRECTION.fields())
                .select(PERSON.LAST_NAME, PERSON.FIRST_NAME, PERSON.PATRONYMIC)
                .from(MEMBER_CORRECTION)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBER_CORRECTION.PERSON_ID))
                .where(condition);
    }

    private static CorrectionRequest toCorrection(Record r) {
        String patronymic = r.get(PERSON.PATRONYMIC);
        return new CorrectionRequest(
                r.get(MEMBER_CORRECTION.ID),
                r.get(MEMBER_CORRECTION.PERSON_ID),
                r.get(PERSON.LAST_NAME) + " " + r.get(PERSON.FIRST_NAME) + (patronymic == null ? "" : " " + patronymic),
                r.get(MEMBER_CORRECTION.ORGANIZATION_ID),
                r.get(MEMBER_CORRECTION.TEXT),
                r.get(MEMBER_CORRECTION.CREATED_AT),
                r.get(MEMBER_CORRECTION.RESOLVED_AT));
    }

    /** Keeps the stored paths current when a subtree moves in the tree, like the memberships'. */
    void repath(String oldPath, String newPath) {
        dsl.update(MEMBER_CORRECTION)
                .set(
                        MEMBER_CORRECTION.ORGANIZATION_PATH,
                        DSL.val(newPath)
                                .concat(DSL.substring(MEMBER_CORRECTION.ORGANIZATION_PATH, oldPath.length() + 1)))
                .where(MEMBER_CORRECTION.ORGANIZATION_PATH.like(oldPath + "%"))
                .execute();
    }
}
