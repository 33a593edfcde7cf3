package ru.profkom.portal;

import static profkom.schema.Tables.PORTAL_DOCUMENT;
import static profkom.schema.Tables.PORTAL_FEEDBACK;
import static profkom.schema.Tables.PORTAL_SITE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.PortalSiteRecord;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@Repository
class SiteRepository {

    private final DSLContext dsl;

    SiteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Site> site(long organizationId) {
        return dsl.selectFrom(PORTAL_SITE)
                .where(PORTAL_SITE.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(SiteRepository::toSite);
    }

    Optional<Site> siteBySlug(String slug) {
        return dsl.selectFrom(PORTAL_SITE).where(PORTAL_SITE.SLUG.eq(slug)).fetchOptional(SiteRepository::toSite);
    }

    boolean slugTaken(String slug, long exceptOrganizationId) {
        return dsl.fetchExists(
                PORTAL_SITE, PORTAL_SITE.SLUG.eq(slug).and(PORTAL_SITE.ORGANIZATION_ID.ne(exceptOrganizationId)));
    }

    void insert(long organizationId, String slug, String about, String contacts, Instant now) {
        dsl.insertInto(PORTAL_SITE)
                .set(PORTAL_SITE.ORGANIZATION_ID, organizationId)
                .set(PORTAL_SITE.SLUG, slug)
                .set(PORTAL_SITE.ABOUT, about)
                .set(PORTAL_SITE.CONTACTS, contacts)
                .set(PORTAL_SITE.UPDATED_AT, now)
                .set(PORTAL_SITE.VERSION, 0)
                .execute();
    }

    boolean update(long organizationId, String slug, String about, String contacts, int version, Instant now) {
        return dsl.update(PORTAL_SITE)
                        .set(PORTAL_SITE.SLUG, slug)
                        .set(PORTAL_SITE.ABOUT, about)
                        .set(PORTAL_SITE.CONTACTS, contacts)
                        .set(PORTAL_SITE.UPDATED_AT, now)
                        .set(PORTAL_SITE.VERSION, version + 1)
                        .where(PORTAL_SITE.ORGANIZATION_ID.eq(organizationId))
                        .and(PORTAL_SITE.VERSION.eq(version))
                        .execute()
                == 1;
    }

    /** Every page's address and last change, in address order, for the sitemap; streamed. */
    void streamSlugs(int limit, Consumer<Site> consumer) {
        try (var cursor = dsl.selectFrom(PORTAL_SITE)
                .orderBy(PORTAL_SITE.SLUG)
                .limit(limit)
                .fetchSize(1000)
                .fetchLazy()) {
            cursor.forEach(record -> consumer.accept(toSite(record)));
        }
    }

    /** A page of the sites in the order their organizations were created: the union and regions come first. */
    Page<Site> sites(PageRequest page) {
        List<Site> sites = dsl.selectFrom(PORTAL_SITE)
                .orderBy(PORTAL_SITE.ORGANIZATION_ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(SiteRepository::toSite);
        return new Page<>(sites, page.page(), page.size(), dsl.fetchCount(PORTAL_SITE));
    }

    // ---- feedback ------------------------------------------------------------------------------

    long insertFeedback(long organizationId, String authorName, String contact, String message, Instant now) {
        return dsl.insertInto(PORTAL_FEEDBACK)
                .set(PORTAL_FEEDBACK.ORGANIZATION_ID, organizationId)
                .set(PORTAL_FEEDBACK.AUTHOR_NAME, authorName)
                .set(PORTAL_FEEDBACK.CONTACT, contact)
                .set(PORTAL_FEEDBACK.MESSAGE, message)
                .set(PORTAL_FEEDBACK.CREATED_AT, now)
                .returning(PORTAL_FEEDBACK.ID)
                .fetchOne(PORTAL_FEEDBACK.ID);
    }

    Page<Feedback> feedback(long organizationId, PageRequest page) {
        var condition = PORTAL_FEEDBACK.ORGANIZATION_ID.eq(organizationId);
        long total = dsl.fetchCount(PORTAL_FEEDBACK, condition);
        List<Feedback> items = dsl.selectFrom(PORTAL_FEEDBACK)
                .where(condition)
                .orderBy(PORTAL_FEEDBACK.CREATED_AT.desc(), PORTAL_FEEDBACK.ID.desc())
                .limit(page.size())
                .offset(page.offset())
                .fetch(r -> new Feedback(
                        r.getId(),
                        r.getOrganizationId(),
                        r.getAuthorName(),
                        r.getContact(),
                        r.getMessage(),
                        r.getCreatedAt()));
        return new Page<>(items, page.page(), page.size(), total);
    }

    // ---- documents -----------------------------------------------------------------------------

    long insertDocument(
            long organizationId, String title, String fileName, String contentType, byte[] content, Instant now) {
        return dsl.insertInto(PORTAL_DOCUMENT)
                .set(PORTAL_DOCUMENT.ORGANIZATION_ID, organizationId)
                .set(PORTAL_DOCUMENT.TITLE, title)
                .set(PORTAL_DOCUMENT.FILE_NAME, fileName)
                .set(PORTAL_DOCUMENT.CONTENT_TYPE, contentType)
                .set(PORTAL_DOCUMENT.SIZE_BYTES, (long) content.length)
                .set(PORTAL_DOCUMENT.CONTENT, content)
                .set(PORTAL_DOCUMENT.UPLOADED_AT, now)
                .returning(PORTAL_DOCUMENT.ID)
                .fetchOne(PORTAL_DOCUMENT.ID);
    }

    List<SiteDocument> documents(long organizationId) {
        return dsl.select(
                        PORTAL_DOCUMENT.ID,
                        PORTAL_DOCUMENT.ORGANIZATION_ID,
                        PORTAL_DOCUMENT.TITLE,
                        PORTAL_DOCUMENT.FILE_NAME,
                        PORTAL_DOCUMENT.CONTENT_TYPE,
                        PORTAL_DOCUMENT.SIZE_BYTES,
                        PORTAL_DOCUMENT.UPLOADED_AT)
                .from(PORTAL_DOCUMENT)
                .where(PORTAL_DOCUMENT.ORGANIZATION_ID.eq(organizationId))
                .orderBy(PORTAL_DOCUMENT.UPLOADED_AT.desc(), PORTAL_DOCUMENT.ID.desc())
                .limit(200)
                .fetch(r -> new SiteDocument(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    Optional<SiteDocument> document(long id) {
        return dsl.select(
                        PORTAL_DOCUMENT.ID,
                        PORTAL_DOCUMENT.ORGANIZATION_ID,
                        PORTAL_DOCUMENT.TITLE,
                        PORTAL_DOCUMENT.FILE_NAME,
                        PORTAL_DOCUMENT.CONTENT_TYPE,
                        PORTAL_DOCUMENT.SIZE_BYTES,
                        PORTAL_DOCUMENT.UPLOADED_AT)
                .from(PORTAL_DOCUMENT)
                .where(PORTAL_DOCUMENT.ID.eq(id))
                .fetchOptional(r -> new SiteDocument(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    byte[] documentContent(long id) {
        return dsl.select(PORTAL_DOCUMENT.CONTENT)
                .from(PORTAL_DOCUMENT)
                .where(PORTAL_DOCUMENT.ID.eq(id))
                .fetchOne(PORTAL_DOCUMENT.CONTENT);
    }

    void deleteDocument(long id) {
        dsl.deleteFrom(PORTAL_DOCUMENT).where(PORTAL_DOCUMENT.ID.eq(id)).execute();
    }

    private static Site toSite(PortalSiteRecord r) {
        return new Site(
                r.getOrganizationId(), r.getSlug(), r.getAbout(), r.getContacts(), r.getUpdatedAt(), r.getVersion());
    }
}
