package ru.profkom.members;

import static profkom.schema.Tables.MEMBER_ID_BLOCK;

import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ids of people and memberships in blocks, so that an import inserts a thousand rows in
 * one statement and still knows their ids. Every insert of those tables takes its id here.
 *
 * <p>Each process reserves ids from the database {@link #RESERVED} at a time and hands them out from
 * memory: an import chunk would otherwise pay two extra transactions, each with its own commit, to
 * learn its ids. Ids a process reserved and did not use are skipped, never reused.
 */
@Component
@org.springframework.modulith.NamedInterface("internal")
public class MemberIds {

    public static final String PERSON = "person";
    public static final String MEMBERSHIP = "membership";
    static final int RESERVED = 20_000;

    private final DSLContext dsl;
    private final TransactionTemplate ownTransaction;
    /** Per name: the next free id of this process's reserve, and the first id beyond it. */
    private final Map<String, long[]> reserves = new HashMap<>();

    MemberIds(DSLContext dsl, PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // The block's row stays locked only for this moment, not for the whole import chunk.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The first of {@code count} consecutive fresh ids. */
    synchronized long take(String name, int count) {
        long[] reserve = reserves.computeIfAbsent(name, key -> new long[2]);
        if (reserve[1] - reserve[0] < count) {
            int size = Math.max(count, RESERVED);
            reserve[0] = reserveInDatabase(name, size);
            reserve[1] = reserve[0] + size;
        }
        long first = reserve[0];
        reserve[0] += count;
        return first;
    }

    private long reserveInDatabase(String name, int count) {
        return ownTransaction.execute(status -> {
            dsl.update(MEMBER_ID_BLOCK)
                    .set(MEMBER_ID_BLOCK.NEXT_ID, MEMBER_ID_BLOCK.NEXT_ID.plus(count))
                    .where(MEMBER_ID_BLOCK.NAME.eq(name))
                    .execute();
            return dsl.select(MEMBER_ID_BLOCK.NEXT_ID)
                            .from(MEMBER_ID_BLOCK)
                            .where(MEMBER_ID_BLOCK.NAME.eq(name))
                            .fetchSingle(MEMBER_ID_BLOCK.NEXT_ID)
                    - count;
        });
    }
}
