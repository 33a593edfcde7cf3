package ru.profkom.publications;

import java.time.Clock;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.publications.PublicationEvents.PublicationRouteHandled;
import ru.profkom.publications.PublicationEvents.PublicationSentUpward;
import ru.profkom.publications.RouteRepository.RouteRow;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * A publication's way up: its organization's editors send it to the parent; the parent's editors
 * (info worker, chair, administrators above) republish it in their feed with attribution, forward it
 * further up, or return it with a comment. Each step is a row, so the sender reads the whole trail.
 */
@Service
@Transactional
public class UpwardRoutes {

    static final int NOTE_MAX = 2000;

    private final RouteRepository repository;
    private final Publications publications;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UpwardRoutes(
            RouteRepository repository,
            Publications publications,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.publications = publications;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    public Route send(long publicationId, RoutePurpose purpose, String note) {
        Publication publication = publications.get(publicationId);
        if (!publications.canEdit(publication)) {
            throw ProfkomException.forbidden("access.denied");
        }
        Organization from = organizations.get(publication.organizationId());
        if (from.parentId() == null) {
            throw ProfkomException.conflict("route.noParent");
        }
        if (repository.pendingFor(publicationId)) {
            throw ProfkomException.conflict("route.alreadyPending");
        }
        String cleanNote = note(note, false);
        Actor actor = currentActor.get();
        long id = repository.insert(
                publicationId,
                from.id(),
                from.id(),
                from.parentId(),
                purpose == null ? RoutePurpose.NEWS : purpose,
                cleanNote,
                null,
                actor.accountId(),
                clock.instant());
        announceSent(id);
        return route(id);
    }

    @Transactional(readOnly = true)
    public Page<Route> incoming(long organizationId, Set<RouteStatus> statuses, PageRequest page) {
        handler(organizationId);
        return repository.incoming(organizationId, statuses, page, organizations::shortNames);
    }

    @Transactional(readOnly = true)
    public Page<Route> outgoing(long organizationId, PageRequest page) {
        handler(organizationId);
        return repository.outgoing(organizationId, page, organizations::shortNames);
    }

    /** Republishes the sent publication in the receiver's feed, naming the organization it came from. */
    public Publication republish(long routeId) {
        RouteRow row = pending(routeId);
        String origin = organizations.shortNames(Set.of(row.originId())).get(row.originId());
        Publication source = publications.visible(row.publicationId());
        Publication copy = publications.republish(row.toId(), source, origin);
        close(row, RouteStatus.REPUBLISHED, null, copy.id());
        return copy;
    }

    public Route forward(long routeId, String note) {
        RouteRow row = pending(routeId);
        Organization receiver = organizations.get(row.toId());
        if (receiver.parentId() == null) {
            throw ProfkomException.conflict("route.noParent");
        }
        String cleanNote = note(note, false);
        close(row, RouteStatus.FORWARDED, cleanNote, null);
        long id = repository.insert(
                row.publicationId(),
                row.originId(),
                receiver.id(),
                receiver.parentId(),
                row.purpose(),
                cleanNote == null ? row.note() : cleanNote,
                row.id(),
                currentActor.get().accountId(),
                clock.instant());
        announceSent(id);
        return route(id);
    }

    public Route returnToSender(long routeId, String comment) {
        RouteRow row = pending(routeId);
        close(row, RouteStatus.RETURNED, note(comment, true), null);
        return route(routeId);
    }

    @Transactional(readOnly = true)
    public Route get(long routeId) {
        RouteRow row = repository.find(routeId).orElseThrow(() -> ProfkomException.notFound("route.notFound"));
        if (!organizations.canEdit(row.toId()) && !organizations.canEdit(row.fromId())) {
            throw ProfkomException.notFound("route.notFound");
        }
        return route(routeId);
    }

    private Route route(long id) {
        return RouteRepository.named(java.util.List.of(repository.find(id).orElseThrow()), organizations::shortNames)
                .getFirst();
    }

    private void announceSent(long id) {
        RouteRow row = repository.find(id).orElseThrow();
        events.publishEvent(new PublicationSentUpward(
                id,
                row.publicationId(),
                row.fromId(),
                row.toId(),
                organizations.pathOf(row.toId()).orElse("/"),
                row.purpose(),
                currentActor.get()));
    }

    private void close(RouteRow row, RouteStatus status, String reply, Long republishedId) {
        if (!repository.handle(
                row.id(), status, reply, republishedId, currentActor.get().accountId(), clock.instant())) {
            throw ProfkomException.conflict("route.alreadyHandled");
        }
        events.publishEvent(new PublicationRouteHandled(
                row.id(),
                row.publicationId(),
                row.toId(),
                organizations.pathOf(row.toId()).orElse("/"),
                status,
                currentActor.get()));
    }

    private RouteRow pending(long routeId) {
        RouteRow row = repository.find(routeId).orElseThrow(() -> ProfkomException.notFound("route.notFound"));
        handler(row.toId());
        if (row.status() != RouteStatus.PENDING) {
            throw ProfkomException.conflict("route.alreadyHandled");
        }
        return row;
    }

    private void handler(long organizationId) {
        organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
    }

    private static String note(String text, boolean required) {
        String clean = text == null ? null : text.strip();
        Validation validation = new Validation();
        if (required) {
            validation.required("comment", clean);
        }
        validation.maxLength("comment", clean, NOTE_MAX).throwIfInvalid();
        return clean == null || clean.isEmpty() ? null : clean;
    }
}
