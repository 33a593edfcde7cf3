package ru.profkom.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The actors a thread runs work for outside a request: the system, or one account a background job acts for.
 * A stack, so that the innermost block wins: a digest run for a person may read a ranking as the system and
 * comes back to the person afterwards.
 */
final class SystemActorScope {

    private static final ThreadLocal<Deque<Actor>> ACTORS = new ThreadLocal<>();

    private SystemActorScope() {}

    static void enter() {
        enter(Actor.SYSTEM);
    }

    static void enter(Actor actor) {
        Deque<Actor> actors = ACTORS.get();
        if (actors == null) {
            actors = new ArrayDeque<>();
            ACTORS.set(actors);
        }
        actors.push(actor);
    }

    static void leave() {
        Deque<Actor> actors = ACTORS.get();
        if (actors == null) {
            return;
        }
        actors.pop();
        if (actors.isEmpty()) {
            ACTORS.remove();
        }
    }

    static Optional<Actor> current() {
        Deque<Actor> actors = ACTORS.get();
        return actors == null ? Optional.empty() : Optional.of(actors.peek());
    }

    static boolean active() {
        return current().map(Actor::system).orElse(false);
    }
}
