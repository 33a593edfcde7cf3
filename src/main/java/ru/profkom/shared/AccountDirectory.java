package ru.profkom.shared;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an account by its login for modules that refer to accounts by id without depending on the
 * accounts module (the registry links a member's account to the person); implemented there.
 */
public interface AccountDirectory {

    Optional<Long> accountIdOf(String login);

    /**
     * The full names of the accounts with these logins, keyed by the login in lower case, for histories that say who
     * made a change; unknown logins are left out.
     */
    Map<String, String> fullNamesOf(Collection<String> logins);
}
