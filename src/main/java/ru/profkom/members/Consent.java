package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;

/** A consent under 152-FZ: given on a date, in a form, possibly withdrawn later. */
public record Consent(
        long id, ConsentPurpose purpose, LocalDate givenOn, ConsentForm form, String document, LocalDate withdrawnOn) {

    public boolean active() {
        return withdrawnOn == null;
    }
}
