package ru.profkom.members;

import static profkom.schema.Tables.CONSENT;
import static profkom.schema.Tables.MEMBER_ROLE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.ConsentRecord;
import profkom.schema.tables.records.MemberRoleRecord;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.UnionRole;

/**
 * A person's dated terms: consents (given on a day, withdrawn on a later one) and union roles (started, ended).
 * Both are found by id, owned by a person and closed once by a date: that half is written once for the two
 * tables.
 */
@Repository
class PersonTermRepository {

    /** A table of terms: its id, the person's column and the column that closes a term. */
    private record Terms(Table<?> table, Field<Long> id, Field<Long> personId, Field<LocalDate> closedOn) {}

    private static final Terms CONSENTS = new Terms(CONSENT, CONSENT.ID, CONSENT.PERSON_ID, CONSENT.WITHDRAWN_ON);
    private static final Terms ROLES =
            new Terms(MEMBER_ROLE, MEMBER_ROLE.ID, MEMBER_ROLE.PERSON_ID, MEMBER_ROLE.ENDED_ON);

    private final DSLContext dsl;

    PersonTermRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- consents --------------------------------------------------------------------------

    List<Consent> consents(long personId) {
        return dsl.selectFrom(CONSENT)
                .where(CONSENT.PERSON_ID.eq(personId))
                .orderBy(CONSENT.PURPOSE, CONSENT.GIVEN_ON.desc(), CONSENT.ID.desc())
                .fetch(PersonTermRepository::toConsent);
    }

    long insertConsent(
            long personId,
            ConsentPurpose purpose,
            LocalDate givenOn,
            ConsentForm form,
            String document,
            Long actorId,
            Instant now) {
        return dsl.insertInto(CONSENT)
                .set(CONSENT.PERSON_ID, personId)
                .set(CONSENT.PURPOSE, purpose.name())
                .set(CONSENT.GIVEN_ON, givenOn)
                .set(CONSENT.FORM, form.name())
                .set(CONSENT.DOCUMENT, document)
                .set(CONSENT.RECORDED_AT, now)
                .set(CONSENT.RECORDED_BY, actorId)
                .returning(CONSENT.ID)
                .fetchOne(CONSENT.ID);
    }

    Optional<Consent> consent(long consentId) {
        return dsl.selectFrom(CONSENT).where(CONSENT.ID.eq(consentId)).fetchOptional(PersonTermRepository::toConsent);
    }

    Optional<Long> consentOwner(long consentId) {
        return owner(CONSENTS, consentId);
    }

    void withdrawConsent(long consentId, LocalDate on) {
        close(CONSENTS, consentId, on);
    }

    // ---- union roles -----------------------------------------------------------------------

    List<MemberRoleTerm> roles(long personId) {
        return dsl.selectFrom(MEMBER_ROLE)
                .where(MEMBER_ROLE.PERSON_ID.eq(personId))
                .orderBy(MEMBER_ROLE.STARTED_ON.desc())
                .fetch(PersonTermRepository::toRoleTerm);
    }

    long insertRole(long personId, long organizationId, UnionRole role, LocalDate from) {
        return dsl.insertInto(MEMBER_ROLE)
                .set(MEMBER_ROLE.PERSON_ID, personId)
                .set(MEMBER_ROLE.ORGANIZATION_ID, organizationId)
                .set(MEMBER_ROLE.ROLE, role.name())
                .set(MEMBER_ROLE.STARTED_ON, from)
                .returning(MEMBER_ROLE.ID)
                .fetchOne(MEMBER_ROLE.ID);
    }

    Optional<MemberRoleTerm> role(long roleId) {
        return dsl.selectFrom(MEMBER_ROLE)
                .where(MEMBER_ROLE.ID.eq(roleId))
                .fetchOptional(PersonTermRepository::toRoleTerm);
    }

    Optional<Long> roleOwner(long roleId) {
        return owner(ROLES, roleId);
    }

    void endRole(long roleId, LocalDate on) {
        close(ROLES, roleId, on);
    }

    // ---- both ------------------------------------------------------------------------------

    private Optional<Long> owner(Terms terms, long id) {
        return dsl.select(terms.personId())
                .from(terms.table())
                .where(terms.id().eq(id))
                .fetchOptional(terms.personId());
    }

    /** Closes an open term; a closed one keeps its date. */
    private void close(Terms terms, long id, LocalDate on) {
        dsl.update(terms.table())
                .set(terms.closedOn(), on)
                .where(terms.id().eq(id).and(terms.closedOn().isNull()))
                .execute();
    }

    private static Consent toConsent(ConsentRecord r) {
        return new Consent(
                r.getId(),
                ConsentPurpose.valueOf(r.getPurpose()),
                r.getGivenOn(),
                ConsentForm.valueOf(r.getForm()),
                r.getDocument(),
                r.getWithdrawnOn());
    }

    private static MemberRoleTerm toRoleTerm(MemberRoleRecord r) {
        return new MemberRoleTerm(
                r.getId(), r.getOrganizationId(), UnionRole.valueOf(r.getRole()), r.getStartedOn(), r.getEndedOn());
    }
}
