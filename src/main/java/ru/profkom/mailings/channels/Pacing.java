package ru.profkom.mailings.channels;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces calls to a peer: at most {@code perSecond} a second overall and one per {@code perKey} to the same
 * recipient (Telegram: 25 a second for a bot, one a second to one chat). A caller reserves a slot and waits
 * the answer before calling; the peer's own "wait" ({@code retry_after}) holds every call until it has passed.
 * Time comes from a ticker in nanoseconds so that tests move it by hand.
 */
final class Pacing {

    private static final int FORGET_AFTER_KEYS = 10_000;

    private final LongSupplier nanoTime;
    private final long overallGap;
    private final long keyGap;
    private final Map<String, Long> nextForKey = new HashMap<>();
    private long nextOverall;
    private long heldUntil;
    private boolean started;

    Pacing(LongSupplier nanoTime, int perSecond, Duration perKey) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("perSecond must be positive");
        }
        this.nanoTime = nanoTime;
        this.overallGap = Duration.ofSeconds(1).toNanos() / perSecond;
        this.keyGap = perKey.toNanos();
    }

    /** Reserves the next free slot for a call to {@code key}; answers how long to wait before making it. */
    synchronized Duration reserve(String key) {
        long now = nanoTime.getAsLong();
        if (!started) {
            nextOverall = now;
            heldUntil = now;
            started = true;
        }
        long at = Math.max(now, Math.max(nextOverall, heldUntil));
        Long forKey = key == null ? null : nextForKey.get(key);
        if (forKey != null && forKey - at > 0) {
            at = forKey;
        }
        nextOverall = at + overallGap;
        if (key != null && keyGap > 0) {
            nextForKey.put(key, at + keyGap);
            if (nextForKey.size() > FORGET_AFTER_KEYS) {
                forgetPast(now);
            }
        }
        return Duration.ofNanos(at - now);
    }

    /** The peer asked to wait: no call before {@code wait} from now. */
    synchronized void holdFor(Duration wait) {
        long until = nanoTime.getAsLong() + wait.toNanos();
        if (!started || until - heldUntil > 0) {
            heldUntil = until;
            started = true;
        }
    }

    /** How long the peer's last "wait" still holds; zero when it has passed. */
    synchronized Duration held() {
        if (!started) {
            return Duration.ZERO;
        }
        long left = heldUntil - nanoTime.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    private void forgetPast(long now) {
        for (Iterator<Long> next = nextForKey.values().iterator(); next.hasNext(); ) {
            if (next.next() - now <= 0) {
                next.remove();
            }
        }
    }
}
