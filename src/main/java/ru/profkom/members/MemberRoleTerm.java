package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.UnionRole;

public record MemberRoleTerm(long id, long organizationId, UnionRole role, LocalDate startedOn, LocalDate endedOn) {

    public boolean activeOn(LocalDate date) {
        return !startedOn.isAfter(date) && (endedOn == null || endedOn.isAfter(date));
    }
}
