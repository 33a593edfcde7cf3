package ru.profkom.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.portal.PortalEvents.AlbumChange;
import ru.profkom.portal.PortalEvents.AlbumChanged;
import ru.profkom.publications.ImageRef;
import ru.profkom.publications.Images;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * Photo albums of organizations (B3). Staff who edit the organization (its information worker, chair or
 * administrators above) keep them; photos go through the publications module's {@link Images}, which
 * refuses what is not an image, too big or a decompression bomb. Visitors see published albums on the
 * organization's public page.
 */
@Service
@Transactional
public class PortalAlbums {

    static final String NOT_FOUND = "album.notFound";
    static final String PHOTO_NOT_FOUND = "album.photo.notFound";
    /** Photos in one album at most: a few hundred resized copies are a few hundred megabytes. */
    public static final int MAX_PHOTOS = 500;
    /** Files in one upload at most. */
    public static final int MAX_FILES = 30;

    private final AlbumRepository repository;
    private final Organizations organizations;
    private final Images images;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PortalAlbums(
            AlbumRepository repository,
            Organizations organizations,
            Images images,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.images = images;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    // ---- staff: albums -------------------------------------------------------------------------

    /** Every album of the organization, drafts too, the latest event first. */
    @Transactional(readOnly = true)
    public Page<Album> albums(long organizationId, PageRequest page) {
        editable(organizationId);
        return repository.albums(organizationId, false, page);
    }

    @Transactional(readOnly = true)
    public Album album(long organizationId, long albumId) {
        editable(organizationId);
        return albumOf(organizationId, albumId);
    }

    public Album create(long organizationId, AlbumForm form) {
        Organization organization = editable(organizationId);
        Checked checked = check(form);
        long id = repository.insert(
                organizationId,
                checked.title(),
                form.eventDate(),
                checked.description(),
                currentActor.get().accountId(),
                clock.instant());
        announce(organization, id, checked.title(), AlbumChange.CREATED, null);
        return repository.album(id).orElseThrow();
    }

    public Album update(long organizationId, long albumId, AlbumForm form) {
        Organization organization = editable(organizationId);
        albumOf(organizationId, albumId);
        Checked checked = check(form);
        if (form.version() == null
                || !repository.update(
                        albumId,
                        checked.title(),
                        form.eventDate(),
                        checked.description(),
                        form.version(),
                        clock.instant())) {
            throw ProfkomException.conflict("album.changedMeanwhile");
        }
        announce(organization, albumId, checked.title(), AlbumChange.UPDATED, null);
        return repository.album(albumId).orElseThrow();
    }

    /** Opens the album to visitors, its photos with it; an album without photos has nothing to show. */
    public Album publish(long organizationId, long albumId) {
        return setPublished(organizationId, albumId, true);
    }

    public Album unpublish(long organizationId, long albumId) {
        return setPublished(organizationId, albumId, false);
    }

    /** Deletes the album with its photos and their stored images. */
    public void delete(long organizationId, long albumId) {
        Organization organization = editable(organizationId);
        Album album = lockedAlbum(organizationId, albumId);
        List<Long> imageIds = repository.imageIds(albumId);
        repository.delete(albumId);
        images.delete(organizationId, imageIds);
        announce(organization, albumId, album.title(), AlbumChange.DELETED, null);
    }

    // ---- staff: photos -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<AlbumPhoto> photos(long organizationId, long albumId, PageRequest page) {
        editable(organizationId);
        albumOf(organizationId, albumId);
        return repository.photos(albumId, page);
    }

