package ru.profkom.members;

import static profkom.schema.Tables.MEMBERSHIP;
import static profkom.schema.Tables.MEMBER_ROLE;
import static profkom.schema.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/**
 * The registry's reads of many people at once, under a condition of {@link MemberConditions}: pages of a search,
 * the rows of an export, and the activists' base with its counts by role.
 */
@Repository
class MemberSearchRepository {

    private final DSLContext dsl;

    MemberSearchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- search ----------------------------------------------------------------------------

    /**
     * The rows of the first condition, then those of the second, each in name order: each group is
     * read from the name index as far as the page needs and no further, and nothing is counted
     * beyond the page (the total is "at least" when more remain).
     */
    Page<MemberSummary> searchInTwoGroups(Condition first, Condition second, PageRequest page) {
        int wanted = page.size() + 1;
        List<MemberSummary> firstRows = summaries(first, page.offset(), wanted);
        List<MemberSummary> rows = new ArrayList<>(firstRows);
        if (rows.size() < wanted) {
            // The page reaches past the first group: how many rows the first group has in all decides
            // where the page starts in the second.
            long firstTotal =
                    firstRows.isEmpty() && page.offset() > 0 ? count(first) : page.offset() + firstRows.size();
            long secondOffset = Math.max(0, page.offset() - firstTotal);
            rows.addAll(summaries(second, secondOffset, wanted - rows.size()));
        }
        return Page.fromOneMore(rows, page);
    }

    private List<MemberSummary> summaries(Condition condition, long offset, int limit) {
        return dsl.select(
                        MEMBERSHIP.PERSON_ID,
                        MEMBERSHIP.ID,
                        PERSON.LAST_NAME,
                        PERSON.FIRST_NAME,
                        PERSON.PATRONYMIC,
                        PERSON.BIRTH_DATE,
                        MEMBERSHIP.ORGANIZATION_ID,
                        MEMBERSHIP.STATUS,
                        MEMBERSHIP.CATEGORY,
                        MEMBERSHIP.CARD_NUMBER,
                        MEMBERSHIP.JOINED_ON)
                .from(MEMBERSHIP)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .where(condition)
                .orderBy(MEMBERSHIP.NAME_KEY, MEMBERSHIP.ID)
                .limit(limit)
                .offset(offset)
                .fetch(MemberSearchRepository::toSummary);
    }

    Page<MemberSummary> search(Condition condition, PageRequest page) {
        List<MemberSummary> items = summaries(condition, page.offset(), page.size() + 1);
        boolean more = items.size() > page.size();
        List<MemberSummary> shown = more ? items.subList(0, page.size()) : items;
        long total = !more && page.page() == 0 ? shown.size() : count(condition);
        return new Page<>(new ArrayList<>(shown), page.page(), page.size(), total);
    }

    private int count(Condition condition) {
        return dsl.fetchCount(dsl.select(MEMBERSHIP.ID)
                .from(MEMBERSHIP)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .where(condition));
    }

