package ru.profkom.members;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * Consents (152-FZ) and union roles of a person, behind {@link Members}: each given or started on a day and
 * withdrawn or ended on a later one, by staff who may change the person, written to the history and announced.
 */
@Component
class PersonTerms {

    private final PersonTermRepository terms;
    private final RegistryAccess access;
    private final MemberHistory history;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonTerms(
            PersonTermRepository terms,
            RegistryAccess access,
            MemberHistory history,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.terms = terms;
        this.access = access;
        this.history = history;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    void giveConsent(long personId, ConsentPurpose purpose, LocalDate givenOn, ConsentForm form, String document) {
        access.writablePathsOf(personId);
        Validation validation = new Validation();
        if (purpose == null) {
            validation.reject("purpose", "validation.required");
        }
        if (form == null) {
            validation.reject("form", "validation.required");
        }
        LocalDate date = givenOn == null ? today() : givenOn;
        if (date.isAfter(today())) {
            validation.reject("givenOn", "member.date.future");
        }
        validation.maxLength("document", document, 200);
        validation.throwIfInvalid();
        Instant now = clock.instant();
        terms.insertConsent(
                personId,
                purpose,
                date,
                form,
                RegistryRules.blankToNull(document),
                currentActor.get().accountId(),
                now);
        history.record(personId, "consent." + purpose, null, date.toString(), now);
        events.publishEvent(new MemberEvents.ConsentsChanged(personId));
    }

    /** The person's id. */
    long withdrawConsent(long consentId, LocalDate on) {
        long personId =
                terms.consentOwner(consentId).orElseThrow(() -> ProfkomException.notFound("member.consent.notFound"));
        access.writablePathsOf(personId);
        LocalDate date = on == null ? today() : on;
        Consent consent = terms.consents(personId).stream()
                .filter(c -> c.id() == consentId)
                .findFirst()
                .orElseThrow(() -> ProfkomException.notFound("member.consent.notFound"));
        Validation validation = new Validation();
        MembershipDates.checkWithdrawal(validation, "date", date, today(), consent.givenOn());
        validation.throwIfInvalid();
        Instant now = clock.instant();
        terms.withdrawConsent(consentId, date);
        // The purpose, as the cabinet records it: the history says which consent, not its row's number.
        history.record(personId, "consent.withdrawn", consent.purpose().name(), date.toString(), now);
        events.publishEvent(new MemberEvents.ConsentsChanged(personId));
        return personId;
    }

    void assignRole(long personId, long organizationId, UnionRole role, LocalDate from) {
        access.writablePathsOf(personId);
        access.writableAnyOrganization(organizationId);
        if (role == null) {
            throw ProfkomException.invalid("role", "validation.required");
        }
        LocalDate date = from == null ? today() : from;
        terms.insertRole(personId, organizationId, role, date);
        history.record(personId, "role", null, role.name(), clock.instant());
        events.publishEvent(new MemberEvents.UnionRolesChanged(personId, organizationId));
    }

    /** The person's id. */
    long endRole(long roleId, LocalDate on) {
        long personId = terms.roleOwner(roleId).orElseThrow(() -> ProfkomException.notFound("member.role.notFound"));
        access.writablePathsOf(personId);
        MemberRoleTerm term = terms.role(roleId).orElseThrow();
        LocalDate date = on == null ? today() : on;
        if (date.isBefore(term.startedOn())) {
            throw ProfkomException.invalid("date", "member.role.endBeforeStart");
        }
        terms.endRole(roleId, date);
        history.record(personId, "role", term.role().name(), "—", clock.instant());
        events.publishEvent(new MemberEvents.UnionRolesChanged(personId, term.organizationId()));
        return personId;
    }

    private LocalDate today() {
        return MoscowTime.today(clock);
    }
}
