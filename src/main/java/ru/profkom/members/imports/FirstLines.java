package ru.profkom.members.imports;

/**
 * The first line of a file where each key was seen, for finding duplicates inside a million-row
 * import in a few megabytes: keys are kept as 64-bit hashes in an open-addressing table rather
 * than as strings in a map. Two different keys sharing a hash (about one chance in 10^7 for a
 * million keys) would show a false "duplicate of line N", which the user sees and can correct.
 */
final class FirstLines {

    private long[] hashes = new long[1 << 12];
    private int[] lines = new int[1 << 12];
    private int size;

    /** The line where the key was first seen, or 0 if it is new (and is now remembered at {@code line}). */
    int putIfAbsent(String key, int line) {
        long hash = hash(key);
        if (size * 2 >= hashes.length) {
            grow();
        }
        int mask = hashes.length - 1;
        for (int slot = (int) (hash ^ (hash >>> 32)) & mask; ; slot = (slot + 1) & mask) {
            if (lines[slot] == 0) {
                hashes[slot] = hash;
                lines[slot] = line;
                size++;
                return 0;
            }
            if (hashes[slot] == hash) {
                return lines[slot];
            }
        }
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldLines = lines;
        hashes = new long[oldHashes.length * 2];
        lines = new int[oldLines.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldLines[i] != 0) {
                int slot = (int) (oldHashes[i] ^ (oldHashes[i] >>> 32)) & mask;
                while (lines[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    /** FNV-1a over the UTF-16 units, then a final mix so that near keys land far apart. */
    static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
