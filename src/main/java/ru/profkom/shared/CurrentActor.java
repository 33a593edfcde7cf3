package ru.profkom.shared;

import java.util.Optional;
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

    /**
     * Runs work as one account outside any request, for a background job that does a person's reading (the
     * e-mail digest lists their tasks): every facade then checks that account's grants, exactly as for their
     * own request. The actor is built by the accounts module ({@code ActingAccounts}) from the stored grants,
     * never from the caller's word.
     */
    static <T> T as(Actor actor, Supplier<T> work) {
        if (actor.system() || actor.accountId() == null) {
            throw new IllegalArgumentException("Only an account is acted for; the system runs through asSystem");
        }
        SystemActorScope.enter(actor);
        try {
            return work.get();
        } finally {
            SystemActorScope.leave();
        }
    }

    /** The actor of the innermost {@link #asSystem} or {@link #as} block on this thread, if any. */
    static Optional<Actor> scoped() {
        return SystemActorScope.current();
    }
}
