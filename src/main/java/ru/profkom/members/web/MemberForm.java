package ru.profkom.members.web;

import java.time.LocalDate;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;
import ru.profkom.shared.web.FormInput;
import ru.profkom.shared.web.Formats;

/**
 * The register and edit forms as typed: dates stay text (dd.MM.yyyy) so that a wrong one comes back to the user
 * as typed, next to its reason. Public only because the templates' expressions read it reflectively.
 */
public record MemberForm(
        String lastName,
        String firstName,
        String patronymic,
        String birthDate,
        String gender,
        String snils,
        String phone,
        String email,
        String position,
        String department,
        Integer version,
        String status,
        String joinedOn,
        String cardNumber,
        String category) {

    static MemberForm empty() {
        return new MemberForm(
                null, null, null, null, null, null, null, null, null, null, 0, "ACTIVE", null, null, "WORKER");
    }

    static MemberForm of(Member member, Formats formats) {
        return new MemberForm(
                member.lastName(),
                member.firstName(),
                member.patronymic(),
                formats.date(member.birthDate()),
                member.gender() == null ? null : member.gender().name(),
                member.snils() == null ? null : ru.profkom.shared.Snils.display(member.snils()),
                member.phone() == null ? null : formats.phone(member.phone()),
                member.email(),
                member.position(),
                member.department(),
                member.version(),
                null,
                null,
                null,
                null);
    }

    /** The text fields by name, for the template's loop over them. */
    public java.util.Map<String, String> values() {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put("lastName", lastName);
        values.put("firstName", firstName);
        values.put("patronymic", patronymic);
        values.put("birthDate", birthDate);
        values.put("snils", snils);
        values.put("phone", phone);
        values.put("email", email);
        values.put("position", position);
        values.put("department", department);
        return values;
    }

    /** The person's data; a date or a choice that cannot be read is empty here and a problem of {@code input}. */
    PersonData person(FormInput input) {
        LocalDate birth = input.date("birthDate", birthDate);
        Gender parsedGender = input.choice("gender", Gender.class, gender);
        return new PersonData(
                lastName, firstName, patronymic, birth, parsedGender, snils, phone, email, position, department);
    }

    MembershipData membership(FormInput input) {
        LocalDate joined = input.date("joinedOn", joinedOn);
        return new MembershipData(
                input.choice("status", MembershipStatus.class, status),
                joined,
                cardNumber,
                input.choice("category", Category.class, category));
    }

    static LocalDate date(Validation validation, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = Formats.parseDate(text).orElse(null);
        if (date == null) {
            validation.reject(field, "validation.date");
        }
        return date;
    }

    static LocalDate date(String field, String text) {
        Validation validation = new Validation();
        LocalDate date = date(validation, field, text);
        validation.throwIfInvalid();
        return date;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw ProfkomException.invalid(null, "member.form.unknownValue");
        }
    }
}
