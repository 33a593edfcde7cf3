package ru.profkom.members;

import static profkom.schema.Tables.MEMBERSHIP;
import static profkom.schema.Tables.PERSON;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.Membership;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;

/**
 * The registry as statistics see it: one {@link MembershipFacts} row per membership, without names or
 * contacts. For read models that rebuild themselves (the statistics' recount); the system only.
 */
@Service
@Transactional(readOnly = true)
public class MembershipFactsQuery {

    private final DSLContext dsl;
    private final CurrentActor currentActor;

    MembershipFactsQuery(DSLContext dsl, CurrentActor currentActor) {
        this.dsl = dsl;
        this.currentActor = currentActor;
    }

    /**
     * Streams every counted membership's facts, read by a cursor so that a registry of millions stays
     * out of memory: applications and memberships without a join date are left out, as {@link
     * MembershipFacts#counted()} does. The organization's path is left empty: the caller (the
     * statistics' recount) holds its own copy of the tree. Runs in the caller's transaction.
     */
    public void forEachCounted(java.util.function.Consumer<MembershipFacts> action) {
        requireSystem();
        // Whether a membership began with a transfer (the rule of select() below: an earlier membership of
        // the person ended by a transfer on its join day) is looked up here, among the transfer exits (few),
        // rather than by that subquery per row: the subquery was most of reading 20 million memberships.
        Map<String, Long> firstTransferExit = new HashMap<>();
        dsl.select(MEMBERSHIP.PERSON_ID, MEMBERSHIP.EXITED_ON, DSL.min(MEMBERSHIP.ID))
                .from(MEMBERSHIP)
                .where(MEMBERSHIP.EXIT_REASON.eq(ExitReason.TRANSFER.name()))
                .and(MEMBERSHIP.EXITED_ON.isNotNull())
                .groupBy(MEMBERSHIP.PERSON_ID, MEMBERSHIP.EXITED_ON)
                .forEach(r -> firstTransferExit.put(r.value1() + " " + r.value2(), r.value3()));
        String sql = dsl.renderInlined(dsl.select(
                        MEMBERSHIP.ID,
                        MEMBERSHIP.ORGANIZATION_ID,
                        MEMBERSHIP.CATEGORY,
                        PERSON.GENDER,
                        PERSON.BIRTH_DATE,
                        MEMBERSHIP.JOINED_ON,
                        MEMBERSHIP.EXITED_ON,
                        MEMBERSHIP.EXIT_REASON,
                        MEMBERSHIP.STATUS,
                        MEMBERSHIP.PERSON_ID)
                .from(MEMBERSHIP)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .where(counted()));
        boolean postgres = dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES;
        // Read through JDBC directly: a jOOQ record per row cost more than the database's work.
        dsl.connection(connection -> {
            if (postgres) {
                // The join of two tables of millions hashes one of them: in memory, not in batches on disk.
                try (var statement = connection.createStatement()) {
                    statement.execute("set local work_mem = '512MB'");
                }
            }
            try (var statement = ru.profkom.shared.BulkReads.prepare(connection, sql, 10_000)) {
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        long id = result.getLong(1);
                        String gender = result.getString(4);
                        LocalDate joined = result.getObject(6, LocalDate.class);
                        String reason = result.getString(8);
                        Long transferExit = firstTransferExit.get(result.getLong(10) + " " + joined);
                        action.accept(new MembershipFacts(
                                id,
                                result.getLong(2),
                                "",
                                Category.valueOf(result.getString(3)),
                                gender == null ? null : Gender.valueOf(gender),
                                result.getObject(5, LocalDate.class),
                                joined,
                                result.getObject(7, LocalDate.class),
                                reason == null ? null : ExitReason.valueOf(reason),
                                MembershipStatus.valueOf(result.getString(9)),
                                transferExit != null && transferExit < id));
                    }
                }
            }
        });
    }

    /** The memberships the statistics count: not applications, and with a join date. */
    private static Condition counted() {
        return MEMBERSHIP.STATUS.ne(MembershipStatus.APPLICATION.name()).and(MEMBERSHIP.JOINED_ON.isNotNull());
    }

    /** One membership's facts as they are now. */
    public Optional<MembershipFacts> of(long membershipId) {
        requireSystem();
        return select(MEMBERSHIP.ID.eq(membershipId)).fetchOptional().map(MembershipFactsQuery::toFacts);
    }

    /**
     * The members of a subtree at the end of a day counted by a plain GROUP BY over the registry (by
     * category and gender, youth as a column): the baseline statistics' counters are measured against.
     * Returns the members in total.
     */
    public long countByGroupBy(String subtreePath, LocalDate at) {
        requireSystem();
        LocalDate youthFrom = java.time.YearMonth.from(at).minusYears(35).atDay(1);
        var youth = DSL.sum(DSL.when(PERSON.BIRTH_DATE.ge(youthFrom), 1).otherwise(0));
        return dsl
                .select(MEMBERSHIP.CATEGORY, PERSON.GENDER, DSL.count(), youth)
                .from(MEMBERSHIP)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .where(ru.profkom.shared.TreePaths.within(MEMBERSHIP.ORGANIZATION_PATH, subtreePath))
                .and(MEMBERSHIP.STATUS.ne(MembershipStatus.APPLICATION.name()))
                .and(MEMBERSHIP.JOINED_ON.le(at))
                .and(MEMBERSHIP.EXITED_ON.isNull().or(MEMBERSHIP.EXITED_ON.gt(at)))
                .groupBy(MEMBERSHIP.CATEGORY, PERSON.GENDER)
                .fetch()
                .stream()
                .mapToLong(record -> record.value3())
                .sum();
    }

    /** The person's memberships, for the events of {@link Members}; no access check. */
    List<MembershipFacts> ofPerson(long personId) {
        return select(MEMBERSHIP.PERSON_ID.eq(personId)).fetch().map(MembershipFactsQuery::toFacts);
    }

    MembershipFacts ofMembership(long membershipId) {
        return select(MEMBERSHIP.ID.eq(membershipId)).fetchOne(MembershipFactsQuery::toFacts);
    }

    private SelectConditionStep<? extends Record> select(Condition condition) {
        Membership previous = MEMBERSHIP.as("previous");
        // A membership that begins on the day another of the same person ended with a transfer is a transfer in.
        var transferredIn = DSL.field(DSL.exists(DSL.selectOne()
                        .from(previous)
                        .where(previous.PERSON_ID.eq(MEMBERSHIP.PERSON_ID))
                        .and(previous.EXIT_REASON.eq(ExitReason.TRANSFER.name()))
                        .and(previous.EXITED_ON.eq(MEMBERSHIP.JOINED_ON))
                        .and(previous.ID.lt(MEMBERSHIP.ID))))
                .as("transferred_in");
        return dsl.select(
                        MEMBERSHIP.ID,
                        MEMBERSHIP.ORGANIZATION_ID,
                        MEMBERSHIP.ORGANIZATION_PATH,
                        MEMBERSHIP.CATEGORY,
                        PERSON.GENDER,
                        PERSON.BIRTH_DATE,
                        MEMBERSHIP.JOINED_ON,
                        MEMBERSHIP.EXITED_ON,
                        MEMBERSHIP.EXIT_REASON,
                        MEMBERSHIP.STATUS,
                        transferredIn)
                .from(MEMBERSHIP)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .where(condition);
    }

    private static MembershipFacts toFacts(Record record) {
        String gender = record.get(PERSON.GENDER);
        String reason = record.get(MEMBERSHIP.EXIT_REASON);
        return new MembershipFacts(
                record.get(MEMBERSHIP.ID),
                record.get(MEMBERSHIP.ORGANIZATION_ID),
                record.get(MEMBERSHIP.ORGANIZATION_PATH),
                Category.valueOf(record.get(MEMBERSHIP.CATEGORY)),
                gender == null ? null : Gender.valueOf(gender),
                record.get(PERSON.BIRTH_DATE),
                record.get(MEMBERSHIP.JOINED_ON),
                record.get(MEMBERSHIP.EXITED_ON),
                reason == null ? null : ExitReason.valueOf(reason),
                MembershipStatus.valueOf(record.get(MEMBERSHIP.STATUS)),
                Boolean.TRUE.equals(record.get("transferred_in", Boolean.class)));
    }

    private void requireSystem() {
        if (!currentActor.get().system()) {
            throw ProfkomException.forbidden("access.denied");
        }
    }
}
