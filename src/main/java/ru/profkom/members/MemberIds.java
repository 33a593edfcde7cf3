package ru.profkom.members;

import static profkom.schema.Tables.MEMBER_ID_BLOCK;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ids of people and memberships in blocks, so that an import inserts a thousand rows in
 * one statement and still knows their ids. Every insert of those tables takes its id here.
 */
@Component
class MemberIds {

    static final String PERSON = "person";
    static final String MEMBERSHIP = "membership";

    private final DSLContext dsl;
    private final TransactionTemplate ownTransaction;

    MemberIds(DSLContext dsl, PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // The block's row stays locked only for this moment, not for the whole import chunk.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The first of {@code count} consecutive fresh ids. */
    long take(String name, int count) {
        Long first = ownTransaction.execute(status -> {
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
        return first;
    }
}
