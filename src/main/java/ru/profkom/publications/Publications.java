package ru.profkom.publications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.publications.PublicationEvents.PublicationPublished;
import ru.profkom.publications.PublicationEvents.PublicationSaved;
import ru.profkom.publications.PublicationEvents.PublicationUnpublished;
import ru.profkom.publications.PublicationRepository.FeedFilter;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

/**
 * Publications of organizations. Published ones are public (the portal shows them to anyone); drafts
 * and withdrawn ones exist only for the staff who edit the organization (its chair, info worker,
 * administrators above). Outside those a draft answers 404; a published one may be read but not changed (403).
 */
@Service
@Transactional
public class Publications {

    static final String NOT_FOUND = "publication.notFound";

    private final PublicationRepository repository;
    private final Attachments attachments;
    private final Images images;
    private final Organizations organizations;
    private final RouteRepository routes;
    private final InfoPackages packages;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Publications(
            PublicationRepository repository,
            Attachments attachments,
            Images images,
            Organizations organizations,
            RouteRepository routes,
            InfoPackages packages,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.attachments = attachments;
        this.images = images;
        this.organizations = organizations;
        this.routes = routes;
        this.packages = packages;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    // ---- public reads (the portal) -----------------------------------------------------------

    /** The organization's published feed, newest first; public, no access check. */
    @Transactional(readOnly = true)
    public Page<PublicationSummary> publicFeed(long organizationId, PageRequest page) {
        return named(repository.list(
                new FeedFilter(List.of(organizationId), Set.of(PublicationStatus.PUBLISHED), null, null, null),
                true,
                page));
    }

    /** A published publication with its images and attachments, or empty; public, no access check. */
    @Transactional(readOnly = true)
    public Optional<Publication> published(long publicationId) {
        return repository.find(publicationId).filter(Publication::published).map(this::withAttachments);
    }

    /** How many publications the organization sent upward (first steps only) in [from, to). */
    @Transactional(readOnly = true)
    public long sentUpwardCount(long organizationId, Instant from, Instant to) {
        return routes.sentCount(organizationId, from, to);
    }

    // ---- staff reads -------------------------------------------------------------------------

    /**
     * A feed with filters: the published feed for anyone who reads the organization; with drafts and
     * withdrawn ones for those who edit it.
     */
    @Transactional(readOnly = true)
    public Page<PublicationSummary> feed(
            long organizationId,
            Set<PublicationStatus> statuses,
            Rubric rubric,
            String tag,
            String title,
            PageRequest page) {
        organizations.get(organizationId);
        Set<PublicationStatus> allowed = organizations.canEdit(organizationId)
                ? (statuses == null || statuses.isEmpty() ? Set.of(PublicationStatus.values()) : statuses)
                : Set.of(PublicationStatus.PUBLISHED);
        boolean publishedOnly = allowed.equals(Set.of(PublicationStatus.PUBLISHED));
        return named(repository.list(
                new FeedFilter(List.of(organizationId), allowed, rubric, tag, title), publishedOnly, page));
    }

    /** The published feeds of several organizations at once, newest first (a member's feed). */
    @Transactional(readOnly = true)
    public Page<PublicationSummary> publishedIn(List<Long> organizationIds, Rubric rubric, PageRequest page) {
        if (organizationIds.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        return named(repository.list(
                new FeedFilter(organizationIds, Set.of(PublicationStatus.PUBLISHED), rubric, null, null), true, page));
    }

    /** A publication: published ones to anyone signed in, others to its organization's editors. */
    @Transactional(readOnly = true)
    public Publication get(long publicationId) {
        return withAttachments(visible(publicationId));
    }

    @Transactional(readOnly = true)
    public boolean canEdit(Publication publication) {
        return organizations.canEdit(publication.organizationId());
    }

    @Transactional(readOnly = true)
    public boolean canEditOrganization(long organizationId) {
        return organizations.canEdit(organizationId);
    }

    @Transactional(readOnly = true)
    public List<Route> trail(long publicationId) {
        Publication publication = visible(publicationId);
        if (!organizations.canEdit(publication.organizationId())) {
            return List.of();
        }
        return routes.trail(publicationId, organizations::shortNames);
    }

    /** The attachment's file, when its publication or package is visible to the current actor. */
    @Transactional(readOnly = true)
    public AttachmentFile attachment(long attachmentId) {
        Attachments.StoredFile file =
                attachments.find(attachmentId).orElseThrow(() -> ProfkomException.notFound("attachment.notFound"));
        if (file.publicationId() != null) {
            try {
                visible(file.publicationId());
            } catch (ProfkomException hidden) {
                throw ProfkomException.notFound("attachment.notFound");
            }
        } else if (!organizations.canRead(file.organizationId())
                && !(file.packageId() != null && packageReadable(file.packageId()))) {
            throw ProfkomException.notFound("attachment.notFound");
        }
        return new AttachmentFile(file.fileName(), file.contentType(), file.data());
    }

    // ---- commands ----------------------------------------------------------------------------

    public Publication create(long organizationId, PublicationDraft draft) {
        Organization organization = editable(organizationId);
        CleanDraft clean = CleanDraft.of(draft);
        Actor actor = currentActor.get();
        long id = repository.insert(
                organizationId, organization.path(), clean, null, null, actor.accountId(), clock.instant());
        events.publishEvent(new PublicationSaved(organizationId, organization.path(), id, clean.title(), actor));
        return get(id);
    }

    /** A photo as uploaded: the name the browser sent and its bytes. */
    public record PhotoUpload(String fileName, byte[] bytes) {}

    /**
     * Creates a draft with its first photos in one step; a refused photo refuses the whole draft, so no
     * half-made draft is left behind and the form shows the refusal beside the text typed.
     */
    public Publication create(long organizationId, PublicationDraft draft, List<PhotoUpload> photos) {
        Publication created = create(organizationId, draft);
        for (PhotoUpload photo : photos) {
            addImage(created.id(), photo.fileName(), photo.bytes());
        }
        return photos.isEmpty() ? created : get(created.id());
    }

    public Publication update(long publicationId, PublicationDraft draft) {
        Publication publication = editablePublication(publicationId);
        CleanDraft clean = CleanDraft.of(draft);
        int version = draft.version() == null ? publication.version() : draft.version();
        if (!repository.update(publicationId, clean, version, clock.instant())) {
            throw ProfkomException.conflict("publication.changedMeanwhile");
        }
        events.publishEvent(new PublicationSaved(
                publication.organizationId(),
                publication.organizationPath(),
                publicationId,
                clean.title(),
                currentActor.get()));
        if (publication.published()) {
            announcePublished(get(publicationId));
        }
        return get(publicationId);
    }

    public Publication publish(long publicationId) {
        Publication publication = editablePublication(publicationId);
        if (publication.published()) {
            return withAttachments(publication);
        }
        repository.setStatus(publicationId, PublicationStatus.PUBLISHED, clock.instant());
        images.setPublic(publication.images().stream().map(ImageRef::id).toList(), true);
        Publication result = get(publicationId);
        announcePublished(result);
        return result;
    }

    public Publication unpublish(long publicationId) {
        Publication publication = editablePublication(publicationId);
        if (!publication.published()) {
            throw ProfkomException.conflict("publication.notPublished");
        }
        repository.setStatus(publicationId, PublicationStatus.UNPUBLISHED, clock.instant());
        images.setPublic(publication.images().stream().map(ImageRef::id).toList(), false);
        events.publishEvent(new PublicationUnpublished(
                publication.organizationId(), publication.organizationPath(), publicationId, currentActor.get()));
        return get(publicationId);
    }

    public ImageRef addImage(long publicationId, String fileName, byte[] upload) {
        Publication publication = editablePublication(publicationId);
        if (publication.images().size() >= 20) {
            throw ProfkomException.invalid("image", "publication.tooManyImages", 20);
        }
        ImageRef image = images.store(publication.organizationId(), fileName, upload, publication.published());
        repository.addImage(publicationId, image.id());
        touch(publication);
        return image;
    }

    public void removeImage(long publicationId, long imageId) {
        Publication publication = editablePublication(publicationId);
        if (!repository.removeImage(publicationId, imageId)) {
            throw ProfkomException.notFound("image.notFound");
        }
        touch(publication);
    }

    public AttachmentRef addAttachment(long publicationId, String fileName, byte[] data) {
        Publication publication = editablePublication(publicationId);
        AttachmentRef attachment = attachments.store(publication.organizationId(), publicationId, null, fileName, data);
        touch(publication);
        return attachment;
    }

    public void removeAttachment(long publicationId, long attachmentId) {
        Publication publication = editablePublication(publicationId);
        Attachments.StoredFile file = attachments
                .find(attachmentId)
                .filter(f -> f.publicationId() != null && f.publicationId() == publicationId)
                .orElseThrow(() -> ProfkomException.notFound("attachment.notFound"));
        attachments.delete(file.id());
        touch(publication);
    }

    // ---- internals ---------------------------------------------------------------------------

    /** Creates a publication of another organization from a source, naming it ("по материалам ..."). */
    Publication republish(long organizationId, Publication source, String sourceOrganizationName) {
        Organization organization = organizations.get(organizationId);
        CleanDraft clean = CleanDraft.of(new PublicationDraft(
                source.title(),
                source.bodyHtml(),
                source.rubric(),
                source.tags(),
                source.videos().stream().map(VideoLink::url).toList(),
                null));
        Actor actor = currentActor.get();
        long id = repository.insert(
                organizationId,
                organization.path(),
                clean,
                source.id(),
                sourceOrganizationName,
                actor.accountId(),
                clock.instant());
        for (ImageRef image : source.images()) {
            repository.addImage(id, image.id());
        }
        events.publishEvent(new PublicationSaved(organizationId, organization.path(), id, clean.title(), actor));
        return publish(id);
    }

    private void announcePublished(Publication publication) {
        events.publishEvent(new PublicationPublished(
                publication.organizationId(),
                publication.organizationPath(),
                publication.id(),
                publication.title(),
                publication.summary(),
                publication.bodyText(),
                publication.images().stream().map(ImageRef::url).toList(),
                publication.link(),
                currentActor.get()));
    }

    private void touch(Publication publication) {
        events.publishEvent(new PublicationSaved(
                publication.organizationId(),
                publication.organizationPath(),
                publication.id(),
                publication.title(),
                currentActor.get()));
    }

    private boolean packageReadable(long packageId) {
        return packages.readable(packageId);
    }

    Publication visible(long publicationId) {
        Publication publication =
                repository.find(publicationId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        if (publication.published() || currentActor.get().system()) {
            return publication;
        }
        if (!organizations.canEdit(publication.organizationId())) {
            throw ProfkomException.notFound(NOT_FOUND);
        }
        return publication;
    }

    private Publication editablePublication(long publicationId) {
        Publication publication = visible(publicationId);
        if (!organizations.canEdit(publication.organizationId())) {
            throw ProfkomException.forbidden("access.denied");
        }
        return publication;
    }

    private Organization editable(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        if (!organization.active()) {
            throw ProfkomException.conflict("publication.organizationClosed");
        }
        return organization;
    }

    private Publication withAttachments(Publication p) {
        return new Publication(
                p.id(),
                p.organizationId(),
                p.organizationPath(),
                p.title(),
                p.bodyHtml(),
                p.bodyText(),
                p.rubric(),
                p.tags(),
                p.videos(),
                p.images(),
                attachments.ofPublication(p.id()),
                p.status(),
                p.sourcePublicationId(),
                p.sourceOrganizationName(),
                p.createdAt(),
                p.updatedAt(),
                p.publishedAt(),
                p.version());
    }

    Page<PublicationSummary> named(Page<PublicationSummary> page) {
        Map<Long, String> names = organizations.shortNames(page.items().stream()
                .map(PublicationSummary::organizationId)
                .distinct()
                .toList());
        List<PublicationSummary> items = new ArrayList<>();
        for (PublicationSummary s : page.items()) {
            items.add(new PublicationSummary(
                    s.id(),
                    s.organizationId(),
                    names.get(s.organizationId()),
                    s.title(),
                    s.summary(),
                    s.rubric(),
                    s.tags(),
                    s.thumbnailUrl(),
                    s.status(),
                    s.sourceOrganizationName(),
                    s.updatedAt(),
                    s.publishedAt()));
        }
        return new Page<>(items, page.page(), page.size(), page.total(), page.totalAtLeast());
    }
}
