package ru.profkom.publications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.accounts.Accounts;
import ru.profkom.mail.MailOutbox;
import ru.profkom.organizations.Crumb;
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
import ru.profkom.shared.Role;
import ru.profkom.shared.Validation;

/**
 * A publication's way up: its organization's editors send it to the parent or straight to an ancestor
 * further up (the region, the union's apparatus at the root); the receiver's editors (info worker, chair,
 * administrators above) republish it in their feed with attribution, forward it further up, or return it
 * with a comment, which the author's organization is told of by e-mail. The levels a step passes over see
 * it without deciding. Each step is a row, so the sender reads the whole trail.
 */
@Service
@Transactional
public class UpwardRoutes {

    static final int NOTE_MAX = 2000;

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final Set<Role> NOTIFIED = Set.of(Role.INFO_WORKER, Role.CHAIR);

    private final RouteRepository repository;
    private final Publications publications;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Accounts accounts;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final String baseUrl;

    UpwardRoutes(
            RouteRepository repository,
            Publications publications,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock,
            Accounts accounts,
            MailOutbox outbox,
            MessageSource messages,
            @Value("${profkom.base-url:}") String baseUrl) {
        this.repository = repository;
        this.publications = publications;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.baseUrl = baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }

    /** Sends the publication to its organization's parent. */
    public Route send(long publicationId, RoutePurpose purpose, String note) {
        return send(publicationId, purpose, note, null);
    }

    /**
     * Sends the publication straight to {@code destinationId}, one of its organization's ancestors (the parent
     * when null): the levels between see it pass without having to forward it.
     */
    public Route send(long publicationId, RoutePurpose purpose, String note, Long destinationId) {
        Publication publication = publications.get(publicationId);
        if (!publications.canEdit(publication)) {
            throw ProfkomException.forbidden("access.denied");
        }
        Organization from = organizations.get(publication.organizationId());
        if (from.parentId() == null) {
            throw ProfkomException.conflict("route.noParent");
        }
        long to = destinationId == null ? from.parentId() : destinationId;
        if (to == from.id() || !from.path().contains("/" + to + "/")) {
            // Only an organization the sender may read is named as not above: others stay unknown.
            if (!organizations.canRead(to)) {
                throw ProfkomException.notFound("organization.notFound");
            }
            throw ProfkomException.invalid("destination", "route.destination.notAbove");
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
                to,
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

    /**
     * The organization's steps upward, each with where its way stands now: a step forwarded further and
     * returned there reads as returned, with the comment and who returned it.
     */
    @Transactional(readOnly = true)
    public Page<RouteJourney> journeys(long organizationId, PageRequest page) {
        Page<Route> sent = outgoing(organizationId, page);
        Set<Long> publicationIds = new LinkedHashSet<>();
        sent.items().forEach(route -> publicationIds.add(route.publicationId()));
        Map<Long, RouteRow> next = new HashMap<>();
        for (RouteRow step : repository.stepsOf(publicationIds)) {
            if (step.previousId() != null) {
                next.put(step.previousId(), step);
            }
        }
        List<RouteRow> latest = new ArrayList<>();
        for (Route route : sent.items()) {
            RouteRow row = repository.find(route.id()).orElseThrow();
            while (next.containsKey(row.id())) {
                row = next.get(row.id());
            }
            latest.add(row);
        }
        List<Route> named = RouteRepository.named(latest, organizations::shortNames);
        List<RouteJourney> journeys = new ArrayList<>();
        for (int i = 0; i < sent.items().size(); i++) {
            journeys.add(new RouteJourney(sent.items().get(i), named.get(i)));
        }
        return new Page<>(journeys, sent.page(), sent.size(), sent.total());
    }

    /**
     * Where the latest way up of each of the organization's publications stands (its last step), for the badges of
     * the organization's list; publications never sent up are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, RouteStatus> wayStates(long organizationId, java.util.Collection<Long> publicationIds) {
        handler(organizationId);
        Map<Long, RouteStatus> states = new HashMap<>();
        // Steps come in the order they were taken, so the last one seen per publication is where it stands.
        for (RouteRow step : repository.stepsOf(publicationIds)) {
            if (step.originId() == organizationId) {
                states.put(step.publicationId(), step.status());
            }
        }
        return states;
    }

    /** What passes over the organization on its way further up: read-only for its editors. */
    @Transactional(readOnly = true)
    public Page<Route> passingThrough(long organizationId, PageRequest page) {
        handler(organizationId);
        Organization organization = organizations.get(organizationId);
        List<Long> ancestors = new ArrayList<>();
        for (String part : organization.path().split("/")) {
            if (!part.isEmpty() && Long.parseLong(part) != organizationId) {
                ancestors.add(Long.parseLong(part));
            }
        }
        return repository.passingThrough(
                organization.path(), ancestors, organizationId, page, organizations::shortNames);
    }

    /**
     * Where the publication's organization may send it: its ancestors from the parent up to the root, whose
     * names are not personal data even where the sender may not open their cards.
     */
    @Transactional(readOnly = true)
    public List<Crumb> destinations(long publicationId) {
        Publication publication = publications.get(publicationId);
        if (!publications.canEdit(publication)) {
            return List.of();
        }
        List<Crumb> chain = new ArrayList<>(organizations.breadcrumbs(publication.organizationId()));
        if (!chain.isEmpty()) {
            chain.removeLast();
        }
        return chain.reversed();
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
        String reply = note(comment, true);
        close(row, RouteStatus.RETURNED, reply, null);
        notifyReturned(row, reply);
        return route(routeId);
    }

    /** Tells the author's organization, and the one that forwarded it when another, by e-mail through the outbox. */
    private void notifyReturned(RouteRow row, String reply) {
        Map<Long, String> names = organizations.shortNames(Set.of(row.originId(), row.toId()));
        String by = handlerName();
        String returnedBy = by == null ? names.get(row.toId()) : names.get(row.toId()) + " (" + by + ")";
        String subject = messages.getMessage("route.returned.subject", new Object[] {row.title()}, RUSSIAN);
        String body = messages.getMessage(
                "route.returned.body",
                new Object[] {returnedBy, row.title(), reply, baseUrl + "/publications/" + row.publicationId()},
                RUSSIAN);
        accounts.emailsOfRoleHolders(new LinkedHashSet<>(List.of(row.originId(), row.fromId())), NOTIFIED).stream()
                .distinct()
                .forEach(address -> outbox.enqueue(address, subject, body));
    }

    private String handlerName() {
        if (currentActor.get().accountId() == null) {
            return null;
        }
        String name = accounts.me().fullName();
        return name == null || name.isBlank() ? currentActor.get().login() : name;
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
                row.id(),
                status,
                reply,
                republishedId,
                currentActor.get().accountId(),
                handlerName(),
                clock.instant())) {
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
