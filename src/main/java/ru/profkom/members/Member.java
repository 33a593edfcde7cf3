package ru.profkom.members;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import ru.profkom.members.MemberEnums.Gender;

/** A person as the registry shows them to staff: data, memberships (newest first), union roles and consents. */
public record Member(
        long id,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        Gender gender,
        String snils,
        String phone,
        String email,
        String position,
        String department,
        int version,
        List<Membership> memberships,
        List<MemberRoleTerm> roles,
        List<Consent> consents) {

    public static final int YOUTH_AGE_LIMIT = 35;

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }

    /** Youth is derived at a date, never stored: under 35 on that day. */
    public boolean youthOn(LocalDate date) {
        return isYouth(birthDate, date);
    }

    public static boolean isYouth(LocalDate birthDate, LocalDate date) {
        return birthDate != null && Period.between(birthDate, date).getYears() < YOUTH_AGE_LIMIT;
    }

    public PersonData toData() {
        return new PersonData(
                lastName, firstName, patronymic, birthDate, gender, snils, phone, email, position, department);
    }
}
