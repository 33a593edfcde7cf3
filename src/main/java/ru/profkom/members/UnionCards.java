package ru.profkom.members;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.MembershipRecord;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Members members;
    private final MemberViews views;
    private final RegistryAccess access;
    private final MemberRepository repository;
    private final UnionCardRepository cards;
    private final MemberHistory history;
    private final Organizations organizations;
    private final PublicAddress publicAddress;
    private final Clock clock;

    UnionCards(
            Members members,
            MemberViews views,
            RegistryAccess access,
            MemberRepository repository,
            UnionCardRepository cards,
            MemberHistory history,
            Organizations organizations,
            PublicAddress publicAddress,
            Clock clock) {
        this.members = members;
        this.views = views;
        this.access = access;
        this.repository = repository;
        this.cards = cards;
        this.history = history;
        this.organizations = organizations;
        this.publicAddress = publicAddress;
        this.clock = clock;
    }

    /** Staff: the printable card; reading it is audited like reading the member's record. */
    public UnionCard card(long personId) {
        return cardOf(members.get(personId));
    }

    /** Staff: issues the member's card if they have no valid one; only an active membership gets one. */
    public UnionCard issue(long personId) {
        access.writablePathsOf(personId);
        if (cards.activeCardToken(personId).isEmpty()) {
            MembershipRecord current = repository
                    .currentMembership(personId)
                    .filter(m -> MembershipStatus.valueOf(m.getStatus()) == MembershipStatus.ACTIVE)
                    .orElseThrow(() -> ProfkomException.conflict("member.card.noActiveMembership"));
            byte[] bytes = new byte[12];
            RANDOM.nextBytes(bytes);
            String token = HexFormat.of().formatHex(bytes);
            cards.insertCard(token, personId, current.getId(), clock.instant());
            history.record(personId, "card", null, "issued", clock.instant());
        }
        return cardOf(views.load(personId));
    }

    public void revoke(long personId) {
        access.writablePathsOf(personId);
        cards.revokeCards(personId, clock.instant());
        history.record(personId, "card", "issued", "revoked", clock.instant());
    }

    /** Staff: the QR code of the member's valid card; none issued is "not found" like a stranger. */
    @Transactional(readOnly = true)
    public byte[] qrCode(long personId) {
        access.visiblePathsOf(personId);
        return qrCodeOf(personId);
    }

    /** Public: anyone holding the QR code learns whether the card is valid and its organization, nothing more. */
    @Transactional(readOnly = true)
    public CardCheck check(String token) {
        if (token == null || !token.matches("[0-9a-f]{24}")) {
            return new CardCheck(false, false, null);
        }
        return cards.cardState(token)
                .map(state -> new CardCheck(
                        true,
                        state.valid(),
                        CurrentActor.asSystem(() -> organizations.shortNames(List.of(state.organizationId())))
                                .get(state.organizationId())))
                .orElse(new CardCheck(false, false, null));
    }

    UnionCard cardOf(Member member) {
        Optional<String> token = cards.activeCardToken(member.id());
        Membership latest =
                member.memberships().isEmpty() ? null : member.memberships().getFirst();
        boolean valid = token.isPresent() && check(token.get()).valid();
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
        String token =
                cards.activeCardToken(personId).orElseThrow(() -> ProfkomException.notFound("member.card.notIssued"));
        return QrCodes.png(verificationUrl(token), QR_SIZE);
    }

    /** The address printed in the QR code, at the installation's public address (never the request's Host). */
    String verificationUrl(String token) {
        return publicAddress.link("/card/" + token);
    }
}