    void stream(Condition condition, java.util.function.Consumer<Record> consumer) {
        try (var cursor = dsl.select(
                        MEMBERSHIP.PERSON_ID,
                        MEMBERSHIP.ID,
                        MEMBERSHIP.ORGANIZATION_ID,
                        MEMBERSHIP.STATUS,
                        MEMBERSHIP.CATEGORY,
                        MEMBERSHIP.CARD_NUMBER,
                        MEMBERSHIP.JOINED_ON,
                        MEMBERSHIP.EXITED_ON,
                        MEMBERSHIP.EXIT_REASON,
                        PERSON.LAST_NAME,
                        PERSON.FIRST_NAME,
                        PERSON.PATRONYMIC,
                        PERSON.BIRTH_DATE,
                        PERSON.GENDER,
                        PERSON.SNILS,
                        PERSON.PHONE,
                        PERSON.EMAIL,
                        PERSON.POSITION,
                        PERSON.DEPARTMENT)
                .from(MEMBERSHIP)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBERSHIP.PERSON_ID))
                .where(condition)
                .orderBy(MEMBERSHIP.NAME_KEY, MEMBERSHIP.ID)
                .fetchSize(1000)
                .fetchLazy()) {
            cursor.forEach(consumer);
        }
    }

    static MemberExportRow toExportRow(Record r) {
        String gender = r.get(PERSON.GENDER);
        return new MemberExportRow(
                r.get(MEMBERSHIP.PERSON_ID),
                r.get(MEMBERSHIP.ID),
                r.get(MEMBERSHIP.ORGANIZATION_ID),
                MembershipStatus.valueOf(r.get(MEMBERSHIP.STATUS)),
                Category.valueOf(r.get(MEMBERSHIP.CATEGORY)),
                r.get(MEMBERSHIP.CARD_NUMBER),
                r.get(MEMBERSHIP.JOINED_ON),
                r.get(PERSON.LAST_NAME),
                r.get(PERSON.FIRST_NAME),
                r.get(PERSON.PATRONYMIC),
                r.get(PERSON.BIRTH_DATE),
                gender == null ? null : Gender.valueOf(gender),
                r.get(PERSON.SNILS),
                r.get(PERSON.PHONE),
                r.get(PERSON.EMAIL),
                r.get(PERSON.POSITION),
                r.get(PERSON.DEPARTMENT));
    }

    // ---- activists -------------------------------------------------------------------------

    /**
     * Union roles held on {@code today} by current members of the subtrees under {@code membershipScope}:
     * the holder is found through their membership, so a chair of a regional organization who is a member of a
     * primary organization in the subtree is listed too.
     */
    private Condition activeRoles(Condition membershipScope, LocalDate today) {
        return membershipScope
                .and(MEMBERSHIP.STATUS.in(MemberRepository.currentStatuses()))
                .and(MEMBER_ROLE.STARTED_ON.le(today))
                .and(MEMBER_ROLE.ENDED_ON.isNull().or(MEMBER_ROLE.ENDED_ON.gt(today)));
    }

    private org.jooq.SelectOnConditionStep<? extends Record> activistsSelect() {
        return dsl.select(
                        PERSON.ID,
                        PERSON.LAST_NAME,
                        PERSON.FIRST_NAME,
                        PERSON.PATRONYMIC,
                        PERSON.PHONE,
                        PERSON.EMAIL,
                        PERSON.POSITION,
                        MEMBERSHIP.ORGANIZATION_ID,
                        MEMBER_ROLE.ID,
                        MEMBER_ROLE.ROLE,
                        MEMBER_ROLE.ORGANIZATION_ID,
                        MEMBER_ROLE.STARTED_ON)
                .from(MEMBER_ROLE)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBER_ROLE.PERSON_ID))
                .join(MEMBERSHIP)
                .on(MEMBERSHIP.PERSON_ID.eq(PERSON.ID));
    }

    Page<ActivistContact> activists(Condition membershipScope, LocalDate today, PageRequest page) {
        Condition condition = activeRoles(membershipScope, today);
        List<ActivistContact> items = activistsSelect()
                .where(condition)
                .orderBy(MEMBERSHIP.NAME_KEY, MEMBER_ROLE.ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(MemberSearchRepository::toActivist);
        long total = dsl.fetchCount(activistsSelect().where(condition));
        return new Page<>(items, page.page(), page.size(), total);
    }

    void streamActivists(
            Condition membershipScope, LocalDate today, java.util.function.Consumer<ActivistContact> consumer) {
        try (var cursor = activistsSelect()
                .where(activeRoles(membershipScope, today))
                .orderBy(MEMBERSHIP.NAME_KEY, MEMBER_ROLE.ID)
                .fetchSize(1000)
                .fetchLazy()) {
            cursor.forEach(r -> consumer.accept(toActivist(r)));
        }
    }

    /** People holding each role in the organizations on the day, each person once per role. */
    Map<UnionRole, Long> roleCounts(java.util.Collection<Long> organizationIds, LocalDate day) {
        Map<UnionRole, Long> counts = new java.util.EnumMap<>(UnionRole.class);
        dsl.select(MEMBER_ROLE.ROLE, DSL.countDistinct(MEMBER_ROLE.PERSON_ID))
                .from(MEMBER_ROLE)
                .where(MEMBER_ROLE.ORGANIZATION_ID.in(organizationIds))
                .and(MEMBER_ROLE.STARTED_ON.le(day))
                .and(MEMBER_ROLE.ENDED_ON.isNull().or(MEMBER_ROLE.ENDED_ON.gt(day)))
                .groupBy(MEMBER_ROLE.ROLE)
                .forEach(r ->
                        counts.put(UnionRole.valueOf(r.value1()), r.value2().longValue()));
        return counts;
    }

    private static ActivistContact toActivist(Record r) {
        String patronymic = r.get(PERSON.PATRONYMIC);
        return new ActivistContact(
                r.get(PERSON.ID),
                r.get(PERSON.LAST_NAME) + " " + r.get(PERSON.FIRST_NAME) + (patronymic == null ? "" : " " + patronymic),
                r.get(MEMBERSHIP.ORGANIZATION_ID),
                r.get(MEMBER_ROLE.ID),
                UnionRole.valueOf(r.get(MEMBER_ROLE.ROLE)),
                r.get(MEMBER_ROLE.ORGANIZATION_ID),
                r.get(MEMBER_ROLE.STARTED_ON),
                r.get(PERSON.PHONE),
                r.get(PERSON.EMAIL),
                r.get(PERSON.POSITION));
    }

    private static MemberSummary toSummary(Record r) {
        String patronymic = r.get(PERSON.PATRONYMIC);
        return new MemberSummary(
                r.get(MEMBERSHIP.PERSON_ID),
                r.get(MEMBERSHIP.ID),
                r.get(PERSON.LAST_NAME) + " " + r.get(PERSON.FIRST_NAME) + (patronymic == null ? "" : " " + patronymic),
                r.get(PERSON.BIRTH_DATE),
                r.get(MEMBERSHIP.ORGANIZATION_ID),
                MembershipStatus.valueOf(r.get(MEMBERSHIP.STATUS)),
                Category.valueOf(r.get(MEMBERSHIP.CATEGORY)),
                r.get(MEMBERSHIP.CARD_NUMBER),
                r.get(MEMBERSHIP.JOINED_ON));
    }
}
