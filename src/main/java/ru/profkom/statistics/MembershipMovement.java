package ru.profkom.statistics;

import java.time.LocalDate;
import java.util.Map;
import ru.profkom.members.MemberEnums.ExitReason;

/**
 * Joins, exits and transfers of an organization's subtree over a period, both days included. A
 * transfer between two organizations of the same subtree counts as one out and one in.
 *
 * @param exitedByReason exits by reason, without {@link ExitReason#TRANSFER} (that is {@code transfersOut})
 */
public record MembershipMovement(
        long organizationId,
        LocalDate from,
        LocalDate to,
        long joined,
        long transfersIn,
        Map<ExitReason, Long> exitedByReason,
        long transfersOut) {

    public long exited() {
        return exitedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long exited(ExitReason reason) {
        return exitedByReason.getOrDefault(reason, 0L);
    }

    /** The change of the number of members over the period. */
    public long net() {
        return joined + transfersIn - exited() - transfersOut;
    }
}
