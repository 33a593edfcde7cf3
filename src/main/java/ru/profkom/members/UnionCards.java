package ru.profkom.members;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.PublicAddress;

/**
 * The electronic union card: staff of the member's subtree view, issue and revoke it; its QR code
 * leads anyone to a public page that tells only "valid / not valid" and the organization.
 */
@Service
@Transactional
public class UnionCards {

    static final int QR_SIZE = 320;

    private final Members members;
    private final MemberRepository repository;
    private final PublicAddress publicAddress;

    UnionCards(Members members, MemberRepository repository, PublicAddress publicAddress) {
        this.members = members;
        this.repository = repository;
        this.publicAddress = publicAddress;
    }

    /** Staff: the printable card; reading it is audited like reading the member's record. */
    public UnionCard card(long personId) {
        return cardOf(members.get(personId));
    }

    public UnionCard issue(long personId) {
        members.cardToken(personId);
        return cardOf(members.load(personId));
    }

    public void revoke(long personId) {
        members.revokeCard(personId);
    }

    /** Staff: the QR code of the member's valid card; none issued is "not found" like a stranger. */
    @Transactional(readOnly = true)
    public byte[] qrCode(long personId) {
        members.visiblePathsOf(personId);
        return qrCodeOf(personId);
    }

    /** Public: what the verification page shows. */
    @Transactional(readOnly = true)
    public CardCheck check(String token) {
        return members.checkCard(token);
    }

    UnionCard cardOf(Member member) {
        Optional<String> token = repository.activeCardToken(member.id());
        Membership latest =
                member.memberships().isEmpty() ? null : member.memberships().getFirst();
        boolean valid = token.isPresent() && members.checkCard(token.get()).valid();
        return new UnionCard(
                member.id(),
                member.fullName(),
                latest == null ? null : latest.organizationName(),
                latest == null ? null : latest.cardNumber(),
                latest == null ? null : latest.joinedOn(),
                latest == null ? null : latest.status(),
                token.orElse(null),
                token.map(this::verificationUrl).orElse(null),
                valid);
    }

    byte[] qrCodeOf(long personId) {
        String token = repository
                .activeCardToken(personId)
                .orElseThrow(() -> ProfkomException.notFound("member.card.notIssued"));
        return QrCodes.png(verificationUrl(token), QR_SIZE);
    }

    /** The address printed in the QR code, at the installation's public address (never the request's Host). */
    String verificationUrl(String token) {
        return publicAddress.link("/card/" + token);
    }
}
