package ru.profkom.workspace;

import static profkom.schema.Tables.WORKSPACE_READ;
import static profkom.schema.Tables.WORKSPACE_SETTING;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final DSLContext dsl;

    NotificationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Set<String> readKeys(long accountId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.select(WORKSPACE_READ.ITEM_KEY)
                .from(WORKSPACE_READ)
                .where(WORKSPACE_READ.ACCOUNT_ID.eq(accountId))
                .and(WORKSPACE_READ.ITEM_KEY.in(keys))
                .fetch(WORKSPACE_READ.ITEM_KEY));
    }

    void markRead(long accountId, Collection<String> keys, Instant at) {
        Set<String> already = readKeys(accountId, keys);
        var batch = keys.stream()
                .filter(key -> !already.contains(key))
                .distinct()
                .map(key -> dsl.insertInto(WORKSPACE_READ)
                        .set(WORKSPACE_READ.ACCOUNT_ID, accountId)
                        .set(WORKSPACE_READ.ITEM_KEY, key)
                        .set(WORKSPACE_READ.READ_AT, at))
                .toList();
        if (!batch.isEmpty()) {
            dsl.batch(batch).execute();
        }
    }

    boolean digestEnabled(long accountId) {
        return dsl.select(WORKSPACE_SETTING.DIGEST_ENABLED)
                .from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.ACCOUNT_ID.eq(accountId))
                .fetchOptional(WORKSPACE_SETTING.DIGEST_ENABLED)
                .orElse(true);
    }

    void setDigestEnabled(long accountId, boolean enabled, Instant at) {
        int updated = dsl.update(WORKSPACE_SETTING)
                .set(WORKSPACE_SETTING.DIGEST_ENABLED, enabled)
                .set(WORKSPACE_SETTING.UPDATED_AT, at)
                .where(WORKSPACE_SETTING.ACCOUNT_ID.eq(accountId))
                .execute();
        if (updated == 0) {
            dsl.insertInto(WORKSPACE_SETTING)
                    .set(WORKSPACE_SETTING.ACCOUNT_ID, accountId)
                    .set(WORKSPACE_SETTING.DIGEST_ENABLED, enabled)
                    .set(WORKSPACE_SETTING.UPDATED_AT, at)
                    .execute();
        }
    }
}
