package ru.profkom.accounts;

import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationEvents.OrganizationsMerged;
import ru.profkom.shared.Role;

/** Members' own accounts follow their organization when it merges into another, so nobody is left in a closed one. */
@Component
class MergedOrganizationListener {

    private final AccountRepository accounts;
    private final Clock clock;

    MergedOrganizationListener(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrganizationsMerged event) {
        Long actorId = event.actor().accountId();
        for (long[] grant : accounts.activeMemberGrantsIn(event.sourceId())) {
            long grantId = grant[0];
            long accountId = grant[1];
            accounts.revokeGrant(grantId, actorId, clock.instant());
            if (!accounts.hasActiveGrant(accountId, event.targetId(), Role.MEMBER)) {
                accounts.insertGrant(accountId, event.targetId(), Role.MEMBER, actorId, clock.instant());
            }
        }
    }
}
