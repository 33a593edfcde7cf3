package ru.profkom.accounts;

import static profkom.schema.Tables.ACCESS_THROTTLE;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.AccessThrottleRecord;

/**
 * Counts attempts per key (a source address or a login) in the database, so that every node sees the same
 * counts, and blocks a key for an exponentially growing time once its free attempts are used up.
 */
@Repository
class AccessThrottles {

    /**
     * How a kind of attempt is throttled: the attempt that reaches {@code freeAttempts} blocks the key for
     * {@code base}, each further one for twice as long as the one before, at most {@code cap}. A key's count is
     * forgotten {@code memory} after its last attempt.
     */
    record Policy(int freeAttempts, Duration base, Duration cap, Duration memory) {

        Duration blockAfter(int attempts) {
            int over = attempts - freeAttempts + 1;
            if (over <= 0) {
                return Duration.ZERO;
            }
            // 2^20 s is twelve days: beyond any sensible cap, and no overflow.
            long factor = 1L << Math.min(over - 1, 20);
            Duration block = base.multipliedBy(factor);
            return block.compareTo(cap) > 0 ? cap : block;
        }
    }

    private final DSLContext dsl;

    AccessThrottles(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Until when the key is blocked, if it is now. */
    Optional<Instant> blockedUntil(String key, Instant now) {
        return dsl.select(ACCESS_THROTTLE.BLOCKED_UNTIL)
                .from(ACCESS_THROTTLE)
                .where(ACCESS_THROTTLE.THROTTLE_KEY.eq(key))
                .and(ACCESS_THROTTLE.BLOCKED_UNTIL.gt(now))
                .fetchOptional(ACCESS_THROTTLE.BLOCKED_UNTIL);
    }

    /** The attempts of the key still remembered now. */
    int attempts(String key, Policy policy, Instant now) {
        return dsl.select(ACCESS_THROTTLE.ATTEMPTS)
                .from(ACCESS_THROTTLE)
                .where(ACCESS_THROTTLE.THROTTLE_KEY.eq(key))
                .and(ACCESS_THROTTLE.LAST_ATTEMPT_AT.gt(now.minus(policy.memory())))
                .fetchOptional(ACCESS_THROTTLE.ATTEMPTS)
                .orElse(0);
    }

    /**
     * Counts one attempt of the key and blocks it when the policy says so; returns the new count. The row is
     * locked while it is counted, so that attempts arriving at the same time on several nodes all count.
     */
    int count(String key, Policy policy, Instant now) {
        dsl.insertInto(ACCESS_THROTTLE)
                .set(ACCESS_THROTTLE.THROTTLE_KEY, key)
                .set(ACCESS_THROTTLE.ATTEMPTS, 0)
                .set(ACCESS_THROTTLE.LAST_ATTEMPT_AT, now)
                .onDuplicateKeyIgnore()
                .execute();
        AccessThrottleRecord row = dsl.selectFrom(ACCESS_THROTTLE)
                .where(ACCESS_THROTTLE.THROTTLE_KEY.eq(key))
                .forUpdate()
                .fetchOne();
        boolean forgotten = row.getLastAttemptAt().isBefore(now.minus(policy.memory()));
        int attempts = (forgotten ? 0 : row.getAttempts()) + 1;
        Duration block = policy.blockAfter(attempts);
        dsl.update(ACCESS_THROTTLE)
                .set(ACCESS_THROTTLE.ATTEMPTS, attempts)
                .set(ACCESS_THROTTLE.LAST_ATTEMPT_AT, now)
                .set(ACCESS_THROTTLE.BLOCKED_UNTIL, block.isZero() ? null : now.plus(block))
                .where(ACCESS_THROTTLE.THROTTLE_KEY.eq(key))
                .execute();
        if (attempts == 1) {
            // Now and then, when a key starts anew, the rows nobody remembers any more go.
            dsl.deleteFrom(ACCESS_THROTTLE)
                    .where(ACCESS_THROTTLE.LAST_ATTEMPT_AT.lt(
                            now.minus(policy.memory().multipliedBy(2))))
                    .and(ACCESS_THROTTLE.BLOCKED_UNTIL.isNull().or(ACCESS_THROTTLE.BLOCKED_UNTIL.lt(now)))
                    .execute();
        }
        return attempts;
    }

    boolean exists(String key) {
        return dsl.fetchExists(ACCESS_THROTTLE, ACCESS_THROTTLE.THROTTLE_KEY.eq(key));
    }

    void forget(String key) {
        dsl.deleteFrom(ACCESS_THROTTLE)
                .where(ACCESS_THROTTLE.THROTTLE_KEY.eq(key))
                .execute();
    }
}
