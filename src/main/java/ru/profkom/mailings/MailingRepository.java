package ru.profkom.mailings;

import static profkom.schema.Tables.MAILING;
import static profkom.schema.Tables.MAILING_ATTACHMENT;
import static profkom.schema.Tables.MAILING_OUTBOX;
import static profkom.schema.Tables.MAILING_SAVED_AUDIENCE;
import static profkom.schema.Tables.MAILING_TEXT;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.MailingRecord;
import ru.profkom.mailings.MailingLines.Line;
import ru.profkom.mailings.MailingLines.RecipientLine;
import ru.profkom.mailings.MailingLines.SavedAudience;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** The mailing aggregate: the mailing with its texts and attachments, and the saved audiences of an organization. */
@Repository
class MailingRepository {

    private final DSLContext dsl;

    MailingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(long organizationId, MailingForm form, Long createdBy, Instant now) {
        long id = dsl.insertInto(MAILING)
                .set(MAILING.ORGANIZATION_ID, organizationId)
                .set(MAILING.STATUS, MailingStatus.DRAFT.name())
                .set(MAILING.CREATED_BY, createdBy)
                .set(MAILING.CREATED_AT, now)
                .set(fields(form, now))
                .returning(MAILING.ID)
                .fetchOne(MAILING.ID);
        replaceTexts(id, form.texts());
        return id;
    }

    void update(long mailingId, MailingForm form, Instant now) {
        dsl.update(MAILING)
                .set(fields(form, now))
                .where(MAILING.ID.eq(mailingId))
                .execute();
        replaceTexts(mailingId, form.texts());
    }

    private static Map<org.jooq.Field<?>, Object> fields(MailingForm form, Instant now) {
        Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(MAILING.TITLE, form.title() == null ? "" : form.title().strip());
        values.put(MAILING.SUBJECT, form.subject());
        values.put(MAILING.HTML, form.html());
        values.put(MAILING.SEND_AT, form.sendAt());
        values.put(MAILING.WINDOW_START, form.windowStart());
        values.put(MAILING.WINDOW_END, form.windowEnd());
        values.put(MAILING.AUDIENCE_KINDS, Audience.encode(form.audience().kinds()));
        values.put(MAILING.AUDIENCE_ROLES, Audience.encode(form.audience().roles()));
        values.put(MAILING.AUDIENCE_CATEGORIES, Audience.encode(form.audience().categories()));
        values.put(MAILING.AUDIENCE_STATUSES, Audience.encode(form.audience().statuses()));
        values.put(MAILING.AUDIENCE_MIN_AGE, form.audience().minAge());
        values.put(MAILING.AUDIENCE_MAX_AGE, form.audience().maxAge());
        values.put(MAILING.DELIVERY, form.delivery().name());
        values.put(MAILING.UPDATED_AT, now);
        return values;
    }

    private void replaceTexts(long mailingId, Map<Channel, String> texts) {
        dsl.deleteFrom(MAILING_TEXT)
                .where(MAILING_TEXT.MAILING_ID.eq(mailingId))
                .execute();
        texts.forEach((channel, body) -> dsl.insertInto(MAILING_TEXT)
                .set(MAILING_TEXT.MAILING_ID, mailingId)
                .set(MAILING_TEXT.CHANNEL, channel.name())
                .set(MAILING_TEXT.BODY, body == null ? "" : body)
                .execute());
    }

    Optional<MailingRecord> find(long mailingId) {
        return dsl.selectFrom(MAILING).where(MAILING.ID.eq(mailingId)).fetchOptional();
    }

    MailingForm form(MailingRecord row) {
        Map<Channel, String> texts = new EnumMap<>(Channel.class);
        dsl.selectFrom(MAILING_TEXT)
                .where(MAILING_TEXT.MAILING_ID.eq(row.getId()))
                .forEach(text -> texts.put(Channel.valueOf(text.getChannel()), text.getBody()));
        return new MailingForm(
                row.getTitle(),
                audienceOf(row),
                Delivery.valueOf(row.getDelivery()),
                row.getSubject(),
                row.getHtml(),
                texts,
                row.getSendAt(),
                row.getWindowStart(),
                row.getWindowEnd());
    }

