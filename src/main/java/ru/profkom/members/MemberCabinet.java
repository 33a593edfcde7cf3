package ru.profkom.members;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.MembershipRecord;
import ru.profkom.members.MemberEvents.CorrectionRequested;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * The member's own cabinet. Every method works on the person linked to the signed-in account and
 * takes no person id: a member cannot reach anybody else by editing an address.
 */
@Service
@Transactional
public class MemberCabinet {

    static final String NOT_LINKED = "cabinet.notLinked";
    static final int CORRECTION_MAX_LENGTH = 2000;

    private final CabinetRepository cabinet;
    private final MemberRepository repository;
    private final MemberViews views;
    private final MemberHistory history;
    private final PersonTermRepository terms;
    private final UnionCards cards;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberCabinet(
            CabinetRepository cabinet,
            MemberRepository repository,
            MemberViews views,
            MemberHistory history,
            PersonTermRepository terms,
            UnionCards cards,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cabinet = cabinet;
        this.repository = repository;
        this.views = views;
        this.history = history;
        this.terms = terms;
        this.cards = cards;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the signed-in account is linked to a person: the home page offers the cabinet then. */
    @Transactional(readOnly = true)
    public boolean linked() {
        return linkedPerson().isPresent();
    }

    @Transactional(readOnly = true)
    public Member me() {
        return views.load(myPersonId());
    }

    @Transactional(readOnly = true)
    public List<MemberChange> myHistory() {
        return history.of(myPersonId());
    }

    /** The own card; issuing stays with the staff, so that a revoked card cannot be re-issued by its holder. */
    @Transactional(readOnly = true)
    public UnionCard myCard() {
        return cards.cardOf(views.load(myPersonId()));
    }

    @Transactional(readOnly = true)
    public byte[] myCardQrCode() {
        return cards.qrCodeOf(myPersonId());
    }

    @Transactional(readOnly = true)
    public List<CorrectionRequest> myCorrections() {
        return cabinet.correctionsOf(myPersonId());
    }

    /** Withdraws one of the own consents today (152-FZ, art. 9 §2); someone else's is "not found". */
    public Member withdrawConsent(long consentId) {
        long personId = myPersonId();
        if (terms.consentOwner(consentId).filter(owner -> owner == personId).isEmpty()) {
            throw ProfkomException.notFound("member.consent.notFound");
        }
        Consent consent = terms.consent(consentId).orElseThrow();
        if (!consent.active()) {
            throw ProfkomException.conflict("member.consent.alreadyWithdrawn");
        }
        LocalDate today = MoscowTime.today(clock);
        terms.withdrawConsent(consentId, today);
        history.record(personId, "consent.withdrawn", consent.purpose().name(), today.toString(), clock.instant());
        events.publishEvent(new MemberEvents.ConsentsChanged(personId));
        return views.load(personId);
    }

    /**
     * Sends a request to correct the own data to the staff of the organization of the current (or
     * last) membership; they see it among the open requests of their subtree.
     */
    public long requestCorrection(String text) {
        long personId = myPersonId();
        String clean = text == null ? null : text.strip();
        new Validation()
                .required("text", clean)
                .maxLength("text", clean, CORRECTION_MAX_LENGTH)
                .throwIfInvalid();
        List<MembershipRecord> memberships = repository.memberships(personId);
        if (memberships.isEmpty()) {
            throw ProfkomException.conflict("cabinet.correction.noOrganization");
        }
        MembershipRecord membership = repository.currentMembership(personId).orElse(memberships.getFirst());
        Instant now = clock.instant();
        long id = cabinet.insertCorrection(
                personId, membership.getOrganizationId(), membership.getOrganizationPath(), clean, now);
        history.record(personId, "correction", null, abbreviate(clean), now);
        events.publishEvent(new CorrectionRequested(
                id, personId, membership.getOrganizationId(), membership.getOrganizationPath(), currentActor.get()));
        return id;
    }

    private Optional<Long> linkedPerson() {
        Actor actor = currentActor.get();
        if (actor.system() || actor.accountId() == null) {
            return Optional.empty();
        }
        return cabinet.personOf(actor.accountId());
    }

    private long myPersonId() {
        return linkedPerson().orElseThrow(() -> ProfkomException.notFound(NOT_LINKED));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
