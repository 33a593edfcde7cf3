package ru.profkom.statisticalreports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ru.profkom.organizations.OrganizationKind;

/**
 * An organization's yearly report as its reader sees it: every line with its own value, the sum of the
 * children's accepted reports and the total, where each value came from, the status with its trail, and what
 * the reader may do now.
 *
 * @param asOf 1 January of the next year: the day the figures describe (movement: during {@code year})
 * @param version for saving without overwriting someone else's change; 0 while not started
 * @param parentId the organization that accepts the report: the one it was submitted to, else the current parent
 * @param reportingChildren how many active children report on their own; {@code accepted} lists those accepted
 * @param editable the reader may save and submit it now
 * @param decidable the reader may accept or return it now (staff of the parent, report submitted)
 */
public record StatisticalReport(
        long organizationId,
        String organizationName,
        String organizationCode,
        OrganizationKind kind,
        int year,
        LocalDate asOf,
        ReportStatus status,
        int version,
        Long parentId,
        String parentName,
        Instant updatedAt,
        Instant submittedAt,
        Instant decidedAt,
        List<Line> lines,
        List<ReportStep> trail,
        int reportingChildren,
        List<ChildReport> accepted,
        boolean editable,
        boolean decidable) {

    /**
     * One line. {@code registryValue} is what the registry gives (null for a hand line); {@code value} the
     * organization's own figure (null while a hand line is empty); {@code children} the sum of the accepted
     * children's reports; {@code total} the consolidated figure.
     */
    public record Line(ReportLine line, Long registryValue, Long value, boolean corrected, long children, long total) {

        /** «из реестра» or «вручную». */
        @JsonProperty("source")
        public Source source() {
            return line.fromRegistry() && !corrected ? Source.REGISTRY : Source.HAND;
        }
    }

    public enum Source {
        REGISTRY,
        HAND;

        public String messageKey() {
            return "statreport.source." + name();
        }
    }

    public Line line(ReportLine line) {
        return lines.stream().filter(l -> l.line() == line).findFirst().orElseThrow();
    }

    /** The organization's own membership level in percent; null without a headcount. */
    @JsonProperty("ownMembershipLevel")
    public Double ownMembershipLevel() {
        Long members = line(ReportLine.MEMBERS).value();
        Long headcount = line(ReportLine.HEADCOUNT).value();
        return ReportRules.membershipLevel(members == null ? 0 : members, headcount == null ? 0 : headcount);
    }

    /** The consolidated membership level in percent; null without a headcount. */
    @JsonProperty("totalMembershipLevel")
    public Double totalMembershipLevel() {
        return ReportRules.membershipLevel(
                line(ReportLine.MEMBERS).total(), line(ReportLine.HEADCOUNT).total());
    }

    /** Whether the report sums children's reports too, so that the form shows the own, children and total columns. */
    public boolean consolidates() {
        return reportingChildren > 0 || !accepted.isEmpty();
    }

    /** The comment of the last return, while the report is being corrected after it. */
    public ReportStep lastReturn() {
        if (status.submitted()) {
            return null;
        }
        for (int i = trail.size() - 1; i >= 0; i--) {
            ReportStep step = trail.get(i);
            if (step.status() == ReportStatus.RETURNED) {
                return step;
            }
            if (step.status() == ReportStatus.SUBMITTED) {
                return null;
            }
        }
        return null;
    }
}
