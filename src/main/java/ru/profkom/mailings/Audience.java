package ru.profkom.mailings;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.Validation;

/**
 * Whom a mailing addresses inside the sender organization's subtree: members of organizations of these kinds,
 * holding one of these union roles, of these categories and statuses, of this age. An empty set means any;
 * no status means the current members (active and suspended).
 */
public record Audience(
        Set<OrganizationKind> kinds,
        Set<UnionRole> roles,
        Set<Category> categories,
        Set<MembershipStatus> statuses,
        Integer minAge,
        Integer maxAge) {

    public static final int MAX_AGE = 120;

    public static final Audience EVERYONE = new Audience(Set.of(), Set.of(), Set.of(), Set.of(), null, null);

    public Audience {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Ages within 0–120 and the lower not above the upper, each problem naming its field. */
    public void check(Validation validation) {
        if (minAge != null && (minAge < 0 || minAge > MAX_AGE)) {
            validation.reject("minAge", "mailing.audience.ageRange", MAX_AGE);
        }
        if (maxAge != null && (maxAge < 0 || maxAge > MAX_AGE)) {
            validation.reject("maxAge", "mailing.audience.ageRange", MAX_AGE);
        }
        if (minAge != null && maxAge != null && minAge > maxAge) {
            validation.reject("maxAge", "mailing.audience.ageOrder");
        }
    }

    /** An audience as it is stored: comma-separated enum names per set, the ages as numbers or null. */
    static Audience stored(
            String kinds, String roles, String categories, String statuses, Integer minAge, Integer maxAge) {
        return new Audience(
                decode(kinds, OrganizationKind.class),
                decode(roles, UnionRole.class),
                decode(categories, Category.class),
                decode(statuses, MembershipStatus.class),
                minAge,
                maxAge);
    }

    static <E extends Enum<E>> String encode(Set<E> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> decode(String stored, Class<E> type) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        Function<String, E> parse = name -> Enum.valueOf(type, name.strip());
        return Arrays.stream(stored.split(","))
                .filter(name -> !name.isBlank())
                .map(parse)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
