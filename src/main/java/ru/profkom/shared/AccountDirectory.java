package ru.profkom.shared;

import java.util.Optional;

/**
 * Finds an account by its login for modules that refer to accounts by id without depending on the
 * accounts module (the registry links a member's account to the person); implemented there.
 */
public interface AccountDirectory {

    Optional<Long> accountIdOf(String login);
}
