package ru.profkom.mailings;

import static profkom.schema.Tables.MAILING;
import static profkom.schema.Tables.MAILING_CHANNEL_LINK;
import static profkom.schema.Tables.MAILING_OUTBOX;
import static ru.profkom.members.MemberAudiences.CARD_NUMBER;
import static ru.profkom.members.MemberAudiences.EMAIL;
import static ru.profkom.members.MemberAudiences.EMAIL_CONSENT;
import static ru.profkom.members.MemberAudiences.FIRST_NAME;
import static ru.profkom.members.MemberAudiences.LAST_NAME;
import static ru.profkom.members.MemberAudiences.MESSENGER_CONSENT;
import static ru.profkom.members.MemberAudiences.ORGANIZATION_ID;
import static ru.profkom.members.MemberAudiences.ORGANIZATION_NAME;
import static ru.profkom.members.MemberAudiences.PATRONYMIC;
import static ru.profkom.members.MemberAudiences.PERSON_ID;
import static ru.profkom.members.MemberAudiences.PHONE;
import static ru.profkom.members.MemberAudiences.PROCESSING_CONSENT;
import static ru.profkom.members.MemberAudiences.SMS_CONSENT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import ru.profkom.mailings.tracking.UndeliverableAddresses;
import ru.profkom.members.MemberAudiences;
import ru.profkom.organizations.Organizations;

/**
 * An audience counted and resolved in the database: the registry's {@link MemberAudiences} table joined to the
 * members' Telegram and VK links, counted per channel for the sender, or inserted into the outbox in one
 * {@code INSERT … SELECT}.
 */
@Repository
class AudienceRepository {

    private static final org.jooq.Name TELEGRAM_LINK = DSL.name("telegram_link");
    private static final org.jooq.Name VK_LINK = DSL.name("vk_link");

    private final DSLContext dsl;
    private final MemberAudiences members;
    private final Organizations organizations;

    AudienceRepository(DSLContext dsl, MemberAudiences members, Organizations organizations) {
        this.dsl = dsl;
        this.members = members;
        this.organizations = organizations;
    }

    /** The audience with the members' links: the source both statements read. */
    private record Source(Table<?> table, Field<String> telegram, Field<String> vk) {}

    private Source source(String rootPath, Audience audience, LocalDate today) {
        return source(rootPath, audience, today, true);
    }

    /** The audience, one row per person ({@code onePerPerson}) or one per current membership. */
    private Source source(String rootPath, Audience audience, LocalDate today, boolean onePerPerson) {
        MemberAudiences.Filter filter = new MemberAudiences.Filter(
                organizations.activeWithinTable(rootPath, audience.kinds()),
                audience.roles(),
                audience.categories(),
                audience.statuses(),
                audience.minAge(),
                audience.maxAge());
        Table<?> people = onePerPerson ? members.recipients(filter, today) : members.memberships(filter, today);
        var telegram = MAILING_CHANNEL_LINK.as(TELEGRAM_LINK);
        var vk = MAILING_CHANNEL_LINK.as(VK_LINK);
        Table<?> joined = people.leftJoin(telegram)
                .on(telegram.PERSON_ID.eq(PERSON_ID).and(telegram.CHANNEL.eq(Channel.TELEGRAM.name())))
                .leftJoin(vk)
                .on(vk.PERSON_ID.eq(PERSON_ID).and(vk.CHANNEL.eq(Channel.VK.name())));
        return new Source(joined, telegram.ADDRESS, vk.ADDRESS);
    }

    private static Field<Boolean> consent(Channel channel) {
        return switch (channel) {
            case EMAIL -> EMAIL_CONSENT;
            case SMS -> SMS_CONSENT;
            case TELEGRAM, VK -> MESSENGER_CONSENT;
        };
    }

    private static Field<String> address(Channel channel, Source source) {
        return switch (channel) {
            case EMAIL -> EMAIL;
            case SMS -> PHONE;
            case TELEGRAM -> source.telegram();
            case VK -> source.vk();
        };
    }

    private static Condition consented(Field<Boolean> consent) {
        return consent.isTrue();
    }

    private static Condition withAddress(Channel channel, Source source) {
        return PROCESSING_CONSENT
                .isTrue()
                .and(consented(consent(channel)))
                .and(address(channel, source).isNotNull())
                .and(address(channel, source).ne(""));
    }

    /** Consented, with an address that no bounce has shown not to exist. */
    private static Condition reachable(Channel channel, Source source) {
        return withAddress(channel, source)
                .and(UndeliverableAddresses.deliverable(DSL.inline(channel.name()), address(channel, source)));
    }

    private static Field<Integer> countOf(Condition condition) {
        return DSL.sum(DSL.when(condition, DSL.inline(1)).otherwise(DSL.inline(0)))
                .cast(SQLDataType.INTEGER);
    }

