package ru.profkom.portal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.profkom.members.JoinApplications.PublicLeader;
import ru.profkom.members.MemberEvents.ConsentsChanged;
import ru.profkom.members.MemberEvents.MemberExited;
import ru.profkom.members.MemberEvents.MemberTransferred;
import ru.profkom.members.MemberEvents.MemberUpdated;
import ru.profkom.members.MemberEvents.MembershipStatusChanged;
import ru.profkom.members.MemberEvents.UnionRolesChanged;
import ru.profkom.portal.PortalEvents.AlbumChanged;
import ru.profkom.portal.PortalEvents.KeptEntriesDropped;
import ru.profkom.portal.PortalEvents.SiteDocumentAdded;
import ru.profkom.portal.PortalEvents.SiteDocumentRemoved;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.StaleWhileReloadCache;

/**
 * What the public pages show of albums and documents, kept in memory like the news ({@link PortalNews}) and
 * the page itself ({@link PublicSiteCache}), so that a visitor's view of a home page, the albums or an album
 * reads no table: a change on this node drops its organization's or album's entries after the commit, other
 * nodes show it within {@link #TTL}.
 */
@Component
class PublicPageCache {

    private final ApplicationEventPublisher events;

    PublicPageCache(ApplicationEventPublisher events) {
        this.events = events;
    }

    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 20_000;

    private final StaleWhileReloadCache<AlbumsKey, Page<Album>> albums = new StaleWhileReloadCache<>(TTL, MAX_ENTRIES);
    private final StaleWhileReloadCache<Long, Optional<Album>> album = new StaleWhileReloadCache<>(TTL, MAX_ENTRIES);
    private final StaleWhileReloadCache<PhotosKey, Page<AlbumPhoto>> photos =
            new StaleWhileReloadCache<>(TTL, MAX_ENTRIES);
    private final StaleWhileReloadCache<Long, List<SiteDocument>> documents =
            new StaleWhileReloadCache<>(TTL, MAX_ENTRIES);
    /** Shorter than the rest: names shown under a consent, so other nodes drop a withdrawn one sooner. */
    static final Duration LEADERS_TTL = Duration.ofSeconds(10);

    private final StaleWhileReloadCache<Long, List<PublicLeader>> leaders =
            new StaleWhileReloadCache<>(LEADERS_TTL, MAX_ENTRIES);

    Page<Album> albums(long organizationId, PageRequest page, Supplier<Page<Album>> loader) {
        return albums.get(new AlbumsKey(organizationId, page.page(), page.size()), loader);
    }

    Optional<Album> album(long albumId, Supplier<Optional<Album>> loader) {
        return album.get(albumId, loader);
    }

    Page<AlbumPhoto> photos(long albumId, PageRequest page, Supplier<Page<AlbumPhoto>> loader) {
        return photos.get(new PhotosKey(albumId, page.page(), page.size()), loader);
    }

    List<SiteDocument> documents(long organizationId, Supplier<List<SiteDocument>> loader) {
        return documents.get(organizationId, loader);
    }

    /**
     * The leaders a home page names. A leader who withdraws a consent, leaves, or whose role ends must vanish
     * from the page at once, so every registry change that could matter drops them all on this node after its
     * commit (a whole reload costs one query per organization viewed); other nodes follow within {@link #LEADERS_TTL}.
     */
    List<PublicLeader> leaders(long organizationId, Supplier<List<PublicLeader>> loader) {
        return leaders.get(organizationId, loader);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConsentsChanged event) {
        leaders.clear();
        events.publishEvent(new KeptEntriesDropped());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UnionRolesChanged event) {
        leaders.clear();
        events.publishEvent(new KeptEntriesDropped());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberUpdated event) {
        leaders.clear();
        events.publishEvent(new KeptEntriesDropped());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberExited event) {
        leaders.clear();
        events.publishEvent(new KeptEntriesDropped());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberTransferred event) {
        leaders.clear();
        events.publishEvent(new KeptEntriesDropped());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MembershipStatusChanged event) {
        leaders.clear();
        events.publishEvent(new KeptEntriesDropped());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AlbumChanged event) {
        albums.removeIf(key -> key.organizationId() == event.organizationId());
        album.remove(event.albumId());
        photos.removeIf(key -> key.albumId() == event.albumId());
        events.publishEvent(new KeptEntriesDropped());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteDocumentAdded event) {
        documents.remove(event.organizationId());
        events.publishEvent(new KeptEntriesDropped());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteDocumentRemoved event) {
        documents.remove(event.organizationId());
        events.publishEvent(new KeptEntriesDropped());
    }

    private record AlbumsKey(long organizationId, int page, int size) {}

    private record PhotosKey(long albumId, int page, int size) {}
}
