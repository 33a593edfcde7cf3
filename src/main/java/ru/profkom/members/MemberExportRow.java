package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;

/** One membership with everything an export may show of its person; the caller picks the columns. */
public record MemberExportRow(
        long personId,
        long membershipId,
        long organizationId,
        MembershipStatus status,
        Category category,
        String cardNumber,
        LocalDate joinedOn,
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        Gender gender,
        String snils,
        String phone,
        String email,
        String position,
        String department) {

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }
}
