package ru.profkom.publications;

import static profkom.schema.Tables.PUBLICATION_IMAGE;
import static profkom.schema.Tables.STORED_IMAGE;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;

/**
 * The image store of publications and of the portal's photo albums: checks an upload is a real image
 * (dimensions from the header before decoding; no decompression bombs), stores it resized to at most
 * 1600 px with a 400 px thumbnail in the database, and serves it to anyone once public, else to those
 * who edit its organization.
 */
@Service
@Transactional
public class Images {

    /** The largest photo accepted, in bytes. */
    public static final int MAX_UPLOAD_BYTES = ImageProcessor.MAX_BYTES;

    /** The largest attached file accepted, in bytes. */
    public static final int MAX_ATTACHMENT_BYTES = Attachments.MAX_BYTES;

    private final DSLContext dsl;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final Clock clock;

    Images(DSLContext dsl, Organizations organizations, CurrentActor currentActor, Clock clock) {
        this.dsl = dsl;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** Stores an image of an organization whose content the current actor edits; refuses non-images and bombs. */
    public ImageRef store(long organizationId, String originalName, byte[] upload, boolean publicImage) {
        organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        ImageProcessor.Processed processed = ImageProcessor.process(upload);
        long id = dsl.insertInto(STORED_IMAGE)
                .set(STORED_IMAGE.ORGANIZATION_ID, organizationId)
                .set(STORED_IMAGE.CONTENT_TYPE, "image/jpeg")
                .set(STORED_IMAGE.WIDTH, processed.width())
                .set(STORED_IMAGE.HEIGHT, processed.height())
                .set(STORED_IMAGE.BYTE_SIZE, processed.data().length)
                .set(STORED_IMAGE.DATA, processed.data())
                .set(STORED_IMAGE.THUMBNAIL, processed.thumbnail())
                .set(STORED_IMAGE.ORIGINAL_NAME, fileName(originalName))
                .set(STORED_IMAGE.PUBLIC_IMAGE, publicImage)
                .set(STORED_IMAGE.CREATED_AT, clock.instant())
                .set(STORED_IMAGE.CREATED_BY, currentActor.get().accountId())
                .returning(STORED_IMAGE.ID)
                .fetchOne(STORED_IMAGE.ID);
        return ImageRef.of(id, processed.width(), processed.height());
    }

    /**
     * Deletes images of an organization whose content the current actor edits (an album's photos removed);
     * an image that a publication shows stays.
     */
    public void delete(long organizationId, Collection<Long> imageIds) {
        organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        if (imageIds.isEmpty()) {
            return;
        }
        dsl.deleteFrom(STORED_IMAGE)
                .where(STORED_IMAGE.ID.in(imageIds))
                .and(STORED_IMAGE.ORGANIZATION_ID.eq(organizationId))
                .andNotExists(
                        dsl.selectOne().from(PUBLICATION_IMAGE).where(PUBLICATION_IMAGE.IMAGE_ID.eq(STORED_IMAGE.ID)))
                .execute();
    }

    /** The name an upload is stored under: no path, no control or markup characters, at most 120 characters. */
    public static String fileName(String originalName) {
        return Attachments.safeFileName(originalName, "image.jpg");
    }

    /** Makes images public or private again (a publication published or withdrawn, an album opened). */
    public void setPublic(Collection<Long> imageIds, boolean publicImage) {
        if (imageIds.isEmpty()) {
            return;
        }
        dsl.update(STORED_IMAGE)
                .set(STORED_IMAGE.PUBLIC_IMAGE, publicImage)
                .where(STORED_IMAGE.ID.in(imageIds))
                .execute();
    }

    @Transactional(readOnly = true)
    public Optional<ImageRef> find(long imageId) {
        return dsl.select(STORED_IMAGE.ID, STORED_IMAGE.WIDTH, STORED_IMAGE.HEIGHT)
                .from(STORED_IMAGE)
                .where(STORED_IMAGE.ID.eq(imageId))
                .fetchOptional(r -> ImageRef.of(r.value1(), r.value2(), r.value3()));
    }

    /** The image or its thumbnail, when public or when the current actor edits its organization. */
    @Transactional(readOnly = true)
    public Optional<StoredImageData> serve(long imageId, boolean thumbnail) {
        var field = thumbnail ? STORED_IMAGE.THUMBNAIL : STORED_IMAGE.DATA;
        return dsl.select(STORED_IMAGE.ORGANIZATION_ID, STORED_IMAGE.PUBLIC_IMAGE, STORED_IMAGE.CONTENT_TYPE, field)
                .from(STORED_IMAGE)
                .where(STORED_IMAGE.ID.eq(imageId))
                .fetchOptional()
                .filter(r -> Boolean.TRUE.equals(r.value2()) || organizations.canEdit(r.value1()))
                .map(r -> new StoredImageData(r.value3(), r.value4()));
    }

    /** The organization an image belongs to, for callers that check it before linking the image. */
    @Transactional(readOnly = true)
    public Optional<Long> organizationOf(long imageId) {
        return dsl.select(STORED_IMAGE.ORGANIZATION_ID)
                .from(STORED_IMAGE)
                .where(STORED_IMAGE.ID.eq(imageId))
                .fetchOptional(STORED_IMAGE.ORGANIZATION_ID);
    }
}
