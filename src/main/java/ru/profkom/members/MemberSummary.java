package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;

/** A line of the registry list: one membership with its person's name. */
public record MemberSummary(
        long personId,
        long membershipId,
        String fullName,
        LocalDate birthDate,
        long organizationId,
        MembershipStatus status,
        Category category,
        String cardNumber,
        LocalDate joinedOn) {}
