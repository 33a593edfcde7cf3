package ru.profkom.shared;

import java.util.List;

/**
 * Who performs the current request: an account with its active grants, or the system itself
 * (start-up, generators, scheduled jobs), which is not scoped.
 */
public record Actor(Long accountId, String login, String remoteAddress, List<Grant> grants, boolean system) {

    public static final Actor SYSTEM = new Actor(null, "system", null, List.of(), true);
    public static final Actor ANONYMOUS = new Actor(null, null, null, List.of(), false);

    public Actor {
        grants = List.copyOf(grants);
    }

    public boolean authenticated() {
        return system || accountId != null;
    }

    public boolean holds(Role role) {
        return grants.stream().anyMatch(grant -> grant.role() == role);
    }
}
