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
    private final Members members;
    private final AccountDirectory accounts;
    private final CurrentActor currentActor;
    private final Clock clock;

    MemberAccountLinks(
            CabinetRepository cabinet,
            Members members,
            AccountDirectory accounts,
            CurrentActor currentActor,
            Clock clock) {
        this.cabinet = cabinet;
        this.members = members;
        this.accounts = accounts;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Links the account with this login to a person of the staff user's subtrees, replacing an earlier link. */
    public void link(long personId, String login) {
        members.visiblePathsOf(personId);
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
        members.recordChange(personId, "account", null, login.strip(), now);
    }

    @Transactional(readOnly = true)
    public boolean linked(long personId) {
        members.visiblePathsOf(personId);
        return cabinet.accountOf(personId).isPresent();
    }
}
