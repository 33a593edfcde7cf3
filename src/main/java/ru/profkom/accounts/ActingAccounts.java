package ru.profkom.accounts;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;
import ru.profkom.shared.Role;

/**
 * For background jobs that do a person's reading (the daily digest of their tasks): who such a job writes to,
 * and running a block as one of them. The actor is built from the account's stored active grants, the same as
 * for their own request, so every facade inside the block shows exactly what the person would see.
 * No transaction here: the work decides its own.
 */
@Component
public class ActingAccounts {

    /** A person who holds a staff role somewhere and has an address to write to. */
    public record StaffAccount(long accountId, String login, String fullName, String email) {}

    private final AccountRepository repository;

    ActingAccounts(AccountRepository repository) {
        this.repository = repository;
    }

    /** The enabled accounts with an e-mail address and an active staff role (every role but a member's). */
    public List<StaffAccount> staffWithEmail() {
        return repository.enabledWithEmailAndRoles(java.util.Arrays.stream(Role.values())
                .filter(Role::coversSubtree)
                .toList());
    }

    /**
     * Runs the work as the account with the grants it holds now; empty when the account is gone or disabled,
     * so a job never reads for someone who may no longer sign in.
     */
    public <T> Optional<T> as(long accountId, Supplier<T> work) {
        return repository
                .find(accountId)
                .filter(account -> Boolean.TRUE.equals(account.getEnabled()))
                .map(account -> {
                    List<Grant> grants = repository.activeGrants(accountId);
                    Actor actor = new Actor(accountId, account.getLogin(), null, grants, false);
                    return CurrentActor.as(actor, work);
                });
    }
}
