package ru.profkom.organizations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.OrganizationBulkWriter.PreparedOrganization;
import ru.profkom.organizations.OrganizationEvents.OrganizationsLoaded;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Phones;
import ru.profkom.shared.ProfkomException;

/**
 * Stores a whole tree at once (a generated union, later an import): rows go in as multi-row inserts
 * in chunks, with the ids the drafts carry, and one {@link OrganizationsLoaded} event announces
 * them instead of one event per organization. Only the system may load.
 */
@Service
public class OrganizationLoader {

    /** Rows per insert statement: 24 columns × 1,000 rows stays under PostgreSQL's 65,535 bind values. */
    static final int CHUNK_SIZE = 1_000;

    private final OrganizationBulkWriter writer;
    private final OrganizationRepository repository;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationLoader(
            OrganizationBulkWriter writer,
            OrganizationRepository repository,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.writer = writer;
        this.repository = repository;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Loads the drafts in one transaction and returns how many were stored. Ids must grow along the
     * stream and lie above every stored id; a parent comes before its children or is already stored.
     * Afterwards new organizations get ids above the loaded ones.
     */
    @Transactional
    public int load(Stream<OrganizationDraft> drafts) {
        Actor actor = currentActor.get();
        if (!actor.system()) {
            throw ProfkomException.forbidden("access.denied");
        }
        Instant now = clock.instant();
        long lastId = writer.maxId();
        // Only what a later child needs of its parent; the cards themselves leave with their chunk.
        Map<Long, Placed> placed = new HashMap<>();
        List<PreparedOrganization> chunk = new ArrayList<>(CHUNK_SIZE);
        int count = 0;
        for (Iterator<OrganizationDraft> iterator = drafts.iterator(); iterator.hasNext(); ) {
            OrganizationDraft draft = iterator.next();
            if (draft.id() <= lastId) {
                throw new IllegalArgumentException(
                        "Organization ids must grow and lie above the stored ones: " + draft.id() + " after " + lastId);
            }
            lastId = draft.id();
            Placed parent = draft.parentId() == null ? null : parentOf(draft, placed);
            OrganizationKind kind = draft.card().kind();
            if (kind == null
                    || (parent == null
                            ? kind != OrganizationKind.UNION
                            : !parent.kind().mayContain(kind))) {
                throw new IllegalArgumentException("An organization of kind " + kind + " cannot stand there: "
                        + draft.card().code());
            }
            String path = (parent == null ? "/" : parent.path()) + draft.id() + "/";
            int depth = parent == null ? 0 : parent.depth() + 1;
            placed.put(draft.id(), new Placed(path, depth, kind));
            chunk.add(new PreparedOrganization(
                    draft.id(), draft.parentId(), path, depth, withNormalizedPhone(draft.card()), draft.bodies()));
            count++;
            if (chunk.size() == CHUNK_SIZE) {
                writer.insert(chunk, now);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            writer.insert(chunk, now);
        }
        if (count > 0) {
            writer.continueIdsAfter(lastId);
        }
        events.publishEvent(new OrganizationsLoaded(count, actor));
        return count;
    }

    private Placed parentOf(OrganizationDraft draft, Map<Long, Placed> placed) {
        Placed parent = placed.get(draft.parentId());
        if (parent != null) {
            return parent;
        }
        Organization stored = repository
                .find(draft.parentId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown parent " + draft.parentId() + " of "
                        + draft.card().code()));
        Placed storedParent = new Placed(stored.path(), stored.depth(), stored.kind());
        placed.put(stored.id(), storedParent);
        return storedParent;
    }

    private static OrganizationForm withNormalizedPhone(OrganizationForm card) {
        if (card.phone() == null || card.phone().isBlank()) {
            return card;
        }
        String phone = Phones.normalize(card.phone())
                .orElseThrow(() -> new IllegalArgumentException("Not a Russian phone number: " + card.phone()));
        return new OrganizationForm(
                card.kind(),
                card.code(),
                card.fullName(),
                card.shortName(),
                card.inn(),
                card.address(),
                phone,
                card.email(),
                card.website(),
                card.employerName(),
                card.employerInn(),
                card.headcount(),
                card.chairName(),
                card.infoWorkerName(),
                card.version());
    }

    private record Placed(String path, int depth, OrganizationKind kind) {}
}
