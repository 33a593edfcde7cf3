package ru.profkom.members;

import static profkom.schema.Tables.MEMBERSHIP;
import static profkom.schema.Tables.UNION_CARD;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import ru.profkom.members.MemberEnums.MembershipStatus;

/** The electronic union cards: issued to a membership, followed by a transfer, revoked on exit or by staff. */
@Repository
class UnionCardRepository {

    private final DSLContext dsl;

    UnionCardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insertCard(String token, long personId, long membershipId, Instant now) {
        dsl.insertInto(UNION_CARD)
                .set(UNION_CARD.TOKEN, token)
                .set(UNION_CARD.PERSON_ID, personId)
                .set(UNION_CARD.MEMBERSHIP_ID, membershipId)
                .set(UNION_CARD.ISSUED_AT, now)
                .execute();
    }

    Optional<String> activeCardToken(long personId) {
        return dsl.select(UNION_CARD.TOKEN)
                .from(UNION_CARD)
                .where(UNION_CARD.PERSON_ID.eq(personId).and(UNION_CARD.REVOKED_AT.isNull()))
                .orderBy(UNION_CARD.ISSUED_AT.desc())
                .limit(1)
                .fetchOptional(UNION_CARD.TOKEN);
    }

    void moveCards(long fromMembershipId, long toMembershipId) {
        dsl.update(UNION_CARD)
                .set(UNION_CARD.MEMBERSHIP_ID, toMembershipId)
                .where(UNION_CARD.MEMBERSHIP_ID.eq(fromMembershipId).and(UNION_CARD.REVOKED_AT.isNull()))
                .execute();
    }

    /** Revokes the person's valid cards; how many there were. */
    int revokeCards(long personId, Instant now) {
        return dsl.update(UNION_CARD)
                .set(UNION_CARD.REVOKED_AT, now)
                .where(UNION_CARD.PERSON_ID.eq(personId).and(UNION_CARD.REVOKED_AT.isNull()))
                .execute();
    }

    /** The card's membership status and organization, for the public check; nothing about the person. */
    Optional<CardState> cardState(String token) {
        return dsl.select(UNION_CARD.REVOKED_AT, MEMBERSHIP.STATUS, MEMBERSHIP.ORGANIZATION_ID)
                .from(UNION_CARD)
                .join(MEMBERSHIP)
                .on(MEMBERSHIP.ID.eq(UNION_CARD.MEMBERSHIP_ID))
                .where(UNION_CARD.TOKEN.eq(token))
                .fetchOptional(r -> new CardState(
                        r.value1() == null && MembershipStatus.valueOf(r.value2()) == MembershipStatus.ACTIVE,
                        r.value3()));
    }

    record CardState(boolean valid, long organizationId) {}
}
