package ru.profkom.portal;

import static profkom.schema.Tables.PORTAL_ALBUM;
import static profkom.schema.Tables.PORTAL_ALBUM_PHOTO;
import static profkom.schema.Tables.PORTAL_SITE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.PortalAlbumPhoto;
import profkom.schema.tables.records.PortalAlbumPhotoRecord;
import ru.profkom.publications.ImageRef;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@Repository
class AlbumRepository {

    private static final PortalAlbumPhoto CHOSEN = PORTAL_ALBUM_PHOTO.as("chosen");
    private static final PortalAlbumPhoto FIRST = PORTAL_ALBUM_PHOTO.as("first");

    /** The cover's image: the chosen photo's, else the first photo's, else null. */
    private static final Field<Long> COVER_IMAGE = DSL.coalesce(
                    DSL.field(DSL.select(CHOSEN.IMAGE_ID)
                            .from(CHOSEN)
                            .where(CHOSEN.ID.eq(PORTAL_ALBUM.COVER_PHOTO_ID))
                            .and(CHOSEN.ALBUM_ID.eq(PORTAL_ALBUM.ID))),
                    DSL.field(DSL.select(FIRST.IMAGE_ID)
                            .from(FIRST)
                            .where(FIRST.ALBUM_ID.eq(PORTAL_ALBUM.ID))
                            .orderBy(FIRST.POSITION, FIRST.ID)
                            .limit(1)))
            .as("cover_image_id");

    private static final SelectField<?>[] ALBUM_FIELDS = {
        PORTAL_ALBUM.ID,
        PORTAL_ALBUM.ORGANIZATION_ID,
        PORTAL_ALBUM.TITLE,
        PORTAL_ALBUM.EVENT_DATE,
        PORTAL_ALBUM.DESCRIPTION,
        PORTAL_ALBUM.PUBLISHED,
        PORTAL_ALBUM.PUBLISHED_AT,
        PORTAL_ALBUM.COVER_PHOTO_ID,
        PORTAL_ALBUM.PHOTO_COUNT,
        PORTAL_ALBUM.UPDATED_AT,
        PORTAL_ALBUM.VERSION,
        COVER_IMAGE
    };

    private final DSLContext dsl;

    AlbumRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- albums --------------------------------------------------------------------------------

    Optional<Album> album(long id) {
        return dsl.select(ALBUM_FIELDS)
                .from(PORTAL_ALBUM)
                .where(PORTAL_ALBUM.ID.eq(id))
                .fetchOptional(AlbumRepository::toAlbum);
    }

    /** Locks the album's row for a change of its photos, so that two uploads never share a place. */
    Optional<Long> lock(long id) {
        return dsl.select(PORTAL_ALBUM.ORGANIZATION_ID)
                .from(PORTAL_ALBUM)
                .where(PORTAL_ALBUM.ID.eq(id))
                .forUpdate()
                .fetchOptional(PORTAL_ALBUM.ORGANIZATION_ID);
    }

    /** The organization's albums, the latest event first; only published ones when {@code publishedOnly}. */
    Page<Album> albums(long organizationId, boolean publishedOnly, PageRequest page) {
        Condition condition = PORTAL_ALBUM.ORGANIZATION_ID.eq(organizationId);
        if (publishedOnly) {
            condition = condition.and(PORTAL_ALBUM.PUBLISHED.isTrue());
        }
        long total = dsl.fetchCount(PORTAL_ALBUM, condition);
        List<Album> items = total == 0
                ? List.of()
                : dsl.select(ALBUM_FIELDS)
                        .from(PORTAL_ALBUM)
                        .where(condition)
                        .orderBy(PORTAL_ALBUM.EVENT_DATE.desc().nullsLast(), PORTAL_ALBUM.ID.desc())
                        .limit(page.size())
                        .offset(page.offset())
                        .fetch(AlbumRepository::toAlbum);
        return new Page<>(items, page.page(), page.size(), total);
    }

    long insert(
            long organizationId, String title, LocalDate eventDate, String description, Long accountId, Instant now) {
        return dsl.insertInto(PORTAL_ALBUM)
                .set(PORTAL_ALBUM.ORGANIZATION_ID, organizationId)
                .set(PORTAL_ALBUM.TITLE, title)
                .set(PORTAL_ALBUM.EVENT_DATE, eventDate)
                .set(PORTAL_ALBUM.DESCRIPTION, description)
                .set(PORTAL_ALBUM.PHOTO_COUNT, 0)
                .set(PORTAL_ALBUM.PUBLISHED, false)
                .set(PORTAL_ALBUM.CREATED_AT, now)
                .set(PORTAL_ALBUM.CREATED_BY, accountId)
                .set(PORTAL_ALBUM.UPDATED_AT, now)
                .set(PORTAL_ALBUM.VERSION, 0)
                .returning(PORTAL_ALBUM.ID)
                .fetchOne(PORTAL_ALBUM.ID);
    }

