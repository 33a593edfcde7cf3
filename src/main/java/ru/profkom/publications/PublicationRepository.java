package ru.profkom.publications;

import static profkom.schema.Tables.PUBLICATION;
import static profkom.schema.Tables.PUBLICATION_IMAGE;
import static profkom.schema.Tables.STORED_IMAGE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.PublicationRecord;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.TreePaths;

@Repository
class PublicationRepository {

    static final String LIST_SEPARATOR = "\n";

    private final DSLContext dsl;

    PublicationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A filter of a feed or of a list of drafts. */
    record FeedFilter(
            Collection<Long> organizationIds,
            Collection<PublicationStatus> statuses,
            Rubric rubric,
            String tag,
            String title,
            boolean oneCopyPerStory) {

        FeedFilter(
                Collection<Long> organizationIds,
                Collection<PublicationStatus> statuses,
                Rubric rubric,
                String tag,
                String title) {
            this(organizationIds, statuses, rubric, tag, title, false);
        }
    }

    long insert(
            long organizationId,
            String path,
            CleanDraft draft,
            Long sourcePublicationId,
            String sourceOrganizationName,
            Long actorId,
            Instant now) {
        return dsl.insertInto(PUBLICATION)
                .set(PUBLICATION.ORGANIZATION_ID, organizationId)
                .set(PUBLICATION.ORGANIZATION_PATH, path)
                .set(PUBLICATION.TITLE, draft.title())
                .set(PUBLICATION.BODY_HTML, draft.bodyHtml())
                .set(PUBLICATION.BODY_TEXT, draft.bodyText())
                .set(
                        PUBLICATION.RUBRIC,
                        draft.rubric() == null ? null : draft.rubric().name())
                .set(PUBLICATION.TAGS, join(draft.tags()))
                .set(
                        PUBLICATION.VIDEO_URLS,
                        join(draft.videos().stream().map(VideoLink::url).toList()))
                .set(PUBLICATION.STATUS, PublicationStatus.DRAFT.name())
                .set(PUBLICATION.SOURCE_PUBLICATION_ID, sourcePublicationId)
                .set(PUBLICATION.SOURCE_ORGANIZATION_NAME, sourceOrganizationName)
                .set(PUBLICATION.CREATED_AT, now)
                .set(PUBLICATION.CREATED_BY, actorId)
                .set(PUBLICATION.UPDATED_AT, now)
                .set(PUBLICATION.VERSION, 0)
                .returning(PUBLICATION.ID)
                .fetchOne(PUBLICATION.ID);
    }

    boolean update(long id, CleanDraft draft, int expectedVersion, Instant now) {
        return dsl.update(PUBLICATION)
                        .set(PUBLICATION.TITLE, draft.title())
                        .set(PUBLICATION.BODY_HTML, draft.bodyHtml())
                        .set(PUBLICATION.BODY_TEXT, draft.bodyText())
                        .set(
                                PUBLICATION.RUBRIC,
                                draft.rubric() == null ? null : draft.rubric().name())
                        .set(PUBLICATION.TAGS, join(draft.tags()))
                        .set(
                                PUBLICATION.VIDEO_URLS,
                                join(draft.videos().stream().map(VideoLink::url).toList()))
                        .set(PUBLICATION.UPDATED_AT, now)
                        .set(PUBLICATION.VERSION, PUBLICATION.VERSION.plus(1))
                        .where(PUBLICATION.ID.eq(id).and(PUBLICATION.VERSION.eq(expectedVersion)))
                        .execute()
                == 1;
    }

    void setStatus(long id, PublicationStatus status, Instant now) {
        var update = dsl.update(PUBLICATION)
                .set(PUBLICATION.STATUS, status.name())
                .set(PUBLICATION.UPDATED_AT, now)
                .set(PUBLICATION.VERSION, PUBLICATION.VERSION.plus(1));
        if (status == PublicationStatus.PUBLISHED) {
            update = update.set(PUBLICATION.PUBLISHED_AT, DSL.coalesce(PUBLICATION.PUBLISHED_AT, DSL.val(now)));
        }
        update.where(PUBLICATION.ID.eq(id)).execute();
    }

    Optional<Publication> find(long id) {
        return dsl.selectFrom(PUBLICATION)
                .where(PUBLICATION.ID.eq(id))
                .fetchOptional()
                .map(r -> toPublication(r, images(id), List.of()));
    }

