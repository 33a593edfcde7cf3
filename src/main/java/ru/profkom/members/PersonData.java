package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.Gender;

/** What is known of a person, as entered in a form, an import row or an API call. */
public record PersonData(
        String lastName,
        String firstName,
        String patronymic,
        LocalDate birthDate,
        Gender gender,
        String snils,
        String phone,
        String email,
        String position,
        String department) {}
