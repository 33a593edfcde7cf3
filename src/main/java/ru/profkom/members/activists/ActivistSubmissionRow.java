package ru.profkom.members.activists;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.UnionRole;

/** A line of a submitted activists' base as it was on submission, with organizations named as they were. */
public record ActivistSubmissionRow(
        int line,
        long personId,
        String fullName,
        UnionRole role,
        String roleOrganizationName,
        LocalDate startedOn,
        String phone,
        String email,
        String position,
        String organizationName) {}