    boolean update(long id, String title, LocalDate eventDate, String description, int version, Instant now) {
        return dsl.update(PORTAL_ALBUM)
                        .set(PORTAL_ALBUM.TITLE, title)
                        .set(PORTAL_ALBUM.EVENT_DATE, eventDate)
                        .set(PORTAL_ALBUM.DESCRIPTION, description)
                        .set(PORTAL_ALBUM.UPDATED_AT, now)
                        .set(PORTAL_ALBUM.VERSION, version + 1)
                        .where(PORTAL_ALBUM.ID.eq(id))
                        .and(PORTAL_ALBUM.VERSION.eq(version))
                        .execute()
                == 1;
    }

    void setPublished(long id, boolean published, Instant now) {
        dsl.update(PORTAL_ALBUM)
                .set(PORTAL_ALBUM.PUBLISHED, published)
                .set(PORTAL_ALBUM.PUBLISHED_AT, published ? now : null)
                .set(PORTAL_ALBUM.UPDATED_AT, now)
                .where(PORTAL_ALBUM.ID.eq(id))
                .execute();
    }

    void setCover(long id, Long photoId, Instant now) {
        dsl.update(PORTAL_ALBUM)
                .set(PORTAL_ALBUM.COVER_PHOTO_ID, photoId)
                .set(PORTAL_ALBUM.UPDATED_AT, now)
                .where(PORTAL_ALBUM.ID.eq(id))
                .execute();
    }

    /** Recounts the album's photos after they were added or removed. */
    void touchPhotos(long id, Instant now) {
        dsl.update(PORTAL_ALBUM)
                .set(
                        PORTAL_ALBUM.PHOTO_COUNT,
                        DSL.field(DSL.selectCount().from(PORTAL_ALBUM_PHOTO).where(PORTAL_ALBUM_PHOTO.ALBUM_ID.eq(id))))
                .set(PORTAL_ALBUM.UPDATED_AT, now)
                .where(PORTAL_ALBUM.ID.eq(id))
                .execute();
    }

    void delete(long id) {
        dsl.deleteFrom(PORTAL_ALBUM_PHOTO)
                .where(PORTAL_ALBUM_PHOTO.ALBUM_ID.eq(id))
                .execute();
        dsl.deleteFrom(PORTAL_ALBUM).where(PORTAL_ALBUM.ID.eq(id)).execute();
    }

    /** Every published album with its page's address, for the sitemap; streamed. */
    void streamPublished(int limit, Consumer<PublishedAlbum> consumer) {
        if (limit <= 0) {
            return;
        }
        try (var cursor = dsl.select(PORTAL_SITE.SLUG, PORTAL_ALBUM.ID, PORTAL_ALBUM.UPDATED_AT)
                .from(PORTAL_ALBUM)
                .join(PORTAL_SITE)
                .on(PORTAL_SITE.ORGANIZATION_ID.eq(PORTAL_ALBUM.ORGANIZATION_ID))
                .where(PORTAL_ALBUM.PUBLISHED.isTrue())
                .orderBy(PORTAL_SITE.SLUG, PORTAL_ALBUM.ID)
                .limit(limit)
                .fetchSize(1000)
                .fetchLazy()) {
            cursor.forEach(r -> consumer.accept(new PublishedAlbum(r.value1(), r.value2(), r.value3())));
        }
    }

    /** A published album's public address parts and last change. */
    record PublishedAlbum(String slug, long albumId, Instant updatedAt) {}

    // ---- photos --------------------------------------------------------------------------------

    Optional<AlbumPhoto> photo(long photoId) {
        return dsl.selectFrom(PORTAL_ALBUM_PHOTO)
                .where(PORTAL_ALBUM_PHOTO.ID.eq(photoId))
                .fetchOptional(AlbumRepository::toPhoto);
    }

