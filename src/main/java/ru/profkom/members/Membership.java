package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.MembershipStatus;

public record Membership(
        long id,
        long personId,
        long organizationId,
        String organizationName,
        MembershipStatus status,
        Category category,
        LocalDate joinedOn,
        LocalDate exitedOn,
        ExitReason exitReason,
        String cardNumber) {}
