package ru.profkom.shared;

import java.util.function.Supplier;

/** Resolves who is acting now; implemented by the accounts module from the security context. */
public interface CurrentActor {

    Actor get();

    /** Runs work on behalf of the system, for start-up and background jobs that no user started. */
    static <T> T asSystem(Supplier<T> work) {
        SystemActorScope.enter();
        try {
            return work.get();
        } finally {
            SystemActorScope.leave();
        }
    }

    static void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    static boolean insideSystemScope() {
        return SystemActorScope.active();
    }
}
