package ru.profkom.members;

import static profkom.schema.Tables.CONSENT;
import static profkom.schema.Tables.MEMBERSHIP;
import static profkom.schema.Tables.MEMBER_ROLE;
import static profkom.schema.Tables.PERSON;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;

/**
 * The people a mailing addresses, as a derived table another module's statement selects from or inserts from:
 * one row per person (a person in two organizations of the subtree appears once, with the membership made
 * first), with the contacts and consents the channels need. Nothing is read until that statement runs, so a
 * million recipients never pass through the application.
 */
@Service
public class MemberAudiences {

    public static final Field<Long> PERSON_ID = DSL.field(DSL.name("audience", "person_id"), Long.class);
    public static final Field<Long> ORGANIZATION_ID = DSL.field(DSL.name("audience", "organization_id"), Long.class);
    public static final Field<String> ORGANIZATION_NAME =
            DSL.field(DSL.name("audience", "organization_name"), String.class);
    public static final Field<String> LAST_NAME = DSL.field(DSL.name("audience", "last_name"), String.class);
    public static final Field<String> FIRST_NAME = DSL.field(DSL.name("audience", "first_name"), String.class);
    public static final Field<String> PATRONYMIC = DSL.field(DSL.name("audience", "patronymic"), String.class);
    public static final Field<String> EMAIL = DSL.field(DSL.name("audience", "email"), String.class);
    public static final Field<String> PHONE = DSL.field(DSL.name("audience", "phone"), String.class);
    public static final Field<String> CARD_NUMBER = DSL.field(DSL.name("audience", "card_number"), String.class);
    public static final Field<Boolean> PROCESSING_CONSENT =
            DSL.field(DSL.name("audience", "processing_consent"), Boolean.class);
    public static final Field<Boolean> EMAIL_CONSENT = DSL.field(DSL.name("audience", "email_consent"), Boolean.class);
    public static final Field<Boolean> SMS_CONSENT = DSL.field(DSL.name("audience", "sms_consent"), Boolean.class);
    public static final Field<Boolean> MESSENGER_CONSENT =
            DSL.field(DSL.name("audience", "messenger_consent"), Boolean.class);

    /**
     * Who is in the audience. Every set left empty means "any"; {@code statuses} empty means the current members
     * (active and suspended).
     *
     * @param organizations the organizations whose members count, from {@code Organizations.activeWithinTable}:
     *     the subtree (checked against the sender's scope by the caller) and the kinds chosen
     * @param roles union roles held today in one of those organizations (chair, activist, info worker…)
     * @param minAge the youngest age in full years, or null
     * @param maxAge the oldest age in full years, or null
     */
    public record Filter(
            Table<Record2<Long, String>> organizations,
            Set<UnionRole> roles,
            Set<Category> categories,
            Set<MembershipStatus> statuses,
            Integer minAge,
            Integer maxAge) {

        public Filter {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            statuses = statuses == null || statuses.isEmpty()
                    ? Set.of(MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED)
                    : Set.copyOf(statuses);
        }
    }

    private final DSLContext dsl;

