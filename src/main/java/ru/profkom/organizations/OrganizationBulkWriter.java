package ru.profkom.organizations;

import static profkom.schema.Tables.ORGANIZATION;
import static profkom.schema.Tables.ORGANIZATION_BODY;
import static profkom.schema.Tables.ORGANIZATION_PLACEMENT;

import java.time.Instant;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.profkom.shared.RussianText;

/** Multi-row inserts for {@link OrganizationLoader}: one statement per table and chunk. */
@Repository
class OrganizationBulkWriter {

    /** An organization ready to store: the draft plus what the tree gives it. */
    record PreparedOrganization(
            long id, Long parentId, String path, int depth, OrganizationForm card, List<BodyDraft> bodies) {}

    private final DSLContext dsl;

    OrganizationBulkWriter(DSLContext dsl) {
        this.dsl = dsl;
    }

    long maxId() {
        Long max = dsl.select(DSL.max(ORGANIZATION.ID)).from(ORGANIZATION).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    void insert(List<PreparedOrganization> organizations, Instant now) {
        // One prepared statement per table, bound once per row: H2 parses it once, and PostgreSQL's
        // driver sends the batch in one round trip.
        BatchBindStep rows = dsl.batch(dsl.insertInto(
                        ORGANIZATION,
                        ORGANIZATION.ID,
                        ORGANIZATION.PARENT_ID,
                        ORGANIZATION.PATH,
                        ORGANIZATION.DEPTH,
                        ORGANIZATION.KIND,
                        ORGANIZATION.CODE,
                        ORGANIZATION.FULL_NAME,
                        ORGANIZATION.SHORT_NAME,
                        ORGANIZATION.SORT_NAME,
                        ORGANIZATION.SEARCH_TEXT,
                        ORGANIZATION.INN,
                        ORGANIZATION.ADDRESS,
                        ORGANIZATION.PHONE,
                        ORGANIZATION.EMAIL,
                        ORGANIZATION.WEBSITE,
                        ORGANIZATION.EMPLOYER_NAME,
                        ORGANIZATION.EMPLOYER_INN,
                        ORGANIZATION.HEADCOUNT,
                        ORGANIZATION.CHAIR_NAME,
                        ORGANIZATION.INFO_WORKER_NAME,
                        ORGANIZATION.STATUS,
                        ORGANIZATION.CREATED_AT,
                        ORGANIZATION.UPDATED_AT,
                        ORGANIZATION.VERSION)
                .values(nulls(24)));
        // Placement and body ids are left to their identities: nothing refers to them yet.
        BatchBindStep placements = dsl.batch(dsl.insertInto(
                        ORGANIZATION_PLACEMENT,
                        ORGANIZATION_PLACEMENT.ORGANIZATION_ID,
                        ORGANIZATION_PLACEMENT.PARENT_ID,
                        ORGANIZATION_PLACEMENT.VALID_FROM)
                .values((Long) null, null, null));
        BatchBindStep bodies = dsl.batch(dsl.insertInto(
                        ORGANIZATION_BODY,
                        ORGANIZATION_BODY.ORGANIZATION_ID,
                        ORGANIZATION_BODY.KIND,
                        ORGANIZATION_BODY.NAME,
                        ORGANIZATION_BODY.CHAIR_NAME,
                        ORGANIZATION_BODY.CREATED_AT)
                .values((Long) null, null, null, null, null));
        int bodyCount = 0;
        for (PreparedOrganization organization : organizations) {
            OrganizationForm card = organization.card();
            rows.bind(
                    organization.id(),
                    organization.parentId(),
                    organization.path(),
                    organization.depth(),
                    card.kind().name(),
                    card.code(),
                    card.fullName(),
                    card.shortName(),
                    RussianText.foldedKey(card.shortName()),
                    RussianText.foldedKey(card.shortName() + " " + card.fullName() + " " + card.code()),
                    card.inn(),
                    card.address(),
                    card.phone(),
                    card.email(),
                    card.website(),
                    card.employerName(),
                    card.employerInn(),
                    card.headcount(),
                    card.chairName(),
                    card.infoWorkerName(),
                    OrganizationStatus.ACTIVE.name(),
                    now,
                    now,
                    0);
            placements.bind(organization.id(), organization.parentId(), now);
            for (BodyDraft body : organization.bodies()) {
                bodies.bind(organization.id(), body.kind().name(), body.name(), body.chairName(), now);
                bodyCount++;
            }
        }
        rows.execute();
        placements.execute();
        if (bodyCount > 0) {
            bodies.execute();
        }
    }

    private static Object[] nulls(int count) {
        return new Object[count];
    }

    /** Moves the identity past the loaded ids, so that the next organization created by hand gets a free one. */
    void continueIdsAfter(long lastId) {
        // The same statement works for H2 and PostgreSQL identity columns; jOOQ has no DSL for it.
        dsl.execute("alter table organization alter column id restart with " + (lastId + 1));
    }
}
