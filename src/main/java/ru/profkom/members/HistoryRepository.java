package ru.profkom.members;

import static profkom.schema.Tables.MEMBER_CHANGE;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.MemberChangeRecord;
import ru.profkom.shared.BulkInsert;

/** The history of a person: who changed which field when, with the old and new values. */
@Repository
@org.springframework.modulith.NamedInterface("internal")
public class HistoryRepository {

    private final DSLContext dsl;

    HistoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insertChange(
            long personId,
            Instant at,
            Long actorId,
            String actorLogin,
            String field,
            String oldValue,
            String newValue) {
        dsl.insertInto(MEMBER_CHANGE)
                .set(MEMBER_CHANGE.PERSON_ID, personId)
                .set(MEMBER_CHANGE.OCCURRED_AT, at)
                .set(MEMBER_CHANGE.ACTOR_ID, actorId)
                .set(MEMBER_CHANGE.ACTOR_LOGIN, actorLogin)
                .set(MEMBER_CHANGE.FIELD, field)
                .set(MEMBER_CHANGE.OLD_VALUE, abbreviate(oldValue))
                .set(MEMBER_CHANGE.NEW_VALUE, abbreviate(newValue))
                .execute();
    }

    List<MemberChange> changes(long personId) {
        return dsl.selectFrom(MEMBER_CHANGE)
                .where(MEMBER_CHANGE.PERSON_ID.eq(personId))
                .orderBy(MEMBER_CHANGE.OCCURRED_AT.desc(), MEMBER_CHANGE.ID.desc())
                .limit(500)
                .fetch(r -> new MemberChange(
                        r.getOccurredAt(), r.getActorLogin(), r.getField(), r.getOldValue(), r.getNewValue()));
    }

    public static String abbreviate(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
    }

    /** The history rows of an import chunk, in one statement. */
    public void insertChanges(List<MemberChangeRecord> changes) {
        BulkInsert.insertAll(dsl, MEMBER_CHANGE, changes);
    }
}
