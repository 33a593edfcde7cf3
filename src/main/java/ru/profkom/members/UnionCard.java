package ru.profkom.members;

import java.time.LocalDate;
import ru.profkom.members.MemberEnums.MembershipStatus;

/**
 * The printable union card: who, where, the card number and, when an electronic card is issued and
 * valid, its token and the verification address the QR code encodes.
 */
public record UnionCard(
        long personId,
        String fullName,
        String organizationName,
        String cardNumber,
        LocalDate joinedOn,
        MembershipStatus status,
        String token,
        String verificationUrl,
        boolean valid) {

    public boolean issued() {
        return token != null;
    }
}
