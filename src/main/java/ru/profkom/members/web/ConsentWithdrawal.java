package ru.profkom.members.web;

import java.util.List;
import ru.profkom.members.Consent;
import ru.profkom.members.MemberEnums.ConsentPurpose;

/**
 * What the confirmation step before withdrawing a consent says will follow, per kind of consent: the message
 * keys of the consequences, the kind's own first, then what every withdrawal means.
 */
record ConsentWithdrawal(Consent consent, String personName, List<String> consequenceKeys) {

    private static final List<String> ALWAYS =
            List.of("consent.withdrawal.always.today", "consent.withdrawal.always.again");

    static ConsentWithdrawal of(Consent consent, String personName) {
        return new ConsentWithdrawal(consent, personName, consequences(consent.purpose()));
    }

    static List<String> consequences(ConsentPurpose purpose) {
        List<String> own = switch (purpose) {
            case PROCESSING ->
                List.of(
                        "consent.withdrawal.PROCESSING.stops",
                        "consent.withdrawal.PROCESSING.kept",
                        "consent.withdrawal.PROCESSING.mailings",
                        "consent.withdrawal.PROCESSING.public",
                        "consent.withdrawal.PROCESSING.membership");
            case EMAIL -> List.of("consent.withdrawal.EMAIL.stops", "consent.withdrawal.contactKept");
            case SMS -> List.of("consent.withdrawal.SMS.stops", "consent.withdrawal.contactKept");
            case MESSENGER -> List.of("consent.withdrawal.MESSENGER.stops", "consent.withdrawal.contactKept");
            case PUBLICATION ->
                List.of("consent.withdrawal.PUBLICATION.stops", "consent.withdrawal.PUBLICATION.membership");
        };
        return java.util.stream.Stream.concat(own.stream(), ALWAYS.stream()).toList();
    }
}
