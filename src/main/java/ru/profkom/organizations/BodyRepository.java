package ru.profkom.organizations;

import static profkom.schema.Tables.ORGANIZATION_BODY;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.OrganizationBodyRecord;

/** The elected and other bodies attached to an organization ({@code organization_body}). */
@Repository
class BodyRepository {

    private final DSLContext dsl;

    BodyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<AttachedBody> of(long organizationId) {
        return dsl.selectFrom(ORGANIZATION_BODY)
                .where(ORGANIZATION_BODY.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ORGANIZATION_BODY.KIND, ORGANIZATION_BODY.NAME)
                .fetch(BodyRepository::toBody);
    }

    long insert(long organizationId, BodyKind kind, String name, String chairName, Instant now) {
        return dsl.insertInto(ORGANIZATION_BODY)
                .set(ORGANIZATION_BODY.ORGANIZATION_ID, organizationId)
                .set(ORGANIZATION_BODY.KIND, kind.name())
                .set(ORGANIZATION_BODY.NAME, name)
                .set(ORGANIZATION_BODY.CHAIR_NAME, chairName)
                .set(ORGANIZATION_BODY.CREATED_AT, now)
                .returning(ORGANIZATION_BODY.ID)
                .fetchOne(ORGANIZATION_BODY.ID);
    }

    Optional<AttachedBody> find(long bodyId) {
        return dsl.selectFrom(ORGANIZATION_BODY)
                .where(ORGANIZATION_BODY.ID.eq(bodyId))
                .fetchOptional(BodyRepository::toBody);
    }

    void delete(long bodyId) {
        dsl.deleteFrom(ORGANIZATION_BODY).where(ORGANIZATION_BODY.ID.eq(bodyId)).execute();
    }

    private static AttachedBody toBody(OrganizationBodyRecord r) {
        return new AttachedBody(
                r.getId(), r.getOrganizationId(), BodyKind.valueOf(r.getKind()), r.getName(), r.getChairName());
    }
}
