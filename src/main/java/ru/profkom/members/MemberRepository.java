package ru.profkom.members;

import static profkom.schema.Tables.MEMBERSHIP;
import static profkom.schema.Tables.PERSON;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.MembershipRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.shared.BulkInsert;
import ru.profkom.shared.TreePaths;

@Repository
@org.springframework.modulith.NamedInterface("internal")
public class MemberRepository {

    private final DSLContext dsl;
    private final MemberIds ids;

    MemberRepository(DSLContext dsl, MemberIds ids) {
        this.dsl = dsl;
        this.ids = ids;
    }

    // ---- persons ---------------------------------------------------------------------------

    Optional<PersonRecord> person(long id) {
        return dsl.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOptional();
    }

    /** The persons of a page of rows, read in one statement. */
    Map<Long, PersonRecord> persons(Collection<Long> ids) {
        return ids.isEmpty()
                ? Map.of()
                : dsl.selectFrom(PERSON).where(PERSON.ID.in(ids)).fetchMap(PERSON.ID);
    }

    Optional<PersonRecord> personBySnils(String snils) {
        return dsl.selectFrom(PERSON).where(PERSON.SNILS.eq(snils)).fetchOptional();
    }

    Optional<PersonRecord> personByNameAndBirthDate(String nameKey, LocalDate birthDate) {
        return dsl.selectFrom(PERSON)
                .where(PERSON.NAME_KEY.eq(nameKey).and(PERSON.BIRTH_DATE.eq(birthDate)))
                .orderBy(PERSON.ID)
                .limit(1)
                .fetchOptional();
    }

    long insertPerson(PersonData data, String nameKey, Instant now) {
        PersonRecord record = newPerson(ids.take(MemberIds.PERSON, 1), data, nameKey, now);
        record.attach(dsl.configuration());
        record.insert();
        return record.getId();
    }

    /** A person's row ready to insert, with an id from {@link MemberIds}. */
    public static PersonRecord newPerson(long id, PersonData data, String nameKey, Instant now) {
        PersonRecord record = new PersonRecord();
        record.setId(id);
        fill(record, data, nameKey);
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        record.setVersion(0);
        return record;
    }

    // ---- bulk, for imports: one statement per chunk of rows -----------------------------------

    /** People holding any of the SNILS, by SNILS. */
    java.util.Map<String, PersonRecord> personsBySnils(Collection<String> snils) {
        if (snils.isEmpty()) {
            return java.util.Map.of();
        }
        return dsl.selectFrom(PERSON).where(PERSON.SNILS.in(snils)).fetchMap(PERSON.SNILS);
    }

