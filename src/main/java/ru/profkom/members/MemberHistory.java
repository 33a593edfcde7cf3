package ru.profkom.members;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.MemberEvents.MembershipFactsChanged;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;

/**
 * Writes the history of a person: one row per changed field, in the name of the actor; and tells the statistics
 * when a change moves the person between their counts (gender, birth month).
 */
@Component
class MemberHistory {

    private final HistoryRepository history;
    private final MemberRepository repository;
    private final MembershipFactsQuery facts;
    private final ApplicationEventPublisher events;
    private final CurrentActor currentActor;

    MemberHistory(
            HistoryRepository history,
            MemberRepository repository,
            MembershipFactsQuery facts,
            ApplicationEventPublisher events,
            CurrentActor currentActor) {
        this.history = history;
        this.repository = repository;
        this.facts = facts;
        this.events = events;
        this.currentActor = currentActor;
    }

    List<MemberChange> of(long personId) {
        return history.changes(personId);
    }

    /** A line of the history in the name of the current actor. */
    void record(long personId, String field, String oldValue, String newValue, Instant now) {
        record(personId, currentActor.get(), field, oldValue, newValue, now);
    }

    void record(long personId, Actor actor, String field, String oldValue, String newValue, Instant now) {
        history.insertChange(personId, now, actor.accountId(), actor.login(), field, oldValue, newValue);
    }

    /**
     * Stores {@code after} over the person's {@code before} (unless they are equal) and records each changed
     * field; the number of changed fields.
     */
    int rewrite(PersonRecord existing, PersonData before, PersonData after, Actor actor, Instant now) {
        if (before.equals(after)) {
            return 0;
        }
        repository.updatePerson(existing.getId(), after, RegistryRules.nameKey(after), existing.getVersion(), now);
        return recordChanges(existing.getId(), before, after, actor, now);
    }

    /** Records each field that differs between {@code before} and {@code after}; their number. */
    int recordChanges(long personId, PersonData before, PersonData after, Actor actor, Instant now) {
        List<RegistryRules.FieldChange> changes = RegistryRules.changes(before, after);
        changes.forEach(change -> record(personId, actor, change.field(), change.oldValue(), change.newValue(), now));
        publishFactsChanged(personId, before, after, actor);
        return changes.size();
    }

    /** Statistics count members by gender and birth month: they learn the old and the new values. */
    private void publishFactsChanged(long personId, PersonData before, PersonData after, Actor actor) {
        if (Objects.equals(before.gender(), after.gender()) && Objects.equals(before.birthDate(), after.birthDate())) {
            return;
        }
        List<MembershipFacts> current = facts.ofPerson(personId).stream()
                .filter(MembershipFacts::counted)
                .toList();
        if (!current.isEmpty()) {
            events.publishEvent(new MembershipFactsChanged(
                    personId,
                    current.stream()
                            .map(f -> f.withPerson(before.gender(), before.birthDate()))
                            .toList(),
                    current,
                    actor));
        }
    }
}
