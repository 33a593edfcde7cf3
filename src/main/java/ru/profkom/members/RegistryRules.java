package ru.profkom.members;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.Phones;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.RussianText;
import ru.profkom.shared.Scope;
import ru.profkom.shared.Snils;
import ru.profkom.shared.Validation;

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
 *
 * <p>And what the registry takes as a person's data: names with letters in them, a valid SNILS, a Russian phone,
 * dates neither in the future nor before birth; the same person is the same SNILS, or the same folded ФИО with
 * the same birth date.
 */
@org.springframework.modulith.NamedInterface("internal")
public final class RegistryRules {

    private RegistryRules() {}

    /** A membership as the rules see it: where, whether open, and since when it is the person's latest. */
    public record Place(long membershipId, String path, boolean open, Instant createdAt) {}

    /** What staff may do with a person they meet by SNILS or by ФИО and birth date. */
    public enum Meeting {
        /** Every open membership (or, with none, the last one) lies in the scope: update, re-admit, refuse as known. */
        MAY_CHANGE,
        /** The person left an organization outside the scope: registered anew, seeing nothing of before. */
        REGISTER_ANEW,
        /** The person is an open member outside the scope: a transfer request, nothing changed or revealed. */
        TRANSFER_REQUEST
    }

    public static Meeting meet(Scope scope, List<Place> places) {
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

    /** Refuses, as forbidden, a change by staff who do not cover every open membership of the person. */
    static void requireWritable(Scope scope, List<Place> places) {
        if (!mayChange(scope, places)) {
            throw ProfkomException.forbidden("member.notWritable");
        }
    }

    /** Members belong to primary and shop organizations only, and only to open ones. */
    static boolean holdsMembers(Organization organization) {
        return (organization.kind() == OrganizationKind.PRIMARY || organization.kind() == OrganizationKind.SHOP)
                && organization.active();
    }

    /** As {@link #holdsMembers}, refusing a kind of organization on the field and a closed one as a conflict. */
    static void requireHoldsMembers(Organization organization, String field) {
        if (organization.kind() != OrganizationKind.PRIMARY && organization.kind() != OrganizationKind.SHOP) {
            throw ProfkomException.invalid(field, "member.organization.notPrimary");
        }
        if (!organization.active()) {
            throw ProfkomException.conflict("organization.closed", organization.shortName());
        }
    }

    // ---- a person's data -------------------------------------------------------------------

    /**
     * The person's data cleaned (names in their case, SNILS and phone normalized, blanks as null), or every
     * problem refused at once. {@code snilsTaken} tells whether a SNILS belongs to someone else; null when the
     * person is new, whose SNILS finds them instead.
     */
    static PersonData validate(PersonData data, LocalDate today, Predicate<String> snilsTaken) {
        Validation validation = new Validation();
        String lastName = PersonNames.normalizeCase(normalizeName(data.lastName()));
        String firstName = PersonNames.normalizeCase(normalizeName(data.firstName()));
        String patronymic = PersonNames.normalizeCase(normalizeName(data.patronymic()));
        validation.required("lastName", lastName).maxLength("lastName", lastName, 100);
        validation.required("firstName", firstName).maxLength("firstName", firstName, 100);
        validation.maxLength("patronymic", patronymic, 100);
        requireLetters(validation, "lastName", lastName);
        requireLetters(validation, "firstName", firstName);
        requireLetters(validation, "patronymic", patronymic);
        if (data.birthDate() != null) {
            if (data.birthDate().isAfter(today)) {
                validation.reject("birthDate", "member.birthDate.future");
            } else if (data.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
                validation.reject("birthDate", "member.birthDate.tooOld");
            }
        }
        String snils = null;
        if (data.snils() != null && !data.snils().isBlank()) {
            snils = Snils.normalize(data.snils());
            if (snils == null || !Snils.isValid(snils)) {
                validation.reject("snils", "member.snils.invalid");
            } else if (snilsTaken != null && snilsTaken.test(snils)) {
                validation.reject("snils", "member.snils.taken");
            }
        }
        String phone = null;
        if (data.phone() != null && !data.phone().isBlank()) {
            phone = Phones.normalize(data.phone()).orElse(null);
            if (phone == null) {
                validation.reject("phone", "validation.phone");
            }
        }
        String email = blankToNull(data.email());
        validation.email("email", email);
        validation.maxLength("position", data.position(), 200);
        validation.maxLength("department", data.department(), 200);
        validation.throwIfInvalid();
        return new PersonData(
                lastName,
                firstName,
                patronymic,
                data.birthDate(),
                data.gender(),
                snils,
                phone,
                email,
                blankToNull(RussianText.normalizeSpaces(data.position())),
                blankToNull(RussianText.normalizeSpaces(data.department())));
    }

    /** «---» or «123» is no one's name: a name holds at least one letter. */
    private static void requireLetters(Validation validation, String field, String name) {
        if (name != null && !name.isBlank() && name.codePoints().noneMatch(Character::isLetter)) {
            validation.reject(field, "member." + field + ".noLetters");
        }
    }

    /** A membership's date: not in the future, not before the person was born. */
    static void checkDate(Validation validation, String field, LocalDate date, LocalDate today, LocalDate birthDate) {
        if (date.isAfter(today)) {
            validation.reject(field, "member.date.future");
        } else if (birthDate != null && date.isBefore(birthDate)) {
            validation.reject(field, "member.date.beforeBirth");
        }
    }

    /** A row of an import file checked against the registry's rules: the cleaned data, or the problems. */
    public record ImportCheck(PersonData clean, List<ProfkomException.Problem> problems) {}

    /**
     * The rules of registering for an import row, collected instead of thrown; no database reads, so that a
     * million rows are checked in memory. Card numbers and the registry's people are checked by the import, a
     * chunk of rows at a time.
     */
    public static ImportCheck checkForImport(PersonData data, MembershipData membership, LocalDate today) {
        List<ProfkomException.Problem> problems = new ArrayList<>();
        PersonData clean = null;
        try {
            clean = validate(data, today, null);
        } catch (ProfkomException e) {
            problems.addAll(e.problems());
        }
        if (clean != null) {
            Validation validation = new Validation();
            if (membership.joinedOn() != null) {
                checkDate(validation, "joinedOn", membership.joinedOn(), today, clean.birthDate());
            }
            validation.maxLength("cardNumber", blankToNull(membership.cardNumber()), 32);
            try {
                validation.throwIfInvalid();
            } catch (ProfkomException e) {
                problems.addAll(e.problems());
            }
        }
        return new ImportCheck(problems.isEmpty() ? clean : null, problems);
    }

    /** The folded ФИО that finds the same person (case, spaces and ё folded). */
    public static String nameKey(PersonData data) {
        return RussianText.foldedKey(
                data.lastName() + " " + data.firstName() + (data.patronymic() == null ? "" : " " + data.patronymic()));
    }

    /** Known values win over blanks: a file that lacks a phone does not erase the registry's. */
    static PersonData merge(PersonData before, PersonData incoming) {
        return new PersonData(
                PersonNames.keepStored(before.lastName(), incoming.lastName()),
                PersonNames.keepStored(before.firstName(), incoming.firstName()),
                PersonNames.keepStored(before.patronymic(), or(incoming.patronymic(), before.patronymic())),
                or(incoming.birthDate(), before.birthDate()),
                or(incoming.gender(), before.gender()),
                or(incoming.snils(), before.snils()),
                or(incoming.phone(), before.phone()),
                or(incoming.email(), before.email()),
                or(incoming.position(), before.position()),
                or(incoming.department(), before.department()));
    }

    /** One field of the history: its name and the old and new values as text. */
    record FieldChange(String field, String oldValue, String newValue) {}

    /** The fields that differ, in the order of the form. */
    static List<FieldChange> changes(PersonData before, PersonData after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "lastName", before.lastName(), after.lastName());
        compare(changes, "firstName", before.firstName(), after.firstName());
        compare(changes, "patronymic", before.patronymic(), after.patronymic());
        compare(changes, "birthDate", before.birthDate(), after.birthDate());
        compare(changes, "gender", before.gender(), after.gender());
        compare(changes, "snils", before.snils(), after.snils());
        compare(changes, "phone", before.phone(), after.phone());
        compare(changes, "email", before.email(), after.email());
        compare(changes, "position", before.position(), after.position());
        compare(changes, "department", before.department(), after.department());
        return changes;
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(
                    field, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String normalizeName(String name) {
        String normalized = RussianText.normalizeSpaces(name);
        return normalized == null || normalized.isEmpty() ? null : normalized;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Optional<Place> last(List<Place> places) {
        return places.stream().max(ORDER);
    }

    private static final Comparator<Place> ORDER =
            Comparator.comparing(Place::createdAt).thenComparingLong(Place::membershipId);
}
