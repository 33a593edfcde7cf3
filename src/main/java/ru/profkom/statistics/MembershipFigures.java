package ru.profkom.statistics;

import java.time.LocalDate;
import java.util.Map;
import ru.profkom.members.MemberEnums.Category;

/**
 * Members of an organization's subtree at the end of a day: in total, by category, by gender, youth
 * (see {@link Youth}), and the membership level against the headcount of the subtree's employers.
 *
 * @param headcount the employers' headcount summed over the subtree's organization cards; 0 when no card
 *     gives one
 */
public record MembershipFigures(
        long organizationId,
        LocalDate date,
        long members,
        Map<Category, Long> byCategory,
        long men,
        long women,
        long genderUnknown,
        long youth,
        long headcount) {

    /** Members ÷ headcount in percent, one decimal; null without a headcount. */
    public Double membershipLevel() {
        if (headcount <= 0) {
            return null;
        }
        return Math.round(members * 1000.0 / headcount) / 10.0;
    }

    public long category(Category category) {
        return byCategory.getOrDefault(category, 0L);
    }

    /** A share of the members in percent, one decimal; 0 for an organization without members. */
    public double share(long part) {
        return members == 0 ? 0 : Math.round(part * 1000.0 / members) / 10.0;
    }
}