    Optional<Publication> findForUpdate(long id) {
        return dsl.selectFrom(PUBLICATION)
                .where(PUBLICATION.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .map(r -> toPublication(r, images(id), List.of()));
    }

    List<ImageRef> images(long publicationId) {
        return dsl.select(STORED_IMAGE.ID, STORED_IMAGE.WIDTH, STORED_IMAGE.HEIGHT)
                .from(PUBLICATION_IMAGE)
                .join(STORED_IMAGE)
                .on(STORED_IMAGE.ID.eq(PUBLICATION_IMAGE.IMAGE_ID))
                .where(PUBLICATION_IMAGE.PUBLICATION_ID.eq(publicationId))
                .orderBy(PUBLICATION_IMAGE.POSITION, PUBLICATION_IMAGE.IMAGE_ID)
                .fetch(r -> ImageRef.of(r.value1(), r.value2(), r.value3()));
    }

    void addImage(long publicationId, long imageId) {
        int position = dsl.select(DSL.coalesce(DSL.max(PUBLICATION_IMAGE.POSITION), DSL.val(-1)))
                        .from(PUBLICATION_IMAGE)
                        .where(PUBLICATION_IMAGE.PUBLICATION_ID.eq(publicationId))
                        .fetchOne(0, Integer.class)
                + 1;
        dsl.insertInto(PUBLICATION_IMAGE)
                .set(PUBLICATION_IMAGE.PUBLICATION_ID, publicationId)
                .set(PUBLICATION_IMAGE.IMAGE_ID, imageId)
                .set(PUBLICATION_IMAGE.POSITION, position)
                .execute();
    }

    boolean removeImage(long publicationId, long imageId) {
        return dsl.deleteFrom(PUBLICATION_IMAGE)
                        .where(PUBLICATION_IMAGE.PUBLICATION_ID.eq(publicationId))
                        .and(PUBLICATION_IMAGE.IMAGE_ID.eq(imageId))
                        .execute()
                == 1;
    }

    Page<PublicationSummary> list(FeedFilter filter, boolean newestPublishedFirst, PageRequest page) {
        Condition where = condition(filter);
        Field<Long> thumbnail = DSL.field(DSL.select(PUBLICATION_IMAGE.IMAGE_ID)
                .from(PUBLICATION_IMAGE)
                .where(PUBLICATION_IMAGE.PUBLICATION_ID.eq(PUBLICATION.ID))
                .orderBy(PUBLICATION_IMAGE.POSITION, PUBLICATION_IMAGE.IMAGE_ID)
                .limit(1));
        Field<String> start = DSL.substring(PUBLICATION.BODY_TEXT, 1, PublicationSummary.SUMMARY_LENGTH + 20);
        List<PublicationSummary> items = dsl.select(
                        PUBLICATION.ID,
                        PUBLICATION.ORGANIZATION_ID,
                        PUBLICATION.TITLE,
                        start,
                        PUBLICATION.RUBRIC,
                        PUBLICATION.TAGS,
                        thumbnail,
                        PUBLICATION.STATUS,
                        PUBLICATION.SOURCE_ORGANIZATION_NAME,
                        PUBLICATION.UPDATED_AT,
                        PUBLICATION.PUBLISHED_AT)
                .from(PUBLICATION)
                .where(where)
                .orderBy(
                        newestPublishedFirst ? PUBLICATION.PUBLISHED_AT.desc() : PUBLICATION.UPDATED_AT.desc(),
                        PUBLICATION.ID.desc())
                .limit(page.size() + 1)
                .offset(page.offset())
                .fetch(r -> new PublicationSummary(
                        r.value1(),
                        r.value2(),
                        null,
                        r.value3(),
                        PublicationSummary.shorten(r.value4()),
                        rubric(r.value5()),
                        split(r.value6()),
                        r.value7() == null ? null : ImageRef.thumbnailUrlOf(r.value7()),
                        PublicationStatus.valueOf(r.value8()),
                        r.value9(),
                        r.value10(),
                        r.value11()));
        // A feed of a million publications is never counted: the pager says "more than N".
        return Page.fromOneMore(items, page);
    }

    private static Condition condition(FeedFilter filter) {
        Condition where = PUBLICATION.ORGANIZATION_ID.in(filter.organizationIds());
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where = where.and(PUBLICATION.STATUS.in(
                    filter.statuses().stream().map(Enum::name).toList()));
        }
        if (filter.rubric() != null) {
            where = where.and(PUBLICATION.RUBRIC.eq(filter.rubric().name()));
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            String tag = filter.tag().strip().toLowerCase(java.util.Locale.ROOT);
            where = where.and(DSL.concat(DSL.val(LIST_SEPARATOR), DSL.lower(PUBLICATION.TAGS), DSL.val(LIST_SEPARATOR))
                    .contains(LIST_SEPARATOR + tag + LIST_SEPARATOR));
        }
        if (filter.title() != null && !filter.title().isBlank()) {
            where = where.and(
                    DSL.lower(PUBLICATION.TITLE).contains(filter.title().strip().toLowerCase(java.util.Locale.ROOT)));
        }
        if (filter.oneCopyPerStory()) {
            where = where.andNotExists(earlierCopy(filter, true)).andNotExists(earlierCopy(filter, false));
        }
        return where;
    }

