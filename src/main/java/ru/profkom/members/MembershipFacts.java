package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;

/**
 * What statistics count a membership by, without personal data: the organization, category, gender,
 * birth date, the dates of joining and exit with the exit's reason, the status, and whether the
 * membership began with a transfer from another organization of the union. The registry streams
 * these for a recount ({@link MembershipFactsQuery}) and events carry them, so a read model never
 * reads the registry's tables.
 */
public record MembershipFacts(
        long membershipId,
        long organizationId,
        String organizationPath,
        Category category,
        Gender gender,
        LocalDate birthDate,
        LocalDate joinedOn,
        LocalDate exitedOn,
        ExitReason exitReason,
        MembershipStatus status,
        boolean transferredIn) {

    /**
     * Whether the membership ever counted as membership of the union: an application that was never
     * accepted does not (an exited application cannot be told apart in the registry and counts).
     */
    public boolean counted() {
        return status != MembershipStatus.APPLICATION && joinedOn != null;
    }

    public MembershipFacts withCategory(Category newCategory) {
        return new MembershipFacts(
                membershipId,
                organizationId,
                organizationPath,
                newCategory,
                gender,
                birthDate,
                joinedOn,
                exitedOn,
                exitReason,
                status,
                transferredIn);
    }

    public MembershipFacts withPerson(Gender newGender, LocalDate newBirthDate) {
        return new MembershipFacts(
                membershipId,
                organizationId,
                organizationPath,
                category,
                newGender,
                newBirthDate,
                joinedOn,
                exitedOn,
                exitReason,
                status,
                transferredIn);
    }

    /** The same membership before its exit: what an exit event changes. */
    public MembershipFacts beforeExit() {
        return new MembershipFacts(
                membershipId,
                organizationId,
                organizationPath,
                category,
                gender,
                birthDate,
                joinedOn,
                null,
                null,
                MembershipStatus.ACTIVE,
                transferredIn);
    }
}
