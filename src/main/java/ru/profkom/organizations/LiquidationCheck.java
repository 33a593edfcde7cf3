package ru.profkom.organizations;

import java.util.Optional;

/**
 * Lets other modules refuse an organization's liquidation while they still hold something
 * active in it (members, open work). Returns a message key and its arguments when refusing.
 */
public interface LiquidationCheck {

    Optional<Refusal> refusal(long organizationId);

    record Refusal(String messageKey, Object... arguments) {}
}
