package ru.profkom.portal.web;

import static profkom.schema.Tables.USED_FORM_TOKEN;

import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The public forms' tokens already accepted, kept until they would have expired anyway. */
@Repository
class UsedFormTokens {

    private final DSLContext dsl;

    UsedFormTokens(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Marks the token used; false when it was used before, on this node or any other. Committed at once: a
     * submission that fails later (a wrong field) is shown a fresh token with its form.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean use(String tokenHash, Instant expiresAt, Instant now) {
        dsl.deleteFrom(USED_FORM_TOKEN)
                .where(USED_FORM_TOKEN.EXPIRES_AT.lt(now))
                .execute();
        return dsl.insertInto(USED_FORM_TOKEN)
                        .set(USED_FORM_TOKEN.TOKEN_HASH, tokenHash)
                        .set(USED_FORM_TOKEN.EXPIRES_AT, expiresAt)
                        .onDuplicateKeyIgnore()
                        .execute()
                == 1;
    }
}
