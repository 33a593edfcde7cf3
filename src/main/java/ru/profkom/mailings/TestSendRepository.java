package ru.profkom.mailings;

import static profkom.schema.Tables.MAILING_TEST_SEND;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The test sends to oneself, kept for {@link TestSendLimit}. */
@Repository
class TestSendRepository {

    private final DSLContext dsl;

    TestSendRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Instant> sentSince(long accountId, Instant since) {
        return dsl.select(MAILING_TEST_SEND.SENT_AT)
                .from(MAILING_TEST_SEND)
                .where(MAILING_TEST_SEND.ACCOUNT_ID.eq(accountId).and(MAILING_TEST_SEND.SENT_AT.gt(since)))
                .fetch(MAILING_TEST_SEND.SENT_AT);
    }

    void record(long accountId, long mailingId, Instant at) {
        dsl.insertInto(MAILING_TEST_SEND)
                .set(MAILING_TEST_SEND.ACCOUNT_ID, accountId)
                .set(MAILING_TEST_SEND.MAILING_ID, mailingId)
                .set(MAILING_TEST_SEND.SENT_AT, at)
                .execute();
    }
}
