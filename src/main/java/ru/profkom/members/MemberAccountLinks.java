package ru.profkom.members;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.shared.AccountDirectory;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;

/** Staff link a member's sign-in account to the person, which opens the member's cabinet to them. */
@Service
@Transactional
public class MemberAccountLinks {

    private final CabinetRepository cabinet;
    private final RegistryAccess access;
    private final MemberHistory history;
    private final AccountDirectory accounts;
    private final CurrentActor currentActor;
    private final Clock clock;

    MemberAccountLinks(
            CabinetRepository cabinet,
            RegistryAccess access,
            MemberHistory history,
            AccountDirectory accounts,
            CurrentActor currentActor,
            Clock clock) {
        this.cabinet = cabinet;
        this.access = access;
        this.history = history;
        this.accounts = accounts;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Links the account with this login to a person of the staff user's subtrees, replacing an earlier link. */
    public void link(long personId, String login) {
        access.visiblePathsOf(personId);
        long accountId = accounts.accountIdOf(login)
                .orElseThrow(() -> ProfkomException.invalid("login", "member.account.unknownLogin", login));
        Optional<Long> linkedTo = cabinet.personOf(accountId);
        if (linkedTo.isPresent() && linkedTo.get() != personId) {
            throw ProfkomException.conflict("member.account.linkedElsewhere", login.strip());
        }
        if (linkedTo.isPresent()) {
            return;
        }
        Instant now = clock.instant();
        cabinet.link(personId, accountId, currentActor.get().accountId(), now);
        history.record(personId, "account", null, login.strip(), now);
    }

    @Transactional(readOnly = true)
    public boolean linked(long personId) {
        access.visiblePathsOf(personId);
        return cabinet.accountOf(personId).isPresent();
    }
}
