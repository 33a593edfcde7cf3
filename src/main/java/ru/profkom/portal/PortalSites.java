package ru.profkom.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.members.JoinApplications;
import ru.profkom.members.JoinApplications.PublicLeader;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.portal.PortalEvents.JoinApplied;
import ru.profkom.portal.PortalEvents.SiteDocumentAdded;
import ru.profkom.portal.PortalEvents.SiteDocumentRemoved;
import ru.profkom.portal.PortalEvents.SiteUpdated;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * Public pages of organizations. Staff who edit the organization's card (its information worker,
 * chair or administrators above) keep the page; anyone reads it, and what a visitor sends arrives
 * for the organization's staff.
 */
@Service
@Transactional
public class PortalSites {

    static final String NOT_FOUND = "portal.notFound";
    /** Documents are statutes and agreements, not archives: 10 MB each at most. */
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    private static final List<String> DOCUMENT_TYPES =
            List.of("pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods");

    private final PublicSiteCache publicSites;
    private final SiteRepository repository;
    private final Organizations organizations;
    private final JoinApplications applications;
    private final PortalNews news;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PublicPageCache publicPages;

    PortalSites(
            PublicSiteCache publicSites,
            SiteRepository repository,
            Organizations organizations,
            JoinApplications applications,
            PortalNews news,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock,
            PublicPageCache publicPages) {
        this.publicPages = publicPages;
        this.publicSites = publicSites;
        this.repository = repository;
        this.organizations = organizations;
        this.applications = applications;
        this.news = news;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    // ---- staff -------------------------------------------------------------------------------

    /** The page's settings, or a proposal (a free transliterated address) for a page never saved. */
    @Transactional(readOnly = true)
    public SiteForm form(long organizationId) {
        Organization organization = editable(organizationId);
        return repository
                .site(organizationId)
                .map(site -> new SiteForm(site.slug(), site.about(), site.contacts(), site.version()))
                .orElseGet(() -> new SiteForm(proposedSlug(organization), null, null, null));
    }

    /** The saved page, if any; for staff. */
    @Transactional(readOnly = true)
    public Optional<Site> site(long organizationId) {
        editable(organizationId);
        return repository.site(organizationId);
    }

    public Site save(long organizationId, SiteForm form) {
        Organization organization = editable(organizationId);
        String slug = form.slug() == null ? "" : form.slug().strip().toLowerCase(Locale.ROOT);
        String about = clean(form.about());
        String contacts = clean(form.contacts());
        Validation validation = new Validation();
        if (!Slugs.isValid(slug)) {
            validation.reject("slug", "portal.slug.invalid");
        } else if (Slugs.isReserved(slug)) {
            validation.reject("slug", "portal.slug.reserved", slug);
        } else if (repository.slugTaken(slug, organizationId)) {
            validation.reject("slug", "portal.slug.taken", slug);
        }
        validation.maxLength("about", about, 20000);
        validation.maxLength("contacts", contacts, 4000);
        validation.throwIfInvalid();
        Instant now = clock.instant();
        Optional<Site> existing = repository.site(organizationId);
        if (existing.isEmpty()) {
            repository.insert(organizationId, slug, about, contacts, now);
        } else if (form.version() == null
                || !repository.update(organizationId, slug, about, contacts, form.version(), now)) {
            throw ProfkomException.conflict("portal.changedMeanwhile");
        }
        events.publishEvent(new SiteUpdated(
                organizationId,
                organization.path(),
                slug,
                existing.map(Site::slug).orElse(null),
                currentActor.get()));
        return repository.site(organizationId).orElseThrow();
    }

    /** Visitors' messages, newest first; audited (the audit's event is stored with the transaction: not read-only). */
    public Page<Feedback> feedback(long organizationId, PageRequest page) {
        Organization organization = editable(organizationId);
        Page<Feedback> found = repository.feedback(organizationId, page);
        // Visitors' names, contacts and messages: the read is audited.
        events.publishEvent(new PortalEvents.FeedbackRead(organizationId, organization.path(), currentActor.get()));
        return found;
    }

    @Transactional(readOnly = true)
    public List<SiteDocument> documents(long organizationId) {
        editable(organizationId);
        return repository.documents(organizationId);
    }

    /**
     * Adds a document. Only office and PDF files, recognized by their first bytes rather than by
     * what the browser claims, and at most {@link #MAX_DOCUMENT_BYTES}.
     */
    public SiteDocument addDocument(long organizationId, String title, String fileName, byte[] content) {
        Organization organization = editable(organizationId);
        String cleanTitle = clean(title);
        String name =
                fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").strip();
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Validation validation = new Validation();
        validation.required("title", cleanTitle).maxLength("title", cleanTitle, 300);
        validation.maxLength("file", name, 255);
        if (content == null || content.length == 0) {
            validation.reject("file", "validation.required");
        } else if (content.length > MAX_DOCUMENT_BYTES) {
            validation.reject("file", "portal.document.tooLarge", MAX_DOCUMENT_BYTES / (1024 * 1024));
        } else if (!DOCUMENT_TYPES.contains(extension) || !DocumentTypes.matches(extension, content)) {
            validation.reject("file", "portal.document.type");
        }
        validation.throwIfInvalid();
        long id = repository.insertDocument(
                organizationId, cleanTitle, name, DocumentTypes.contentType(extension), content, clock.instant());
        events.publishEvent(new SiteDocumentAdded(organizationId, organization.path(), cleanTitle, currentActor.get()));
        return repository.document(id).orElseThrow();
    }

    public void removeDocument(long organizationId, long documentId) {
        Organization organization = editable(organizationId);
        SiteDocument document = repository
                .document(documentId)
                .filter(candidate -> candidate.organizationId() == organizationId)
                .orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        repository.deleteDocument(documentId);
        events.publishEvent(
                new SiteDocumentRemoved(organization.id(), organization.path(), document.title(), currentActor.get()));
    }

    // ---- visitors ----------------------------------------------------------------------------

    /**
     * The page at an address, if there is one and its organization is active; for anyone. Kept in memory
     * for {@link PublicSiteCache#TTL}: a change on this node drops it at once.
     */
    // Served from memory: no transaction (and no connection) unless the cache misses.
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<PublicSite> publicSite(String slug) {
        if (!Slugs.isValid(slug)) {
            return Optional.empty();
        }
        return publicSites.get(
                slug,
                () -> repository.siteBySlug(slug).flatMap(site -> {
                    Organization organization = CurrentActor.asSystem(() -> organizations.get(site.organizationId()));
                    if (!organization.active()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PublicSite(
                            site, organization.shortName(), organization.fullName(), organization.kind()));
                }));
    }

    /** The public address of a publication on its organization's page, when the organization has one. */
    @Transactional(readOnly = true)
    public Optional<String> newsPath(long organizationId, long publicationId) {
        return repository.site(organizationId).map(site -> "/" + site.slug() + "/news/" + publicationId);
    }

    // Served from memory: no transaction (and no connection) unless the cache misses.
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<PublicLeader> leaders(PublicSite site) {
        return publicPages.leaders(site.organizationId(), () -> applications.publicLeaders(site.organizationId()));
    }

    // Served from memory: no transaction (and no connection) unless the cache misses.
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<SiteDocument> publicDocuments(PublicSite site) {
        return publicPages.documents(site.organizationId(), () -> repository.documents(site.organizationId()));
    }

    /** The organization's published news, newest first. */
    // Served from memory: no transaction (and no connection) unless the cache misses.
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Page<NewsItem> news(PublicSite site, PageRequest page) {
        return news.news(site.organizationId(), page);
    }

    // Served from memory: no transaction (and no connection) unless the cache misses.
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<NewsArticle> article(PublicSite site, long publicationId) {
        return news.article(site.organizationId(), publicationId);
    }

    /** A document's content, only through its own organization's address. */
    @Transactional(readOnly = true)
    public Optional<DocumentContent> publicDocument(PublicSite site, long documentId) {
        return repository
                .document(documentId)
                .filter(document -> document.organizationId() == site.organizationId())
                .map(document -> new DocumentContent(document, repository.documentContent(documentId)));
    }

    /** Every page's address, for the sitemap (at most {@code limit}, the format's limit is 50,000). */
    @Transactional(readOnly = true)
    public void allSites(int limit, Consumer<Site> consumer) {
        repository.streamSlugs(limit, consumer);
    }

    /** The union's public start page: the pages of its organizations, closed organizations left out. */
    @Transactional(readOnly = true)
    public Page<PublicSite> directory(PageRequest page) {
        Page<Site> sites = repository.sites(page);
        List<PublicSite> open = sites.items().stream()
                .map(site -> publicSite(site.slug()))
                .flatMap(Optional::stream)
                .toList();
        return new Page<>(open, sites.page(), sites.size(), sites.total());
    }

    public void sendFeedback(PublicSite site, String authorName, String contact, String message) {
        String name = clean(authorName);
        String from = clean(contact);
        String text = clean(message);
        Validation validation = new Validation();
        validation.required("authorName", name).maxLength("authorName", name, 200);
        validation.maxLength("contact", from, 254);
        validation.required("message", text).maxLength("message", text, 4000);
        validation.throwIfInvalid();
        repository.insertFeedback(site.organizationId(), name, from, text, clock.instant());
    }

    /** Files a visitor's application to join; it arrives in the registry for the organization's staff. */
    public void applyToJoin(PublicSite site, PersonData data, boolean consentToProcessing) {
        if (!site.acceptsApplications()) {
            throw ProfkomException.notFound(NOT_FOUND);
        }
        Optional<Long> membershipId = applications.receive(site.organizationId(), data, consentToProcessing);
        String path = organizations.pathOf(site.organizationId()).orElseThrow();
        events.publishEvent(
                new JoinApplied(site.organizationId(), path, membershipId.orElse(null), currentActor.get()));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Organization editable(long organizationId) {
        return editable(organizations, organizationId);
    }

    /**
     * The organization, when the current actor edits its content (its information worker, chair or the
     * administrators above): the portal's staff; 404 outside the actor's subtrees, 403 inside them.
     */
    static Organization editable(Organizations organizations, long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return organization;
    }

    private String proposedSlug(Organization organization) {
        String base = Slugs.transliterate(organization.shortName());
        if (Slugs.isReserved(base)) {
            base = base + "-" + organization.id();
        }
        String slug = base;
        for (int i = 2; repository.slugTaken(slug, organization.id()) && i < 100; i++) {
            slug = base + "-" + i;
        }
        return repository.slugTaken(slug, organization.id()) ? base + "-" + organization.id() : slug;
    }

    /** Trimmed text without control characters other than line breaks; null when blank. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.replace("\r\n", "\n")
                .replaceAll("[\\p{Cntrl}&&[^\n\t]]", "")
                .strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A document with its bytes, to send to a visitor. */
    public record DocumentContent(SiteDocument document, byte[] content) {}
}
