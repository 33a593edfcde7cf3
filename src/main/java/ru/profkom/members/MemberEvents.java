package ru.profkom.members;

import java.time.LocalDate;
import java.util.List;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.shared.Actor;

/** What happened in the registry; read models (statistics) and the audit log are built from these. */
public final class MemberEvents {

    private MemberEvents() {}

    public record MemberJoined(
            long personId,
            long membershipId,
            long organizationId,
            String organizationPath,
            Category category,
            LocalDate joinedOn,
            Actor actor,
            MembershipFacts facts) {

        /** A join without the statistics' facts: the listener asks the registry for them. */
        public MemberJoined(
                long personId,
                long membershipId,
                long organizationId,
                String organizationPath,
                Category category,
                LocalDate joinedOn,
                Actor actor) {
            this(personId, membershipId, organizationId, organizationPath, category, joinedOn, actor, null);
        }
    }

    /** {@code facts} is the membership after the exit. */
    public record MemberExited(
            long personId,
            long membershipId,
            long organizationId,
            String organizationPath,
            ExitReason reason,
            LocalDate exitedOn,
            Actor actor,
            MembershipFacts facts) {}

    public record MemberTransferred(
            long personId,
            long fromMembershipId,
            long toMembershipId,
            long fromOrganizationId,
            long toOrganizationId,
            LocalDate on,
            Actor actor,
            MembershipFacts from,
            MembershipFacts to) {}

    /**
     * Something statistics count by changed for memberships that already counted: a membership's
     * category, or a person's gender or birth date. {@code before} and {@code after} list the same
     * memberships.
     */
    public record MembershipFactsChanged(
            long personId, List<MembershipFacts> before, List<MembershipFacts> after, Actor actor) {}

    /** A membership was suspended or resumed, or an application accepted. */
    public record MembershipStatusChanged(
            long personId,
            long membershipId,
            long organizationId,
            String organizationPath,
            MembershipStatus from,
            MembershipStatus to,
            Actor actor) {}

    /** A consent of the person was given or withdrawn (by staff, the cabinet or the person's own link). */
    public record ConsentsChanged(long personId) {}

    /** A union role of the person in an organization began or ended. */
    public record UnionRolesChanged(long personId, long organizationId) {}

    public record MemberUpdated(
            long personId, long organizationId, String organizationPath, int changedFields, Actor actor) {}

    /** A staff user opened a member's card or exported members: reads of personal data are audited too. */
    public record MemberDataRead(
            long organizationId, String organizationPath, Long personId, String what, Actor actor) {}

    /**
     * Staff exported personal data to a file: what ({@code MEMBERS}, {@code ACTIVISTS}, {@code ACTIVIST_SNAPSHOT},
     * {@code ACTIVISTS_CONSOLIDATED}), in which format ({@code XLSX}, {@code CSV}) and how many rows; audited
     * without the rows themselves.
     */
    public record MembersExported(
            long organizationId, String organizationPath, String content, String format, long rows, Actor actor) {}

    /** A primary organization submitted its activists' contact base for a year upward, as a new version. */
    public record ActivistsSubmitted(
            long snapshotId,
            long organizationId,
            String organizationPath,
            int year,
            int version,
            int rows,
            Actor actor) {}

    /** Staff opened a submitted activists' base: a read of personal data. */
    public record ActivistSnapshotRead(
            long snapshotId, long organizationId, String organizationPath, int year, int version, Actor actor) {}

    /** A member asked the staff of their organization to correct their data, from the cabinet. */
    public record CorrectionRequested(
            long correctionId, long personId, long organizationId, String organizationPath, Actor actor) {}

    /**
     * One applied chunk of an import (up to a thousand rows): an event per chunk rather than per
     * row keeps a million-row import fast. The memberships the chunk created have the ids from
     * {@code firstMembershipId} to {@code lastMembershipId}, both included ({@code joined} of them,
     * none when {@code joined} is 0); read models fetch them with {@link Members#importedMemberships(long, long)}.
     */
    public record MembersImported(
            long importId,
            long organizationId,
            String organizationPath,
            long firstMembershipId,
            long lastMembershipId,
            int joined,
            int updated,
            Actor actor) {}

    /** A membership created by an import, with what statistics count it by. */
    public record ImportedMembership(
            long personId,
            long membershipId,
            long organizationId,
            String organizationPath,
            Category category,
            Gender gender,
            LocalDate birthDate,
            LocalDate joinedOn) {}
}
