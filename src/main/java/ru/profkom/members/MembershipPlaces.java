package ru.profkom.members;

import static profkom.schema.Tables.CONSENT;
import static profkom.schema.Tables.MEMBERSHIP;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import ru.profkom.members.MemberEnums.MembershipStatus;

/** A person's memberships as {@link RegistryRules} reads them, and when each consent was recorded. */
@Repository
class MembershipPlaces {

    private final DSLContext dsl;

    MembershipPlaces(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<RegistryRules.Place> of(long personId) {
        return dsl.select(MEMBERSHIP.ID, MEMBERSHIP.ORGANIZATION_PATH, MEMBERSHIP.STATUS, MEMBERSHIP.CREATED_AT)
                .from(MEMBERSHIP)
                .where(MEMBERSHIP.PERSON_ID.eq(personId))
                .orderBy(MEMBERSHIP.ID)
                .fetch(r -> new RegistryRules.Place(
                        r.value1(),
                        r.value2(),
                        MembershipStatus.valueOf(r.value3()) != MembershipStatus.EXITED,
                        r.value4()));
    }

    /** The places of many people at once, for an import chunk: one query. */
    Map<Long, List<RegistryRules.Place>> of(java.util.Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<RegistryRules.Place>> places = new java.util.HashMap<>();
        dsl.select(
                        MEMBERSHIP.PERSON_ID,
                        MEMBERSHIP.ID,
                        MEMBERSHIP.ORGANIZATION_PATH,
                        MEMBERSHIP.STATUS,
                        MEMBERSHIP.CREATED_AT)
                .from(MEMBERSHIP)
                .where(MEMBERSHIP.PERSON_ID.in(personIds))
                .orderBy(MEMBERSHIP.ID)
                .forEach(r -> places.computeIfAbsent(r.value1(), id -> new java.util.ArrayList<>())
                        .add(new RegistryRules.Place(
                                r.value2(),
                                r.value3(),
                                MembershipStatus.valueOf(r.value4()) != MembershipStatus.EXITED,
                                r.value5())));
        return places;
    }

    Map<Long, Instant> consentsRecordedAt(long personId) {
        return dsl.select(CONSENT.ID, CONSENT.RECORDED_AT)
                .from(CONSENT)
                .where(CONSENT.PERSON_ID.eq(personId))
                .fetchMap(CONSENT.ID, CONSENT.RECORDED_AT);
    }
}
