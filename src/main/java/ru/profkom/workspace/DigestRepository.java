package ru.profkom.workspace;

import static profkom.schema.Tables.WORKSPACE_DIGEST;
import static profkom.schema.Tables.WORKSPACE_DIGEST_ITEM;
import static profkom.schema.Tables.WORKSPACE_SETTING;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class DigestRepository {

    private final DSLContext dsl;

    DigestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The accounts that switched the digest off. */
    Set<Long> switchedOff() {
        return new HashSet<>(dsl.select(WORKSPACE_SETTING.ACCOUNT_ID)
                .from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.DIGEST_ENABLED.isFalse())
                .fetch(WORKSPACE_SETTING.ACCOUNT_ID));
    }

    /** The accounts already sent the digest of that day. */
    Set<Long> sentOn(LocalDate day) {
        return new HashSet<>(dsl.select(WORKSPACE_DIGEST.ACCOUNT_ID)
                .from(WORKSPACE_DIGEST)
                .where(WORKSPACE_DIGEST.DIGEST_DATE.eq(day))
                .fetch(WORKSPACE_DIGEST.ACCOUNT_ID));
    }

    Set<String> alreadySent(long accountId) {
        return new HashSet<>(dsl.select(WORKSPACE_DIGEST_ITEM.ITEM_KEY)
                .from(WORKSPACE_DIGEST_ITEM)
                .where(WORKSPACE_DIGEST_ITEM.ACCOUNT_ID.eq(accountId))
                .fetch(WORKSPACE_DIGEST_ITEM.ITEM_KEY));
    }

    /**
     * Claims the day's digest for the account: false when it was claimed already (by another node in the same
     * moment, or a run repeated), and then nothing is to be sent.
     */
    boolean claim(long accountId, LocalDate day, int taskCount, Instant at) {
        return dsl.insertInto(WORKSPACE_DIGEST)
                        .set(WORKSPACE_DIGEST.ACCOUNT_ID, accountId)
                        .set(WORKSPACE_DIGEST.DIGEST_DATE, day)
                        .set(WORKSPACE_DIGEST.TASK_COUNT, taskCount)
                        .set(WORKSPACE_DIGEST.SENT_AT, at)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Remembers the tasks sent and forgets those no longer open, which are not among them. */
    void rememberSent(long accountId, Collection<String> openKeys, Collection<String> newKeys, LocalDate day) {
        dsl.deleteFrom(WORKSPACE_DIGEST_ITEM)
                .where(WORKSPACE_DIGEST_ITEM.ACCOUNT_ID.eq(accountId))
                .and(
                        openKeys.isEmpty()
                                ? org.jooq.impl.DSL.trueCondition()
                                : WORKSPACE_DIGEST_ITEM.ITEM_KEY.notIn(openKeys))
                .execute();
        var inserts = newKeys.stream()
                .distinct()
                .map(key -> dsl.insertInto(WORKSPACE_DIGEST_ITEM)
                        .set(WORKSPACE_DIGEST_ITEM.ACCOUNT_ID, accountId)
                        .set(WORKSPACE_DIGEST_ITEM.ITEM_KEY, key)
                        .set(WORKSPACE_DIGEST_ITEM.FIRST_SENT_ON, day))
                .toList();
        if (!inserts.isEmpty()) {
            dsl.batch(inserts).execute();
        }
    }
}
