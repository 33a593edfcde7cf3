package ru.profkom.members;

import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.LiquidationCheck;

/** An organization with current members cannot be liquidated until they are transferred or have left. */
@Component
class CurrentMembersLiquidationCheck implements LiquidationCheck {

    private final MemberRepository repository;

    CurrentMembersLiquidationCheck(MemberRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Refusal> refusal(long organizationId) {
        int current = repository.currentMembersIn(organizationId);
        return current == 0 ? Optional.empty() : Optional.of(new Refusal("organization.liquidate.members", current));
    }
}
