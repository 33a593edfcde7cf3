package ru.profkom.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An in-memory cache for what visitors read far more often than it changes. An entry older than its
 * time to live is reloaded by one request while every other request is still served the old value, so
 * the moment an entry expires never makes all waiting requests load it at once. Entries are dropped
 * by events of this node; other nodes see a change within the time to live.
 */
public final class StaleWhileReloadCache<K, V> {

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public StaleWhileReloadCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /**
     * The cached value, or the loader's. A loader returning {@code null} caches nothing (a page that
     * failed to render, for instance), and the next request tries again.
     */
    public V get(K key, Supplier<V> loader) {
        Entry<V> cached = entries.get(key);
        if (cached != null
                && (System.nanoTime() - cached.loadedAt() < ttlNanos
                        || !cached.reloading().compareAndSet(false, true))) {
            return cached.value();
        }
        V loaded;
        try {
            loaded = loader.get();
        } catch (RuntimeException | Error e) {
            if (cached != null) {
                cached.reloading().set(false);
            }
            throw e;
        }
        if (loaded == null) {
            if (cached != null) {
                cached.reloading().set(false);
            }
            return null;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(loaded, System.nanoTime(), new AtomicBoolean()));
        return loaded;
    }

    public void remove(K key) {
        entries.remove(key);
    }

    public void removeIf(Predicate<K> condition) {
        entries.keySet().removeIf(condition);
    }

    public void clear() {
        entries.clear();
    }

    private record Entry<V>(V value, long loadedAt, AtomicBoolean reloading) {}
}