    Page<AlbumPhoto> photos(long albumId, PageRequest page) {
        Condition condition = PORTAL_ALBUM_PHOTO.ALBUM_ID.eq(albumId);
        long total = dsl.fetchCount(PORTAL_ALBUM_PHOTO, condition);
        List<AlbumPhoto> items = dsl.selectFrom(PORTAL_ALBUM_PHOTO)
                .where(condition)
                .orderBy(PORTAL_ALBUM_PHOTO.POSITION, PORTAL_ALBUM_PHOTO.ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(AlbumRepository::toPhoto);
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The album's photo ids in their order; an album holds at most a few hundred. */
    List<Long> photoIds(long albumId) {
        return dsl.select(PORTAL_ALBUM_PHOTO.ID)
                .from(PORTAL_ALBUM_PHOTO)
                .where(PORTAL_ALBUM_PHOTO.ALBUM_ID.eq(albumId))
                .orderBy(PORTAL_ALBUM_PHOTO.POSITION, PORTAL_ALBUM_PHOTO.ID)
                .fetch(PORTAL_ALBUM_PHOTO.ID);
    }

    List<Long> imageIds(long albumId) {
        return dsl.select(PORTAL_ALBUM_PHOTO.IMAGE_ID)
                .from(PORTAL_ALBUM_PHOTO)
                .where(PORTAL_ALBUM_PHOTO.ALBUM_ID.eq(albumId))
                .fetch(PORTAL_ALBUM_PHOTO.IMAGE_ID);
    }

    int photoCount(long albumId) {
        return dsl.fetchCount(PORTAL_ALBUM_PHOTO, PORTAL_ALBUM_PHOTO.ALBUM_ID.eq(albumId));
    }

    int lastPosition(long albumId) {
        Integer last = dsl.select(DSL.max(PORTAL_ALBUM_PHOTO.POSITION))
                .from(PORTAL_ALBUM_PHOTO)
                .where(PORTAL_ALBUM_PHOTO.ALBUM_ID.eq(albumId))
                .fetchOne(0, Integer.class);
        return last == null ? 0 : last;
    }

    long insertPhoto(long albumId, ImageRef image, int position, String fileName, Instant now) {
        return dsl.insertInto(PORTAL_ALBUM_PHOTO)
                .set(PORTAL_ALBUM_PHOTO.ALBUM_ID, albumId)
                .set(PORTAL_ALBUM_PHOTO.IMAGE_ID, image.id())
                .set(PORTAL_ALBUM_PHOTO.POSITION, position)
                .set(PORTAL_ALBUM_PHOTO.FILE_NAME, fileName)
                .set(PORTAL_ALBUM_PHOTO.WIDTH, image.width())
                .set(PORTAL_ALBUM_PHOTO.HEIGHT, image.height())
                .set(PORTAL_ALBUM_PHOTO.CREATED_AT, now)
                .returning(PORTAL_ALBUM_PHOTO.ID)
                .fetchOne(PORTAL_ALBUM_PHOTO.ID);
    }

    void setCaption(long photoId, String caption) {
        dsl.update(PORTAL_ALBUM_PHOTO)
                .set(PORTAL_ALBUM_PHOTO.CAPTION, caption)
                .where(PORTAL_ALBUM_PHOTO.ID.eq(photoId))
                .execute();
    }

    /** Numbers the photos 1, 2, 3 … in the given order, writing only those whose place changed. */
    void renumber(List<Long> orderedPhotoIds) {
        var current = dsl.select(PORTAL_ALBUM_PHOTO.ID, PORTAL_ALBUM_PHOTO.POSITION)
                .from(PORTAL_ALBUM_PHOTO)
                .where(PORTAL_ALBUM_PHOTO.ID.in(orderedPhotoIds))
                .fetchMap(PORTAL_ALBUM_PHOTO.ID, PORTAL_ALBUM_PHOTO.POSITION);
        var updates = new java.util.ArrayList<org.jooq.Query>();
        for (int i = 0; i < orderedPhotoIds.size(); i++) {
            long id = orderedPhotoIds.get(i);
            if (!Integer.valueOf(i + 1).equals(current.get(id))) {
                updates.add(dsl.update(PORTAL_ALBUM_PHOTO)
                        .set(PORTAL_ALBUM_PHOTO.POSITION, i + 1)
                        .where(PORTAL_ALBUM_PHOTO.ID.eq(id)));
            }
        }
        if (!updates.isEmpty()) {
            dsl.batch(updates).execute();
        }
    }

    void deletePhoto(long photoId) {
        dsl.deleteFrom(PORTAL_ALBUM_PHOTO)
                .where(PORTAL_ALBUM_PHOTO.ID.eq(photoId))
                .execute();
    }

    // ---- mapping -------------------------------------------------------------------------------

    private static Album toAlbum(Record r) {
        Long cover = r.get(COVER_IMAGE);
        return new Album(
                r.get(PORTAL_ALBUM.ID),
                r.get(PORTAL_ALBUM.ORGANIZATION_ID),
                r.get(PORTAL_ALBUM.TITLE),
                r.get(PORTAL_ALBUM.EVENT_DATE),
                r.get(PORTAL_ALBUM.DESCRIPTION),
                Boolean.TRUE.equals(r.get(PORTAL_ALBUM.PUBLISHED)),
                r.get(PORTAL_ALBUM.PUBLISHED_AT),
                r.get(PORTAL_ALBUM.COVER_PHOTO_ID),
                cover == null ? null : ImageRef.urlOf(cover),
                cover == null ? null : ImageRef.thumbnailUrlOf(cover),
                r.get(PORTAL_ALBUM.PHOTO_COUNT),
                r.get(PORTAL_ALBUM.UPDATED_AT),
                r.get(PORTAL_ALBUM.VERSION));
    }

    private static AlbumPhoto toPhoto(PortalAlbumPhotoRecord r) {
        return new AlbumPhoto(
                r.getId(),
                r.getAlbumId(),
                r.getImageId(),
                r.getPosition(),
                r.getCaption(),
                r.getFileName(),
                r.getWidth(),
                r.getHeight(),
                ImageRef.urlOf(r.getImageId()),
                ImageRef.thumbnailUrlOf(r.getImageId()));
    }
}
