package ru.profkom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StaleWhileReloadCacheTests {

    @Test
    void aFreshEntryIsServedWithoutLoading() {
        StaleWhileReloadCache<String, String> cache = new StaleWhileReloadCache<>(Duration.ofHours(1), 10);
        AtomicInteger loads = new AtomicInteger();

        cache.get("news", () -> "v" + loads.incrementAndGet());

        assertThat(cache.get("news", () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void whileOneRequestReloadsAnExpiredEntryTheOthersGetTheOldValue() {
        StaleWhileReloadCache<String, String> cache = new StaleWhileReloadCache<>(Duration.ZERO, 10);
        cache.get("news", () -> "old");
        String[] seenByAnotherRequest = new String[1];

        String reloaded = cache.get("news", () -> {
            seenByAnotherRequest[0] = cache.get("news", () -> "loaded twice");
            return "new";
        });

        assertThat(reloaded).isEqualTo("new");
        assertThat(seenByAnotherRequest[0]).isEqualTo("old");
        assertThat(cache.get("news", () -> "newest")).isEqualTo("newest");
    }

    @Test
    void aFailedOrEmptyReloadKeepsTheOldValueAndLetsTheNextRequestTryAgain() {
        StaleWhileReloadCache<String, String> cache = new StaleWhileReloadCache<>(Duration.ZERO, 10);
        cache.get("news", () -> "old");

        assertThatThrownBy(() -> cache.get("news", () -> {
                    throw new IllegalStateException("database down");
                }))
                .hasMessage("database down");
        assertThat(cache.get("news", () -> null)).isNull();
        String[] seenByAnotherRequest = new String[1];
        cache.get("news", () -> {
            seenByAnotherRequest[0] = cache.get("news", () -> "loaded twice");
            return "new";
        });

        assertThat(seenByAnotherRequest[0]).isEqualTo("old");
    }

    @Test
    void removedEntriesAreLoadedAgain() {
        StaleWhileReloadCache<String, String> cache = new StaleWhileReloadCache<>(Duration.ofHours(1), 10);
        cache.get("a", () -> "1");
        cache.get("b", () -> "1");

        cache.remove("a");
        cache.removeIf(key -> key.equals("b"));

        assertThat(cache.get("a", () -> "2")).isEqualTo("2");
        assertThat(cache.get("b", () -> "2")).isEqualTo("2");
    }
}
