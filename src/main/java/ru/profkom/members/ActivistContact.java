package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.UnionRole;

/** A line of the activists' contact base (A3): a union role held today, its holder and how to reach them. */
public record ActivistContact(
        long personId,
        String fullName,
        long membershipOrganizationId,
        long roleId,
        UnionRole role,
        long roleOrganizationId,
        LocalDate startedOn,
        String phone,
        String email,
        String position) {}