    MemberAudiences(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The audience as a derived table named {@code audience}, with the fields of this class's constants. */
    public Table<?> recipients(Filter filter, LocalDate today) {
        return audience(filter, today, true);
    }

    /**
     * As {@link #recipients}, but a row per current membership: a person of two organizations of the subtree is
     * there twice, once with each (for figures per organization, not for sending).
     */
    public Table<?> memberships(Filter filter, LocalDate today) {
        return audience(filter, today, false);
    }

    private Table<?> audience(Filter filter, LocalDate today, boolean onePerPerson) {
        Field<Long> organizationId = filter.organizations().field("id", Long.class);
        Field<String> organizationName = filter.organizations().field("short_name", String.class);
        Condition where =
                MEMBERSHIP.STATUS.in(filter.statuses().stream().map(Enum::name).toList());
        if (!filter.categories().isEmpty()) {
            where = where.and(MEMBERSHIP.CATEGORY.in(
                    filter.categories().stream().map(Enum::name).toList()));
        }
        if (!filter.roles().isEmpty()) {
            where = where.and(DSL.exists(DSL.selectOne()
                    .from(MEMBER_ROLE)
                    .where(MEMBER_ROLE.PERSON_ID.eq(MEMBERSHIP.PERSON_ID))
                    .and(MEMBER_ROLE.ROLE.in(
                            filter.roles().stream().map(Enum::name).toList()))
                    .and(MEMBER_ROLE.STARTED_ON.le(today))
                    .and(MEMBER_ROLE.ENDED_ON.isNull().or(MEMBER_ROLE.ENDED_ON.ge(today)))
                    .and(MEMBER_ROLE.ORGANIZATION_ID.in(
                            DSL.select(organizationId).from(filter.organizations())))));
        }
        // One membership per person first, on narrow rows (the sort of DISTINCT ON is the costly part) ...
        List<SelectField<?>> membershipFields = List.of(
                MEMBERSHIP.PERSON_ID.as("person_id"),
                // in the list because DISTINCT ON orders by it (H2 insists)
                MEMBERSHIP.ID.as("membership_id"),
                MEMBERSHIP.ORGANIZATION_ID.as("organization_id"),
                organizationName.as("organization_name"),
                MEMBERSHIP.CARD_NUMBER.as("card_number"));
        Table<?> memberships = (onePerPerson
                        ? dsl.selectDistinct(membershipFields).on(MEMBERSHIP.PERSON_ID)
                        : dsl.select(membershipFields))
                .from(MEMBERSHIP)
                .join(filter.organizations())
                .on(organizationId.eq(MEMBERSHIP.ORGANIZATION_ID))
                .where(where)
                .orderBy(MEMBERSHIP.PERSON_ID, MEMBERSHIP.ID)
                .asTable("audience_membership");
        Field<Long> personId = memberships.field("person_id", Long.class);
        Condition ofAge = DSL.noCondition();
        if (filter.minAge() != null) {
            ofAge = ofAge.and(PERSON.BIRTH_DATE.le(today.minusYears(filter.minAge())));
        }
        if (filter.maxAge() != null) {
            ofAge = ofAge.and(PERSON.BIRTH_DATE.gt(today.minusYears(filter.maxAge() + 1L)));
        }
        // ... then the person, and their consents in one probe of the consent index: a bit per purpose.
        Table<?> people = dsl.select(
                        memberships.field("person_id"),
                        memberships.field("organization_id"),
                        memberships.field("organization_name"),
                        memberships.field("card_number"),
                        PERSON.LAST_NAME.as("last_name"),
                        PERSON.FIRST_NAME.as("first_name"),
                        PERSON.PATRONYMIC.as("patronymic"),
                        PERSON.EMAIL.as("email"),
                        PERSON.PHONE.as("phone"),
                        consentMask(personId, today).as("consent_mask"))
                .from(memberships)
                .join(PERSON)
                .on(PERSON.ID.eq(personId))
                .where(ofAge)
                // a fence: the mask is computed once per person, not once per flag below
                .offset(0)
                .asTable("audience_person");
        Field<Integer> mask = people.field("consent_mask", Integer.class);
        return dsl.select(
                        people.field("person_id"),
                        people.field("organization_id"),
                        people.field("organization_name"),
                        people.field("last_name"),
                        people.field("first_name"),
                        people.field("patronymic"),
                        people.field("email"),
                        people.field("phone"),
                        people.field("card_number"),
                        flag(mask, ConsentPurpose.PROCESSING).as("processing_consent"),
                        flag(mask, ConsentPurpose.EMAIL).as("email_consent"),
                        flag(mask, ConsentPurpose.SMS).as("sms_consent"),
                        flag(mask, ConsentPurpose.MESSENGER).as("messenger_consent"))
                .from(people)
                .asTable("audience");
    }

    private static int bit(ConsentPurpose purpose) {
        return 1 << purpose.ordinal();
    }

    /** The purposes the person consents to today, one bit each (a person's consents are a handful of rows). */
    private static Field<Integer> consentMask(Field<Long> personId, LocalDate today) {
        var bits = DSL.choose(CONSENT.PURPOSE);
        org.jooq.CaseWhenStep<String, Integer> cases = null;
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            cases = cases == null
                    ? bits.when(DSL.inline(purpose.name()), DSL.inline(bit(purpose)))
                    : cases.when(DSL.inline(purpose.name()), DSL.inline(bit(purpose)));
        }
        return DSL.field(DSL.select(DSL.coalesce(DSL.sumDistinct(cases.otherwise(DSL.inline(0))), DSL.inline(0))
                                .cast(Integer.class))
                        .from(CONSENT)
                        .where(CONSENT.PERSON_ID.eq(personId))
                        .and(CONSENT.GIVEN_ON.le(today))
                        .and(CONSENT.WITHDRAWN_ON.isNull().or(CONSENT.WITHDRAWN_ON.gt(today))))
                .cast(Integer.class);
    }

    private static Field<Boolean> flag(Field<Integer> mask, ConsentPurpose purpose) {
        return DSL.field(DSL.bitAnd(mask, DSL.inline(bit(purpose))).gt(DSL.inline(0)));
    }

    /** Where a person is a current member, for entries filed under each organization that holds them. */
    public record Place(long organizationId, String path) {}

    /** The organizations where the person is a current member (active or suspended), with their paths. */
    public java.util.List<Place> currentPlaces(long personId) {
        return dsl.select(MEMBERSHIP.ORGANIZATION_ID, MEMBERSHIP.ORGANIZATION_PATH)
                .from(MEMBERSHIP)
                .where(MEMBERSHIP.PERSON_ID.eq(personId))
                .and(MEMBERSHIP.STATUS.in(MembershipStatus.ACTIVE.name(), MembershipStatus.SUSPENDED.name()))
                .orderBy(MEMBERSHIP.ID)
                .fetch(row -> new Place(row.value1(), row.value2()));
    }
}