    static Audience audienceOf(MailingRecord row) {
        return Audience.stored(
                row.getAudienceKinds(),
                row.getAudienceRoles(),
                row.getAudienceCategories(),
                row.getAudienceStatuses(),
                row.getAudienceMinAge(),
                row.getAudienceMaxAge());
    }

    MailingView view(MailingRecord row) {
        Map<OutboxStatus, Long> totals = new EnumMap<>(OutboxStatus.class);
        Map<Channel, Map<OutboxStatus, Long>> byChannel = new EnumMap<>(Channel.class);
        dsl.select(MAILING_OUTBOX.CHANNEL, MAILING_OUTBOX.STATUS, DSL.count())
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(row.getId()))
                .groupBy(MAILING_OUTBOX.CHANNEL, MAILING_OUTBOX.STATUS)
                .forEach(count -> {
                    OutboxStatus status = OutboxStatus.valueOf(count.value2());
                    long value = count.value3();
                    totals.merge(status, value, Long::sum);
                    byChannel
                            .computeIfAbsent(Channel.valueOf(count.value1()), c -> new EnumMap<>(OutboxStatus.class))
                            .put(status, value);
                });
        List<MailingView.Attachment> attachments = dsl.select(
                        MAILING_ATTACHMENT.ID,
                        MAILING_ATTACHMENT.FILE_NAME,
                        MAILING_ATTACHMENT.CONTENT_TYPE,
                        MAILING_ATTACHMENT.SIZE_BYTES)
                .from(MAILING_ATTACHMENT)
                .where(MAILING_ATTACHMENT.MAILING_ID.eq(row.getId()))
                .orderBy(MAILING_ATTACHMENT.ID)
                .fetch(a -> new MailingView.Attachment(a.value1(), a.value2(), a.value3(), a.value4()));
        return new MailingView(
                row.getId(),
                row.getOrganizationId(),
                form(row),
                MailingStatus.valueOf(row.getStatus()),
                row.getCreatedBy(),
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getQueuedAt(),
                row.getFinishedAt(),
                attachments,
                totals,
                byChannel);
    }

    Page<Line> page(long organizationId, MailingStatus status, PageRequest request) {
        Condition where = MAILING.ORGANIZATION_ID.eq(organizationId);
        if (status != null) {
            where = where.and(MAILING.STATUS.eq(status.name()));
        }
        var sent = DSL.selectCount()
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(MAILING.ID))
                .and(MAILING_OUTBOX.STATUS.eq(OutboxStatus.SENT.name()))
                .asField("sent");
        var failed = DSL.selectCount()
                .from(MAILING_OUTBOX)
                .where(MAILING_OUTBOX.MAILING_ID.eq(MAILING.ID))
                .and(MAILING_OUTBOX.STATUS.in(OutboxStatus.FAILED.name(), OutboxStatus.UNKNOWN.name()))
                .asField("failed");
        var channels = DSL.select(DSL.listAgg(MAILING_TEXT.CHANNEL, ",").withinGroupOrderBy(MAILING_TEXT.CHANNEL))
                .from(MAILING_TEXT)
                .where(MAILING_TEXT.MAILING_ID.eq(MAILING.ID))
                .asField("channels");
        List<Line> rows = dsl.select(
                        MAILING.ID,
                        MAILING.TITLE,
                        MAILING.STATUS,
                        channels,
                        MAILING.SEND_AT,
                        MAILING.CREATED_AT,
                        MAILING.QUEUED_COUNT,
                        sent,
                        failed)
                .from(MAILING)
                .where(where)
                .orderBy(MAILING.CREATED_AT.desc(), MAILING.ID.desc())
                .limit(request.size() + 1)
                .offset(request.offset())
                .fetch(row -> new Line(
                        row.value1(),
                        row.value2(),
                        MailingStatus.valueOf(row.value3()),
                        row.value4() == null
                                ? List.of()
                                : java.util.Arrays.stream(((String) row.value4()).split(","))
                                        .map(Channel::valueOf)
                                        .toList(),
                        row.value5(),
                        row.value6(),
                        row.value7(),
                        ((Number) row.value8()).longValue(),
                        ((Number) row.value9()).longValue()));
        return Page.fromOneMore(rows, request);
    }

    Page<RecipientLine> recipients(long mailingId, List<OutboxStatus> statuses, PageRequest request) {
        Condition where = MAILING_OUTBOX.MAILING_ID.eq(mailingId);
        if (!statuses.isEmpty()) {
            where = where.and(
                    MAILING_OUTBOX.STATUS.in(statuses.stream().map(Enum::name).toList()));
        }
        List<RecipientLine> rows = dsl.select(
                        MAILING_OUTBOX.ID,
                        MAILING_OUTBOX.RECIPIENT_FULL_NAME,
                        MAILING_OUTBOX.ORGANIZATION_NAME,
                        MAILING_OUTBOX.CHANNEL,
                        MAILING_OUTBOX.ADDRESS,
                        MAILING_OUTBOX.STATUS,
                        MAILING_OUTBOX.ERROR,
                        MAILING_OUTBOX.SENT_AT)
                .from(MAILING_OUTBOX)
                .where(where)
                .orderBy(MAILING_OUTBOX.ID)
                .limit(request.size() + 1)
                .offset(request.offset())
                .fetch(row -> new RecipientLine(
                        row.value1(),
                        row.value2(),
                        row.value3(),
                        Channel.valueOf(row.value4()),
                        row.value5(),
                        OutboxStatus.valueOf(row.value6()),
                        row.value7(),
                        row.value8()));
        return Page.fromOneMore(rows, request);
    }

    boolean changeStatus(long mailingId, MailingStatus from, MailingStatus to, Instant now) {
        return dsl.update(MAILING)
                        .set(MAILING.STATUS, to.name())
                        .set(MAILING.UPDATED_AT, now)
                        .where(MAILING.ID.eq(mailingId).and(MAILING.STATUS.eq(from.name())))
                        .execute()
                == 1;
    }

    void deleteDraft(long mailingId) {
        dsl.deleteFrom(MAILING)
                .where(MAILING.ID.eq(mailingId).and(MAILING.STATUS.eq(MailingStatus.DRAFT.name())))
                .execute();
    }

    long addAttachment(long mailingId, String fileName, String contentType, byte[] content) {
        return dsl.insertInto(MAILING_ATTACHMENT)
                .set(MAILING_ATTACHMENT.MAILING_ID, mailingId)
                .set(MAILING_ATTACHMENT.FILE_NAME, fileName)
                .set(MAILING_ATTACHMENT.CONTENT_TYPE, contentType)
                .set(MAILING_ATTACHMENT.SIZE_BYTES, (long) content.length)
                .set(MAILING_ATTACHMENT.CONTENT, content)
                .returning(MAILING_ATTACHMENT.ID)
                .fetchOne(MAILING_ATTACHMENT.ID);
    }

    boolean removeAttachment(long mailingId, long attachmentId) {
        return dsl.deleteFrom(MAILING_ATTACHMENT)
                        .where(MAILING_ATTACHMENT.ID.eq(attachmentId))
                        .and(MAILING_ATTACHMENT.MAILING_ID.eq(mailingId))
                        .execute()
                == 1;
    }

    long attachmentBytes(long mailingId) {
        Long total = dsl.select(DSL.sum(MAILING_ATTACHMENT.SIZE_BYTES).cast(Long.class))
                .from(MAILING_ATTACHMENT)
                .where(MAILING_ATTACHMENT.MAILING_ID.eq(mailingId))
                .fetchOne()
                .value1();
        return total == null ? 0 : total;
    }

    Map<String, Long> attachmentSizes(long mailingId) {
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        dsl.select(MAILING_ATTACHMENT.FILE_NAME, MAILING_ATTACHMENT.SIZE_BYTES)
                .from(MAILING_ATTACHMENT)
                .where(MAILING_ATTACHMENT.MAILING_ID.eq(mailingId))
                .orderBy(MAILING_ATTACHMENT.ID)
                .forEach(row -> sizes.merge(row.value1(), row.value2(), Long::sum));
        return sizes;
    }

    /** The files of a mailing's e-mails, read once per run of the send job. */
    /** The mailing's files as every e-mail of it carries them. */
    List<ru.profkom.mailings.channels.OutgoingMessage.Attachment> attachments(long mailingId) {
        return dsl.select(MAILING_ATTACHMENT.FILE_NAME, MAILING_ATTACHMENT.CONTENT_TYPE, MAILING_ATTACHMENT.CONTENT)
                .from(MAILING_ATTACHMENT)
                .where(MAILING_ATTACHMENT.MAILING_ID.eq(mailingId))
                .orderBy(MAILING_ATTACHMENT.ID)
                .fetch(row -> new ru.profkom.mailings.channels.OutgoingMessage.Attachment(
                        row.value1(), row.value2(), row.value3()));
    }

    List<SavedAudience> savedAudiences(long organizationId) {
        return dsl.selectFrom(MAILING_SAVED_AUDIENCE)
                .where(MAILING_SAVED_AUDIENCE.ORGANIZATION_ID.eq(organizationId))
                .orderBy(MAILING_SAVED_AUDIENCE.NAME)
                .fetch(row -> new SavedAudience(
                        row.getId(),
                        row.getName(),
                        Audience.stored(
                                row.getKinds(),
                                row.getRoles(),
                                row.getCategories(),
                                row.getStatuses(),
                                row.getMinAge(),
                                row.getMaxAge())));
    }

    /** Saves under a name, replacing the audience of the same name. */
    long saveAudience(long organizationId, String name, Audience audience, Long createdBy, Instant now) {
        dsl.deleteFrom(MAILING_SAVED_AUDIENCE)
                .where(MAILING_SAVED_AUDIENCE.ORGANIZATION_ID.eq(organizationId))
                .and(MAILING_SAVED_AUDIENCE.NAME.eq(name))
                .execute();
        return dsl.insertInto(MAILING_SAVED_AUDIENCE)
                .set(MAILING_SAVED_AUDIENCE.ORGANIZATION_ID, organizationId)
                .set(MAILING_SAVED_AUDIENCE.NAME, name)
                .set(MAILING_SAVED_AUDIENCE.KINDS, Audience.encode(audience.kinds()))
                .set(MAILING_SAVED_AUDIENCE.ROLES, Audience.encode(audience.roles()))
                .set(MAILING_SAVED_AUDIENCE.CATEGORIES, Audience.encode(audience.categories()))
                .set(MAILING_SAVED_AUDIENCE.STATUSES, Audience.encode(audience.statuses()))
                .set(MAILING_SAVED_AUDIENCE.MIN_AGE, audience.minAge())
                .set(MAILING_SAVED_AUDIENCE.MAX_AGE, audience.maxAge())
                .set(MAILING_SAVED_AUDIENCE.CREATED_BY, createdBy)
                .set(MAILING_SAVED_AUDIENCE.CREATED_AT, now)
                .returning(MAILING_SAVED_AUDIENCE.ID)
                .fetchOne(MAILING_SAVED_AUDIENCE.ID);
    }

    boolean deleteAudience(long organizationId, long audienceId) {
        return dsl.deleteFrom(MAILING_SAVED_AUDIENCE)
                        .where(MAILING_SAVED_AUDIENCE.ID.eq(audienceId))
                        .and(MAILING_SAVED_AUDIENCE.ORGANIZATION_ID.eq(organizationId))
                        .execute()
                == 1;
    }
}
