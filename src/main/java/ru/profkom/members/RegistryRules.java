package ru.profkom.members;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ru.profkom.shared.Scope;

/**
 * Who may change a person and what each organization sees of them, decided from the person's memberships and
 * the actor's {@link Scope}; no Spring, no database, so the union's rule is tested on its own.
 *
 * <ul>
 *   <li>A person's data may be changed only by staff whose scope covers every open membership of that person
 *       (application, active, suspended); a person with no open membership, by staff covering the organization
 *       of their last membership.
 *   <li>Staff who meet a person with an open membership outside their scope change and learn nothing: they file
 *       a transfer request to the organization holding the person.
 *   <li>A person who left an organization outside the scope may be registered anew; their data are then the
 *       registrant's, and what another organization recorded stays hidden: each history row, consent and
 *       membership belongs to the membership in force when it was written, and a viewer sees only those of
 *       memberships inside their scope.
 * </ul>
 */
final class RegistryRules {

    private RegistryRules() {}

    /** A membership as the rules see it: where, whether open, and since when it is the person's latest. */
    record Place(long membershipId, String path, boolean open, Instant createdAt) {}

    /** What staff may do with a person they meet by SNILS or by ФИО and birth date. */
    enum Meeting {
        /** Every open membership (or, with none, the last one) lies in the scope: update, re-admit, refuse as known. */
        MAY_CHANGE,
        /** The person left an organization outside the scope: registered anew, seeing nothing of before. */
        REGISTER_ANEW,
        /** The person is an open member outside the scope: a transfer request, nothing changed or revealed. */
        TRANSFER_REQUEST
    }

    static Meeting meet(Scope scope, List<Place> places) {
        List<Place> open = places.stream().filter(Place::open).toList();
        if (!open.isEmpty()) {
            return open.stream().allMatch(place -> scope.covers(place.path()))
                    ? Meeting.MAY_CHANGE
                    : Meeting.TRANSFER_REQUEST;
        }
        return last(places)
                .filter(place -> scope.covers(place.path()))
                .map(place -> Meeting.MAY_CHANGE)
                .orElse(Meeting.REGISTER_ANEW);
    }

    static boolean mayChange(Scope scope, List<Place> places) {
        return meet(scope, places) == Meeting.MAY_CHANGE;
    }

    /** Where a transfer request goes: the open membership outside the scope. */
    static Optional<Place> holder(Scope scope, List<Place> places) {
        return places.stream()
                .filter(Place::open)
                .filter(place -> !scope.covers(place.path()))
                .max(ORDER);
    }

    /** Some membership of the person, open or past, lies in the scope. */
    static boolean visible(Scope scope, List<Place> places) {
        return places.stream().anyMatch(place -> scope.covers(place.path()));
    }

    /**
     * A row written at {@code at} (a history line, a consent) belongs to the membership that was the person's
     * latest then; rows before the first membership belong to it (the person is created just before joining).
     */
    static boolean writtenInScope(Scope scope, List<Place> places, Instant at) {
        if (scope.everything()) {
            return true;
        }
        Optional<Place> owner =
                places.stream().filter(place -> !place.createdAt().isAfter(at)).max(ORDER);
        return owner.or(() -> places.stream().min(ORDER))
                .map(place -> scope.covers(place.path()))
                .orElse(false);
    }

    private static Optional<Place> last(List<Place> places) {
        return places.stream().max(ORDER);
    }

    private static final Comparator<Place> ORDER =
            Comparator.comparing(Place::createdAt).thenComparingLong(Place::membershipId);
}
