package ru.profkom.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import ru.profkom.shared.MoscowTime;

/**
 * The activists' base of an organization's subtree as it is today, unaudited: for the staff's export and the yearly
 * submission in {@code activists}, which audit what they read themselves.
 */
@Component
@org.springframework.modulith.NamedInterface("internal")
public class CurrentActivists {

    private final MemberSearchRepository searches;
    private final RegistryAccess access;
    private final Clock clock;

    CurrentActivists(MemberSearchRepository searches, RegistryAccess access, Clock clock) {
        this.searches = searches;
        this.access = access;
        this.clock = clock;
    }

    /** Refuses, as absent, an organization outside the actor's subtrees. */
    public void stream(long organizationId, Consumer<ActivistContact> rows) {
        LocalDate today = MoscowTime.today(clock);
        searches.streamActivists(
                MemberConditions.of(
                        List.of(access.coveredPathOf(organizationId)), MemberQuery.of(organizationId), today),
                today,
                rows);
    }
}