    /**
     * A publication of the same feed that tells the same story earlier: the source of a republication
     * ({@code ofSource}), or another, earlier republication of the same source. The feed then shows the
     * original, or the first copy when the original is not in it.
     */
    private static org.jooq.Select<?> earlierCopy(FeedFilter filter, boolean ofSource) {
        var earlier = PUBLICATION.as("earlier");
        Condition sameStory = ofSource
                ? earlier.ID.eq(PUBLICATION.SOURCE_PUBLICATION_ID)
                : earlier.SOURCE_PUBLICATION_ID.eq(PUBLICATION.SOURCE_PUBLICATION_ID);
        Condition earlierInFeed = earlier.ORGANIZATION_ID
                .in(filter.organizationIds())
                .and(earlier.ID.lt(PUBLICATION.ID))
                .and(sameStory);
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            earlierInFeed = earlierInFeed.and(
                    earlier.STATUS.in(filter.statuses().stream().map(Enum::name).toList()));
        }
        return DSL.selectOne().from(earlier).where(earlierInFeed);
    }

    /** Publications by id in the given order, for search results. */
    List<PublicationSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var byId = new java.util.HashMap<Long, PublicationSummary>();
        dsl.select(
                        PUBLICATION.ID,
                        PUBLICATION.ORGANIZATION_ID,
                        PUBLICATION.TITLE,
                        DSL.substring(PUBLICATION.BODY_TEXT, 1, PublicationSummary.SUMMARY_LENGTH + 20),
                        PUBLICATION.RUBRIC,
                        PUBLICATION.TAGS,
                        PUBLICATION.STATUS,
                        PUBLICATION.SOURCE_ORGANIZATION_NAME,
                        PUBLICATION.UPDATED_AT,
                        PUBLICATION.PUBLISHED_AT)
                .from(PUBLICATION)
                .where(PUBLICATION.ID.in(ids))
                .forEach(r -> byId.put(
                        r.value1(),
                        new PublicationSummary(
                                r.value1(),
                                r.value2(),
                                null,
                                r.value3(),
                                PublicationSummary.shorten(r.value4()),
                                rubric(r.value5()),
                                split(r.value6()),
                                null,
                                PublicationStatus.valueOf(r.value7()),
                                r.value8(),
                                r.value9(),
                                r.value10())));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Streams what the search index holds of every publication, in id order, in chunks. */
    void forEachIndexed(int chunk, Consumer<List<Indexed>> consumer) {
        forEachIndexed(DSL.trueCondition(), chunk, consumer);
    }

    void forEachIndexedWithin(String path, int chunk, Consumer<List<Indexed>> consumer) {
        forEachIndexed(TreePaths.within(PUBLICATION.ORGANIZATION_PATH, path), chunk, consumer);
    }

    private void forEachIndexed(Condition condition, int chunk, Consumer<List<Indexed>> consumer) {
        long after = 0;
        while (true) {
            List<Indexed> rows = dsl.select(
                            PUBLICATION.ID,
                            PUBLICATION.ORGANIZATION_PATH,
                            PUBLICATION.STATUS,
                            PUBLICATION.TITLE,
                            PUBLICATION.BODY_TEXT,
                            PUBLICATION.TAGS,
                            PUBLICATION.PUBLISHED_AT,
                            PUBLICATION.UPDATED_AT)
                    .from(PUBLICATION)
                    .where(PUBLICATION.ID.gt(after))
                    .and(condition)
                    .orderBy(PUBLICATION.ID)
                    .limit(chunk)
                    .fetch(PublicationRepository::toIndexed);
            if (rows.isEmpty()) {
                return;
            }
            consumer.accept(rows);
            after = rows.getLast().id();
        }
    }

    Optional<Indexed> indexed(long id) {
        return dsl.select(
                        PUBLICATION.ID,
                        PUBLICATION.ORGANIZATION_PATH,
                        PUBLICATION.STATUS,
                        PUBLICATION.TITLE,
                        PUBLICATION.BODY_TEXT,
                        PUBLICATION.TAGS,
                        PUBLICATION.PUBLISHED_AT,
                        PUBLICATION.UPDATED_AT)
                .from(PUBLICATION)
                .where(PUBLICATION.ID.eq(id))
                .fetchOptional(PublicationRepository::toIndexed);
    }

    /** What the search index holds of a publication. */
    record Indexed(
            long id, String path, PublicationStatus status, String title, String text, String tags, Instant at) {}

    private static Indexed toIndexed(Record r) {
        Instant published = r.get(PUBLICATION.PUBLISHED_AT);
        return new Indexed(
                r.get(PUBLICATION.ID),
                r.get(PUBLICATION.ORGANIZATION_PATH),
                PublicationStatus.valueOf(r.get(PUBLICATION.STATUS)),
                r.get(PUBLICATION.TITLE),
                r.get(PUBLICATION.BODY_TEXT),
                r.get(PUBLICATION.TAGS),
                published != null ? published : r.get(PUBLICATION.UPDATED_AT));
    }

    /** Generated publications, inserted many rows a statement. */
    record Generated(long organizationId, String path, NewsTexts.News news, Instant publishedAt) {}

    void insertPublished(List<Generated> rows) {
        var insert = dsl.insertInto(
                PUBLICATION,
                PUBLICATION.ORGANIZATION_ID,
                PUBLICATION.ORGANIZATION_PATH,
                PUBLICATION.TITLE,
                PUBLICATION.BODY_HTML,
                PUBLICATION.BODY_TEXT,
                PUBLICATION.RUBRIC,
                PUBLICATION.TAGS,
                PUBLICATION.STATUS,
                PUBLICATION.CREATED_AT,
                PUBLICATION.UPDATED_AT,
                PUBLICATION.PUBLISHED_AT,
                PUBLICATION.VERSION);
        for (Generated row : rows) {
            insert = insert.values(
                    row.organizationId(),
                    row.path(),
                    row.news().title(),
                    row.news().html(),
                    row.news().text(),
                    row.news().rubric().name(),
                    join(row.news().tags()),
                    PublicationStatus.PUBLISHED.name(),
                    row.publishedAt(),
                    row.publishedAt(),
                    row.publishedAt(),
                    0);
        }
        insert.execute();
    }

    long count() {
        return dsl.fetchCount(PUBLICATION);
    }

    int movePaths(String oldPath, String newPath) {
        return dsl.update(PUBLICATION)
                .set(PUBLICATION.ORGANIZATION_PATH, TreePaths.moved(PUBLICATION.ORGANIZATION_PATH, oldPath, newPath))
                .where(TreePaths.within(PUBLICATION.ORGANIZATION_PATH, oldPath))
                .execute();
    }

    private static Publication toPublication(
            PublicationRecord r, List<ImageRef> images, List<AttachmentRef> attachments) {
        List<VideoLink> videos = new ArrayList<>();
        for (String url : split(r.getVideoUrls())) {
            VideoLink.parse(url).ifPresent(videos::add);
        }
        return new Publication(
                r.getId(),
                r.getOrganizationId(),
                r.getOrganizationPath(),
                r.getTitle(),
                r.getBodyHtml(),
                r.getBodyText(),
                rubric(r.getRubric()),
                split(r.getTags()),
                videos,
                images,
                attachments,
                PublicationStatus.valueOf(r.getStatus()),
                r.getSourcePublicationId(),
                r.getSourceOrganizationName(),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getPublishedAt(),
                r.getVersion());
    }

    static Rubric rubric(String name) {
        return name == null ? null : Rubric.valueOf(name);
    }

    static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(LIST_SEPARATOR, values);
    }

    static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(LIST_SEPARATOR));
    }
}
