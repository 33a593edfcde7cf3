package ru.profkom.members;

import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;

/**
 * A registry search: free text (any part of ФИО in any order, card number, SNILS, phone or e-mail),
 * a subtree, and filters; every field may be null.
 */
public record MemberQuery(
        String text, Long organizationId, MembershipStatus status, Category category, Integer ageFrom, Integer ageTo) {

    public static MemberQuery all() {
        return new MemberQuery(null, null, null, null, null, null);
    }

    public MemberQuery withText(String newText) {
        return new MemberQuery(newText, organizationId, status, category, ageFrom, ageTo);
    }

    /** Everyone in the organization's subtree. */
    public static MemberQuery of(long organizationId) {
        return new MemberQuery(null, organizationId, null, null, null, null);
    }
}