    /**
     * Adds photos at the end of the album, all or none: every file is checked (size first, then the
     * image itself), and when any is refused nothing is stored and each refusal names its file.
     */
    public List<AlbumPhoto> addPhotos(long organizationId, long albumId, List<PhotoUpload> uploads) {
        Organization organization = editable(organizationId);
        Album album = lockedAlbum(organizationId, albumId);
        List<PhotoUpload> files = uploads == null
                ? List.of()
                : uploads.stream().filter(upload -> upload.size() > 0).toList();
        if (files.isEmpty()) {
            throw ProfkomException.invalid("photos", "album.photos.none");
        }
        if (files.size() > MAX_FILES) {
            throw ProfkomException.invalid("photos", "album.photos.tooMany", MAX_FILES, files.size());
        }
        int count = repository.photoCount(albumId);
        if (count + files.size() > MAX_PHOTOS) {
            throw ProfkomException.invalid("photos", "album.photos.full", MAX_PHOTOS, count);
        }
        Validation validation = new Validation();
        List<ImageRef> stored = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PhotoUpload upload : files) {
            String name = Images.fileName(upload.fileName());
            try {
                if (upload.size() > Images.MAX_UPLOAD_BYTES) {
                    throw ProfkomException.invalid("image", "image.tooLarge", Images.MAX_UPLOAD_BYTES / 1024 / 1024);
                }
                stored.add(images.store(organizationId, name, upload.content().get(), album.published()));
                names.add(name);
            } catch (ProfkomException refusal) {
                if (refusal.kind() != ProfkomException.Kind.INVALID) {
                    throw refusal;
                }
                for (ProfkomException.Problem problem : refusal.problems()) {
                    validation.reject(
                            "photos",
                            "album.photo.refused",
                            name,
                            new DefaultMessageSourceResolvable(
                                    new String[] {problem.messageKey()}, problem.arguments()));
                }
            }
        }
        // A refusal rolls back the images stored before it: nothing half-written.
        validation.throwIfInvalid();
        Instant now = clock.instant();
        int position = repository.lastPosition(albumId);
        List<AlbumPhoto> added = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            long id = repository.insertPhoto(albumId, stored.get(i), ++position, names.get(i), now);
            added.add(repository.photo(id).orElseThrow());
        }
        repository.touchPhotos(albumId, now);
        announce(organization, albumId, album.title(), AlbumChange.PHOTOS_ADDED, String.valueOf(added.size()));
        return added;
    }

    /** Changes a photo's caption, moves it to another place, or makes it the cover. */
    public AlbumPhoto changePhoto(long organizationId, long albumId, long photoId, PhotoChange change) {
        Organization organization = editable(organizationId);
        Album album = lockedAlbum(organizationId, albumId);
        AlbumPhoto photo = photoOf(albumId, photoId);
        Instant now = clock.instant();
        if (change.caption() != null) {
            String caption = PortalSites.clean(change.caption());
            new Validation().maxLength("caption", caption, 500).throwIfInvalid();
            repository.setCaption(photoId, caption);
        }
        if (change.position() != null) {
            List<Long> order = new ArrayList<>(repository.photoIds(albumId));
            if (change.position() < 1 || change.position() > order.size()) {
                throw ProfkomException.invalid("position", "validation.range", 1, order.size());
            }
            order.remove(photoId);
            order.add(change.position() - 1, photoId);
            repository.renumber(order);
        }
        if (Boolean.TRUE.equals(change.cover())) {
            repository.setCover(albumId, photoId, now);
        }
        repository.touchPhotos(albumId, now);
        announce(organization, albumId, album.title(), AlbumChange.PHOTO_CHANGED, photo.fileName());
        return repository.photo(photoId).orElseThrow();
    }

    /** Removes a photo and its stored image; the first photo becomes the cover if it was the cover. */
    public void removePhoto(long organizationId, long albumId, long photoId) {
        Organization organization = editable(organizationId);
        Album album = lockedAlbum(organizationId, albumId);
        AlbumPhoto photo = photoOf(albumId, photoId);
        Instant now = clock.instant();
        repository.deletePhoto(photoId);
        if (Long.valueOf(photoId).equals(album.coverPhotoId())) {
            repository.setCover(albumId, null, now);
        }
        repository.renumber(repository.photoIds(albumId));
        repository.touchPhotos(albumId, now);
        images.delete(organizationId, List.of(photo.imageId()));
        announce(organization, albumId, album.title(), AlbumChange.PHOTO_REMOVED, photo.fileName());
    }

    // ---- visitors ------------------------------------------------------------------------------

    /** The published albums of a public page, the latest event first; for anyone. */
    @Transactional(readOnly = true)
    public Page<Album> publicAlbums(PublicSite site, PageRequest page) {
        return repository.albums(site.organizationId(), true, page);
    }

    /** A published album, only through its own organization's address. */
    @Transactional(readOnly = true)
    public Optional<Album> publicAlbum(PublicSite site, long albumId) {
        return repository
                .album(albumId)
                .filter(album -> album.published() && album.organizationId() == site.organizationId());
    }

    @Transactional(readOnly = true)
    public Page<AlbumPhoto> publicPhotos(Album album, PageRequest page) {
        if (!album.published()) {
            throw ProfkomException.notFound(NOT_FOUND);
        }
        return repository.photos(album.id(), page);
    }

    /** Every published album's address and last change, for the sitemap (at most {@code limit}). */
    @Transactional(readOnly = true)
    public void publishedAlbums(int limit, Consumer<PublishedAlbumAddress> consumer) {
        repository.streamPublished(
                limit,
                album -> consumer.accept(new PublishedAlbumAddress(album.slug(), album.albumId(), album.updatedAt())));
    }

    /** A published album's page: {@code /{slug}/albums/{albumId}}. */
    public record PublishedAlbumAddress(String slug, long albumId, Instant updatedAt) {}

    // ---- helpers -------------------------------------------------------------------------------

    private Organization editable(long organizationId) {
        return PortalSites.editable(organizations, organizationId);
    }

    private Album setPublished(long organizationId, long albumId, boolean published) {
        Organization organization = editable(organizationId);
        Album album = lockedAlbum(organizationId, albumId);
        if (published && album.photoCount() == 0) {
            throw ProfkomException.invalid(null, "album.publish.empty");
        }
        if (album.published() != published) {
            repository.setPublished(albumId, published, clock.instant());
            images.setPublic(repository.imageIds(albumId), published);
            announce(
                    organization,
                    albumId,
                    album.title(),
                    published ? AlbumChange.PUBLISHED : AlbumChange.UNPUBLISHED,
                    null);
        }
        return repository.album(albumId).orElseThrow();
    }

    private Album albumOf(long organizationId, long albumId) {
        return repository
                .album(albumId)
                .filter(album -> album.organizationId() == organizationId)
                .orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
    }

    private Album lockedAlbum(long organizationId, long albumId) {
        repository
                .lock(albumId)
                .filter(owner -> owner == organizationId)
                .orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        return albumOf(organizationId, albumId);
    }

    private AlbumPhoto photoOf(long albumId, long photoId) {
        return repository
                .photo(photoId)
                .filter(photo -> photo.albumId() == albumId)
                .orElseThrow(() -> ProfkomException.notFound(PHOTO_NOT_FOUND));
    }

    private Checked check(AlbumForm form) {
        String title = PortalSites.clean(form.title());
        String description = PortalSites.clean(form.description());
        Validation validation = new Validation();
        validation.required("title", title).maxLength("title", title, 300);
        validation.maxLength("description", description, 4000);
        if (form.eventDate() != null && form.eventDate().isAfter(MoscowTime.today(clock))) {
            validation.reject("eventDate", "album.eventDate.future");
        }
        validation.throwIfInvalid();
        return new Checked(title, description);
    }

    private void announce(Organization organization, long albumId, String title, AlbumChange change, String detail) {
        events.publishEvent(new AlbumChanged(
                organization.id(), organization.path(), albumId, title, change, detail, currentActor.get()));
    }

    private record Checked(String title, String description) {}
}
