package ru.profkom.accounts;

import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.LiquidationCheck;

/** An organization whose members still hold accounts in it cannot be liquidated until they move. */
@Component
class MemberRolesLiquidationCheck implements LiquidationCheck {

    private final AccountRepository accounts;

    MemberRolesLiquidationCheck(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Refusal> refusal(long organizationId) {
        int members = accounts.activeMemberGrants(organizationId);
        return members == 0 ? Optional.empty() : Optional.of(new Refusal("organization.liquidate.members", members));
    }
}