    /**
     * Refreshes PostgreSQL's planner statistics of the registry's tables during a bulk import. Where
     * autovacuum is off or behind, the planner keeps the sizes of the tables before the import, and
     * once they have grown a hundredfold it reads the people by name with a scan of the whole table
     * (seen at 700,000 rows: 6.5 s a chunk instead of 30 ms).
     */
    public void analyze() {
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            dsl.execute("analyze person");
            dsl.execute("analyze membership");
        }
    }

    /**
     * People with any of the (name key, birth date) pairs, the oldest first. Asking for the pairs,
     * not the name keys alone, reads only the matches: a common name key is held by thousands of
     * people in a large registry.
     */
    List<PersonRecord> personsByNameKeysAndBirthDates(Collection<Map.Entry<String, LocalDate>> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        // Two arrays unnested into a table of pairs: one statement text whatever the number of keys,
        // so the database parses and plans it once, and nothing is rendered per key.
        var pairs = DSL.table(
                        "unnest(cast({0} as varchar(400) array), cast({1} as date array))",
                        DSL.val(keys.stream().map(Map.Entry::getKey).toArray(String[]::new)),
                        DSL.val(keys.stream().map(Map.Entry::getValue).toArray(LocalDate[]::new)))
                .as("k", "name_key", "birth_date");
        return dsl.select(PERSON.fields())
                .from(PERSON)
                .join(pairs)
                .on(PERSON.NAME_KEY.eq(DSL.field(DSL.name("k", "name_key"), String.class)))
                .and(PERSON.BIRTH_DATE.eq(DSL.field(DSL.name("k", "birth_date"), LocalDate.class)))
                .orderBy(PERSON.ID)
                .fetchInto(PERSON);
    }

    /** Which of the people hold a current (active, suspended or applied for) membership. */
    public java.util.Set<Long> withCurrentMembership(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(dsl.selectDistinct(MEMBERSHIP.PERSON_ID)
                .from(MEMBERSHIP)
                .where(MEMBERSHIP.PERSON_ID.in(personIds))
                .and(MEMBERSHIP.STATUS.in(
                        MembershipStatus.ACTIVE.name(),
                        MembershipStatus.SUSPENDED.name(),
                        MembershipStatus.APPLICATION.name()))
                .fetch(MEMBERSHIP.PERSON_ID));
    }

    /** The holder of each card number already in use. */
    public java.util.Map<String, Long> cardHolders(Collection<String> cardNumbers) {
        if (cardNumbers.isEmpty()) {
            return java.util.Map.of();
        }
        return dsl.select(MEMBERSHIP.CARD_NUMBER, MEMBERSHIP.PERSON_ID)
                .from(MEMBERSHIP)
                .where(MEMBERSHIP.CARD_NUMBER.in(cardNumbers))
                .fetchMap(MEMBERSHIP.CARD_NUMBER, MEMBERSHIP.PERSON_ID);
    }

    /** Card numbers in use with the SNILS, name key and birth date of their holders: to tell "the same person" apart. */
    public List<Record> cardHoldersWithPersons(Collection<String> cardNumbers) {
        if (cardNumbers.isEmpty()) {
            return List.of();
        }
        return dsl.select(MEMBERSHIP.CARD_NUMBER, PERSON.ID, PERSON.SNILS, PERSON.NAME_KEY, PERSON.BIRTH_DATE)
                .from(MEMBERSHIP)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .where(MEMBERSHIP.CARD_NUMBER.in(cardNumbers))
                .fetch()
                .map(r -> (Record) r);
    }

    List<MemberEvents.ImportedMembership> importedMemberships(long first, long last) {
        return dsl.select(
                        MEMBERSHIP.PERSON_ID,
                        MEMBERSHIP.ID,
                        MEMBERSHIP.ORGANIZATION_ID,
                        MEMBERSHIP.ORGANIZATION_PATH,
                        MEMBERSHIP.CATEGORY,
                        PERSON.GENDER,
                        PERSON.BIRTH_DATE,
                        MEMBERSHIP.JOINED_ON)
                .from(MEMBERSHIP)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .where(MEMBERSHIP.ID.between(first, last))
                .orderBy(MEMBERSHIP.ID)
                .fetch(r -> new MemberEvents.ImportedMembership(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        Category.valueOf(r.value5()),
                        r.value6() == null ? null : Gender.valueOf(r.value6()),
                        r.value7(),
                        r.value8()));
    }

    java.util.Set<String> allSnils() {
        return new java.util.HashSet<>(dsl.select(PERSON.SNILS)
                .from(PERSON)
                .where(PERSON.SNILS.isNotNull())
                .fetch(PERSON.SNILS));
    }

    public long takeIds(String name, int count) {
        return ids.take(name, count);
    }

    public void insertPersons(List<PersonRecord> persons) {
        insertAll(PERSON, persons);
    }

    public void insertMemberships(List<MembershipRecord> memberships) {
        insertAll(MEMBERSHIP, memberships);
    }

    private <R extends org.jooq.TableRecord<R>> void insertAll(org.jooq.Table<R> table, List<R> records) {
        BulkInsert.insertAll(dsl, table, records);
    }

    boolean updatePerson(long id, PersonData data, String nameKey, int expectedVersion, Instant now) {
        PersonRecord record = dsl.newRecord(PERSON);
        fill(record, data, nameKey);
        record.setUpdatedAt(now);
        record.setVersion(expectedVersion + 1);
        record.changed(PERSON.ID, false);
        record.changed(PERSON.CREATED_AT, false);
        int updated = dsl.update(PERSON)
                .set(record)
                .where(PERSON.ID.eq(id).and(PERSON.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 1) {
            dsl.update(MEMBERSHIP)
                    .set(MEMBERSHIP.NAME_KEY, nameKey)
                    .where(MEMBERSHIP.PERSON_ID.eq(id))
                    .execute();
        }
        return updated == 1;
    }

    private static void fill(PersonRecord record, PersonData data, String nameKey) {
        record.setLastName(data.lastName());
        record.setFirstName(data.firstName());
        record.setPatronymic(data.patronymic());
        record.setNameKey(nameKey);
        record.setBirthDate(data.birthDate());
        record.setGender(data.gender() == null ? null : data.gender().name());
        record.setSnils(data.snils());
        record.setPhone(data.phone());
        record.setEmail(data.email());
        record.setPosition(data.position());
        record.setDepartment(data.department());
    }

    static PersonData toData(PersonRecord r) {
        return new PersonData(
                r.getLastName(),
                r.getFirstName(),
                r.getPatronymic(),
                r.getBirthDate(),
                r.getGender() == null ? null : Gender.valueOf(r.getGender()),
                r.getSnils(),
                r.getPhone(),
                r.getEmail(),
                r.getPosition(),
                r.getDepartment());
    }

    // ---- memberships -----------------------------------------------------------------------

    long insertMembership(
            long personId,
            long organizationId,
            String organizationPath,
            String nameKey,
            MembershipStatus status,
            Category category,
            LocalDate joinedOn,
            String cardNumber,
            Instant now) {
        long id = ids.take(MemberIds.MEMBERSHIP, 1);
        dsl.insertInto(MEMBERSHIP)
                .set(MEMBERSHIP.ID, id)
                .set(MEMBERSHIP.PERSON_ID, personId)
                .set(MEMBERSHIP.ORGANIZATION_ID, organizationId)
                .set(MEMBERSHIP.ORGANIZATION_PATH, organizationPath)
                .set(MEMBERSHIP.NAME_KEY, nameKey)
                .set(MEMBERSHIP.STATUS, status.name())
                .set(MEMBERSHIP.CATEGORY, category.name())
                .set(MEMBERSHIP.JOINED_ON, joinedOn)
                .set(MEMBERSHIP.CARD_NUMBER, cardNumber)
                .set(MEMBERSHIP.CREATED_AT, now)
                .set(MEMBERSHIP.UPDATED_AT, now)
                .execute();
        return id;
    }

    Optional<MembershipRecord> membership(long id) {
        return dsl.selectFrom(MEMBERSHIP).where(MEMBERSHIP.ID.eq(id)).fetchOptional();
    }

    List<MembershipRecord> memberships(long personId) {
        return dsl.selectFrom(MEMBERSHIP)
                .where(MEMBERSHIP.PERSON_ID.eq(personId))
                .orderBy(MEMBERSHIP.JOINED_ON.desc().nullsLast(), MEMBERSHIP.ID.desc())
                .fetch();
    }

    Optional<MembershipRecord> currentMembership(long personId) {
        return dsl.selectFrom(MEMBERSHIP)
                .where(MEMBERSHIP.PERSON_ID.eq(personId))
                .and(MEMBERSHIP.STATUS.in(
                        MembershipStatus.ACTIVE.name(),
                        MembershipStatus.SUSPENDED.name(),
                        MembershipStatus.APPLICATION.name()))
                .orderBy(MEMBERSHIP.ID.desc())
                .limit(1)
                .fetchOptional();
    }

    boolean cardNumberTaken(String cardNumber, Long exceptPersonId) {
        Condition condition = MEMBERSHIP.CARD_NUMBER.eq(cardNumber);
        if (exceptPersonId != null) {
            condition = condition.and(MEMBERSHIP.PERSON_ID.ne(exceptPersonId));
        }
        return dsl.fetchExists(MEMBERSHIP, condition);
    }

    void setStatus(long membershipId, MembershipStatus status, LocalDate exitedOn, ExitReason reason, Instant now) {
        dsl.update(MEMBERSHIP)
                .set(MEMBERSHIP.STATUS, status.name())
                .set(MEMBERSHIP.EXITED_ON, exitedOn)
                .set(MEMBERSHIP.EXIT_REASON, reason == null ? null : reason.name())
                .set(MEMBERSHIP.UPDATED_AT, now)
                .where(MEMBERSHIP.ID.eq(membershipId))
                .execute();
    }

    void setCategory(long membershipId, Category category, Instant now) {
        dsl.update(MEMBERSHIP)
                .set(MEMBERSHIP.CATEGORY, category.name())
                .set(MEMBERSHIP.UPDATED_AT, now)
                .where(MEMBERSHIP.ID.eq(membershipId))
                .execute();
    }

    /** Frees a card number held by an earlier membership of the same person, for their new one. */
    public void releaseCardNumber(String cardNumber) {
        dsl.update(MEMBERSHIP)
                .setNull(MEMBERSHIP.CARD_NUMBER)
                .where(MEMBERSHIP.CARD_NUMBER.eq(cardNumber))
                .execute();
    }

    /** A membership's row ready to insert, with an id from {@link MemberIds}. */
    public static MembershipRecord newMembership(
            long id,
            long personId,
            ru.profkom.organizations.Organization organization,
            String nameKey,
            MembershipStatus status,
            Category category,
            LocalDate joinedOn,
            String cardNumber,
            Instant now) {
        MembershipRecord record = new MembershipRecord();
        record.setId(id);
        record.setPersonId(personId);
        record.setOrganizationId(organization.id());
        record.setOrganizationPath(organization.path());
        record.setNameKey(nameKey);
        record.setStatus(status.name());
        record.setCategory(category.name());
        record.setJoinedOn(joinedOn);
        record.setCardNumber(cardNumber);
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        return record;
    }

    /** Frees the card number of a membership that ends by transfer, so the new one can keep it. */
    void moveCardNumber(long fromMembershipId) {
        dsl.update(MEMBERSHIP)
                .setNull(MEMBERSHIP.CARD_NUMBER)
                .where(MEMBERSHIP.ID.eq(fromMembershipId))
                .execute();
    }

    int currentMembersIn(long organizationId) {
        return dsl.fetchCount(
                MEMBERSHIP,
                MEMBERSHIP
                        .ORGANIZATION_ID
                        .eq(organizationId)
                        .and(MEMBERSHIP.STATUS.in(MembershipStatus.ACTIVE.name(), MembershipStatus.SUSPENDED.name())));
    }

    /** Keeps the stored paths current when a subtree moves in the tree. */
    void repath(String oldPath, String newPath) {
        dsl.update(MEMBERSHIP)
                .set(MEMBERSHIP.ORGANIZATION_PATH, TreePaths.moved(MEMBERSHIP.ORGANIZATION_PATH, oldPath, newPath))
                .where(TreePaths.within(MEMBERSHIP.ORGANIZATION_PATH, oldPath))
                .execute();
    }

    List<Long> currentMembershipIdsIn(long organizationId) {
        return dsl.select(MEMBERSHIP.ID)
                .from(MEMBERSHIP)
                .where(MEMBERSHIP.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBERSHIP.STATUS.in(
                        MembershipStatus.ACTIVE.name(),
                        MembershipStatus.SUSPENDED.name(),
                        MembershipStatus.APPLICATION.name()))
                .fetch(MEMBERSHIP.ID);
    }

    /** The paths of the organizations where a person has or had a membership: who may see them. */
    List<String> pathsOf(long personId) {
        return dsl.selectDistinct(MEMBERSHIP.ORGANIZATION_PATH)
                .from(MEMBERSHIP)
                .where(MEMBERSHIP.PERSON_ID.eq(personId))
                .fetch(MEMBERSHIP.ORGANIZATION_PATH);
    }

    static Collection<String> currentStatuses() {
        return List.of(MembershipStatus.ACTIVE.name(), MembershipStatus.SUSPENDED.name());
    }
}