    AudienceReach reach(String rootPath, Audience audience, Set<Channel> channels, Delivery delivery, LocalDate today) {
        Source source = source(rootPath, audience, today);
        List<Channel> chosen =
                Delivery.FALLBACK.stream().filter(channels::contains).toList();
        List<SelectField<?>> fields = new ArrayList<>();
        fields.add(DSL.count());
        fields.add(countOf(PROCESSING_CONSENT.isFalse()));
        for (Channel channel : chosen) {
            Condition withConsent = PROCESSING_CONSENT.isTrue().and(consented(consent(channel)));
            fields.add(countOf(reachable(channel, source)));
            fields.add(countOf(
                    PROCESSING_CONSENT.isTrue().and(consented(consent(channel)).not())));
            fields.add(countOf(withConsent.and(address(channel, source)
                    .isNull()
                    .or(address(channel, source).eq("")))));
            fields.add(countOf(
                    withAddress(channel, source).and(reachable(channel, source).not())));
        }
        fields.add(countOf(reachableOnAny(chosen, source)));
        Record row = dsl.select(fields).from(source.table()).fetchOne();
        long people = row.get(0, Long.class);
        Map<Channel, AudienceReach.ChannelReach> reach = new EnumMap<>(Channel.class);
        long rows = 0;
        for (int i = 0; i < chosen.size(); i++) {
            long reachable = value(row, 2 + i * 4);
            reach.put(
                    chosen.get(i),
                    new AudienceReach.ChannelReach(
                            reachable, value(row, 3 + i * 4), value(row, 4 + i * 4), value(row, 5 + i * 4)));
            rows += reachable;
        }
        long recipients = value(row, 2 + chosen.size() * 4);
        return new AudienceReach(
                people, value(row, 1), reach, recipients, delivery == Delivery.FIRST_AVAILABLE ? recipients : rows);
    }

    /**
     * For each wanted organization: the people of its subtree with the processing consent, and those of them a
     * mailing reaches on at least one channel, each person once however many memberships they hold there. One
     * statement for the holders' ids, one streamed over the memberships of the common subtree, ordered by person.
     */
    Map<Long, Reach> reachBySubtree(String rootPath, java.util.Set<Long> wanted, LocalDate today) {
        Source source = source(rootPath, Audience.EVERYONE, today, false);
        Map<Long, List<Long>> holderChains = new java.util.HashMap<>();
        organizations
                .pathsById(
                        dsl.selectDistinct(ORGANIZATION_ID).from(source.table()).fetch(ORGANIZATION_ID))
                .forEach((holder, path) -> holderChains.put(
                        holder,
                        java.util.Arrays.stream(path.split("/"))
                                .filter(id -> !id.isEmpty())
                                .map(Long::valueOf)
                                .filter(wanted::contains)
                                .toList()));
        Map<Long, Reach> reach = new java.util.HashMap<>();
        java.util.Set<Long> ofPerson = new java.util.HashSet<>();
        Long person = null;
        boolean reachable = false;
        try (var rows = dsl.select(PERSON_ID, ORGANIZATION_ID, DSL.field(reachableOnAny(Delivery.FALLBACK, source)))
                .from(source.table())
                .where(PROCESSING_CONSENT.isTrue())
                .orderBy(PERSON_ID)
                .fetchSize(5_000)
                .fetchLazy()) {
            for (var row : rows) {
                if (!row.value1().equals(person)) {
                    countOnce(reach, ofPerson, reachable);
                    person = row.value1();
                    reachable = false;
                }
                reachable |= Boolean.TRUE.equals(row.value3());
                ofPerson.addAll(holderChains.getOrDefault(row.value2(), List.of()));
            }
        }
        countOnce(reach, ofPerson, reachable);
        return reach;
    }

    /** One person in every wanted organization above their memberships, then the next person's turn. */
    private static void countOnce(Map<Long, Reach> reach, java.util.Set<Long> organizations, boolean reachable) {
        Reach one = new Reach(1, reachable ? 1 : 0);
        organizations.forEach(id -> reach.merge(id, one, Reach::plus));
        organizations.clear();
    }

    /** Reachable on at least one of the channels. */
    private static Condition reachableOnAny(List<Channel> channels, Source source) {
        Condition any = DSL.falseCondition();
        for (Channel channel : channels) {
            any = any.or(reachable(channel, source));
        }
        return any;
    }

    /** People with the processing consent, and those of them reachable on a channel. */
    record Reach(long counted, long reachable) {
        Reach plus(Reach other) {
            return new Reach(counted + other.counted, reachable + other.reachable);
        }
    }

    private static long value(Record row, int index) {
        Long value = row.get(index, Long.class);
        return value == null ? 0 : value;
    }

