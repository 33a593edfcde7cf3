package ru.profkom.shared;

final class SystemActorScope {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private SystemActorScope() {}

    static void enter() {
        DEPTH.set(DEPTH.get() + 1);
    }

    static void leave() {
        int depth = DEPTH.get() - 1;
        if (depth <= 0) {
            DEPTH.remove();
        } else {
            DEPTH.set(depth);
        }
    }

    static boolean active() {
        return DEPTH.get() > 0;
    }
}
