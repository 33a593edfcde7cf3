package ru.profkom.publications;

import static profkom.schema.Tables.PUBLICATION_ATTACHMENT;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import ru.profkom.shared.ProfkomException;

/**
 * Files attached to publications and information packages: at most {@link #MAX_BYTES}, stored in the
 * database under a sanitized name, always downloaded (never shown inline) with a known media type.
 */
@Repository
class Attachments {

    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_NAME = 120;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("txt", "text/plain"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("zip", "application/zip"));

    record StoredFile(
            long id,
            long organizationId,
            Long publicationId,
            Long packageId,
            String fileName,
            String contentType,
            byte[] data) {}

    private final DSLContext dsl;
    private final Clock clock;

    Attachments(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * A file name safe to store and to send back: no directories, no control or markup characters,
     * at most {@link #MAX_NAME} characters, the extension kept.
     */
    static String safeFileName(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = Normalizer.normalize(base, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}<>:\"|?*;&%$`'{}\\[\\]=]", "_")
                .replaceAll("\\s+", " ")
                .strip()
                .replaceAll("^[.\\s_]+", "");
        if (base.isBlank()) {
            return fallback;
        }
        if (base.length() > MAX_NAME) {
            int dot = base.lastIndexOf('.');
            String extension = dot > 0 && base.length() - dot <= 10 ? base.substring(dot) : "";
            base = base.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return base;
    }

    static String contentTypeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    AttachmentRef store(long organizationId, Long publicationId, Long packageId, String originalName, byte[] data) {
        if (data == null || data.length == 0) {
            throw ProfkomException.invalid("file", "attachment.empty");
        }
        if (data.length > MAX_BYTES) {
            throw ProfkomException.invalid("file", "attachment.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String fileName = safeFileName(originalName, "file");
        String contentType = contentTypeOf(fileName);
        long id = dsl.insertInto(PUBLICATION_ATTACHMENT)
                .set(PUBLICATION_ATTACHMENT.ORGANIZATION_ID, organizationId)
                .set(PUBLICATION_ATTACHMENT.PUBLICATION_ID, publicationId)
                .set(PUBLICATION_ATTACHMENT.PACKAGE_ID, packageId)
                .set(PUBLICATION_ATTACHMENT.FILE_NAME, fileName)
                .set(PUBLICATION_ATTACHMENT.CONTENT_TYPE, contentType)
                .set(PUBLICATION_ATTACHMENT.BYTE_SIZE, data.length)
                .set(PUBLICATION_ATTACHMENT.DATA, data)
                .set(PUBLICATION_ATTACHMENT.CREATED_AT, clock.instant())
                .returning(PUBLICATION_ATTACHMENT.ID)
                .fetchOne(PUBLICATION_ATTACHMENT.ID);
        return new AttachmentRef(id, fileName, contentType, data.length);
    }

    List<AttachmentRef> ofPublication(long publicationId) {
        return list(PUBLICATION_ATTACHMENT.PUBLICATION_ID.eq(publicationId));
    }

    List<AttachmentRef> ofPackage(long packageId) {
        return list(PUBLICATION_ATTACHMENT.PACKAGE_ID.eq(packageId));
    }

    private List<AttachmentRef> list(Condition condition) {
        return dsl.select(
                        PUBLICATION_ATTACHMENT.ID,
                        PUBLICATION_ATTACHMENT.FILE_NAME,
                        PUBLICATION_ATTACHMENT.CONTENT_TYPE,
                        PUBLICATION_ATTACHMENT.BYTE_SIZE)
                .from(PUBLICATION_ATTACHMENT)
                .where(condition)
                .orderBy(PUBLICATION_ATTACHMENT.ID)
                .fetch(r -> new AttachmentRef(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    Optional<StoredFile> find(long id) {
        return dsl.selectFrom(PUBLICATION_ATTACHMENT)
                .where(PUBLICATION_ATTACHMENT.ID.eq(id))
                .fetchOptional(r -> new StoredFile(
                        r.getId(),
                        r.getOrganizationId(),
                        r.getPublicationId(),
                        r.getPackageId(),
                        r.getFileName(),
                        r.getContentType(),
                        r.getData()));
    }

    void delete(long id) {
        dsl.deleteFrom(PUBLICATION_ATTACHMENT)
                .where(PUBLICATION_ATTACHMENT.ID.eq(id))
                .execute();
    }
}