    /**
     * Queues the audience of a mailing as outbox rows, one statement per channel (one in all for
     * {@code FIRST_AVAILABLE}), with the values its placeholders need frozen. Runs in the transaction that
     * {@link #markQueued} opened, so a mailing's audience is queued once or not at all. The number of rows added.
     */
    int resolve(
            long mailingId,
            String rootPath,
            Audience audience,
            Set<Channel> channels,
            Delivery delivery,
            LocalDate today,
            Instant now) {
        Source source = source(rootPath, audience, today);
        List<Channel> chosen =
                Delivery.FALLBACK.stream().filter(channels::contains).toList();
        if (chosen.isEmpty()) {
            return 0;
        }
        if (delivery == Delivery.FIRST_AVAILABLE) {
            CaseConditionStep<String> channel = null;
            CaseConditionStep<String> address = null;
            Condition any = DSL.falseCondition();
            for (Channel each : chosen) {
                Condition reachable = reachable(each, source);
                channel = channel == null
                        ? DSL.when(reachable, DSL.inline(each.name()))
                        : channel.when(reachable, DSL.inline(each.name()));
                address = address == null
                        ? DSL.when(reachable, address(each, source))
                        : address.when(reachable, address(each, source));
                any = any.or(reachable);
            }
            return insert(mailingId, source, channel, address, any, now);
        }
        int added = 0;
        for (Channel each : chosen) {
            added += insert(
                    mailingId, source, DSL.inline(each.name()), address(each, source), reachable(each, source), now);
        }
        return added;
    }

    private int insert(
            long mailingId, Source source, Field<String> channel, Field<String> address, Condition where, Instant now) {
        Field<String> fullName = DSL.concat(
                LAST_NAME,
                DSL.inline(" "),
                FIRST_NAME,
                DSL.when(PATRONYMIC.isNotNull(), DSL.concat(DSL.inline(" "), PATRONYMIC))
                        .otherwise(DSL.inline("")));
        return dsl.insertInto(
                        MAILING_OUTBOX,
                        MAILING_OUTBOX.MAILING_ID,
                        MAILING_OUTBOX.PERSON_ID,
                        MAILING_OUTBOX.ORGANIZATION_ID,
                        MAILING_OUTBOX.CHANNEL,
                        MAILING_OUTBOX.ADDRESS,
                        MAILING_OUTBOX.STATUS,
                        MAILING_OUTBOX.QUEUED_AT,
                        MAILING_OUTBOX.RECIPIENT_NAME,
                        MAILING_OUTBOX.RECIPIENT_FULL_NAME,
                        MAILING_OUTBOX.ORGANIZATION_NAME,
                        MAILING_OUTBOX.CARD_NUMBER)
                .select(DSL.select(
                                DSL.val(mailingId),
                                PERSON_ID,
                                ORGANIZATION_ID,
                                channel,
                                address,
                                DSL.inline(OutboxStatus.QUEUED.name()),
                                DSL.val(now),
                                FIRST_NAME,
                                fullName,
                                ORGANIZATION_NAME,
                                CARD_NUMBER)
                        .from(source.table())
                        .where(where))
                .execute();
    }

    /** The placeholder values of the first people of an audience (by person id), for the preview. */
    /** A person of an audience and what the placeholders give for them. */
    record Sample(long personId, Map<Placeholder, String> values) {}

    List<Sample> sample(String rootPath, Audience audience, int limit, LocalDate today) {
        return samples(rootPath, audience, today, DSL.noCondition(), limit);
    }

    /** The person, when the audience holds them (with consent to processing), as {@link #sample} gives people. */
    Optional<Sample> person(String rootPath, Audience audience, long personId, LocalDate today) {
        return samples(rootPath, audience, today, PERSON_ID.eq(personId), 1).stream()
                .findFirst();
    }

    private List<Sample> samples(String rootPath, Audience audience, LocalDate today, Condition narrowed, int limit) {
        Source source = source(rootPath, audience, today);
        return dsl.select(PERSON_ID, FIRST_NAME, LAST_NAME, PATRONYMIC, ORGANIZATION_NAME, CARD_NUMBER)
                .from(source.table())
                .where(PROCESSING_CONSENT.isTrue().and(narrowed))
                .orderBy(PERSON_ID)
                .limit(limit)
                .fetch(row -> {
                    Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
                    values.put(Placeholder.NAME, row.value2());
                    values.put(
                            Placeholder.FULL_NAME,
                            String.join(" ", row.value3(), row.value2(), row.value4() == null ? "" : row.value4())
                                    .strip());
                    if (row.value5() != null) {
                        values.put(Placeholder.ORGANIZATION, row.value5());
                    }
                    if (row.value6() != null) {
                        values.put(Placeholder.CARD_NUMBER, row.value6());
                    }
                    return new Sample(row.value1(), values);
                });
    }

    /** Marks the audience of a mailing resolved, once: false when another run did it first. */
    boolean markQueued(long mailingId, int count, Instant now) {
        return dsl.update(MAILING)
                        .set(MAILING.QUEUED_AT, now)
                        .set(MAILING.QUEUED_COUNT, count)
                        .where(MAILING.ID.eq(mailingId).and(MAILING.QUEUED_AT.isNull()))
                        .execute()
                == 1;
    }
}
