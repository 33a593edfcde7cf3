package ru.profkom.members;

import static profkom.schema.Tables.CONSENT;
import static profkom.schema.Tables.MEMBERSHIP;
import static profkom.schema.Tables.MEMBER_ROLE;
import static profkom.schema.Tables.PERSON;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Scope;
import ru.profkom.shared.Validation;

/**
 * The registry's side of the public portal: a visitor's application to join arrives as a membership
 * with status APPLICATION (with the visitor's consent to processing recorded), and a public page may
 * name only the leaders who consented to publication.
 */
@Service
@Transactional
public class JoinApplications {

    /** The history's author of what a visitor filed through a public page. */
    static final String PORTAL = "portal";

    /** A visitor of a public page, as the history and a transfer request name them. */
    private static final Actor VISITOR = new Actor(null, PORTAL, null, List.of(), false);

    private static final List<String> LEADER_ROLES =
            List.of(UnionRole.CHAIR.name(), UnionRole.DEPUTY_CHAIR.name(), UnionRole.INFO_WORKER.name());

    private final MemberRepository repository;
    private final Members members;
    private final Organizations organizations;
    private final DSLContext dsl;
    private final Clock clock;
    private final Registration registration;
    private final RegistryAccess access;
    private final MemberHistory history;
    private final PersonTermRepository terms;

    JoinApplications(
            MemberRepository repository,
            Members members,
            Organizations organizations,
            DSLContext dsl,
            Clock clock,
            Registration registration,
            RegistryAccess access,
            MemberHistory history,
            PersonTermRepository terms) {
        this.registration = registration;
        this.access = access;
        this.history = history;
        this.terms = terms;
        this.repository = repository;
        this.members = members;
        this.organizations = organizations;
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Files an application from a public page. A person already in the registry (same ФИО and birth
     * date) keeps their stored data — a visitor cannot overwrite anyone's — and one who is already a
     * member or has applied gets no second application. Returns the new membership's id, if any.
     */
    public Optional<Long> receive(long organizationId, PersonData data, boolean consentToProcessing) {
        Organization organization = CurrentActor.asSystem(() -> organizations.get(organizationId));
        if (!organization.active()
                || (organization.kind() != OrganizationKind.PRIMARY && organization.kind() != OrganizationKind.SHOP)) {
            throw ProfkomException.notFound("organization.notFound");
        }
        PersonData applicant = new PersonData(
                data.lastName(),
                data.firstName(),
                data.patronymic(),
                data.birthDate(),
                null,
                null,
                data.phone(),
                data.email(),
                data.position(),
                data.department());
        Validation validation = new Validation();
        if (data.birthDate() == null) {
            validation.reject("birthDate", "validation.required");
        }
        if (isBlank(data.phone()) && isBlank(data.email())) {
            validation.reject("phone", "member.application.contactRequired");
        }
        if (!consentToProcessing) {
            validation.reject("consent", "member.application.consentRequired");
        }
        PersonData clean;
        Instant now = clock.instant();
        LocalDate today = MoscowTime.dateOf(now);
        try {
            clean = RegistryRules.validate(applicant, today, null);
        } catch (ProfkomException e) {
            e.problems().forEach(p -> validation.reject(p.field(), p.messageKey(), p.arguments()));
            validation.throwIfInvalid();
            throw e;
        }
        validation.throwIfInvalid();
        // A visitor is no staff: the organization applied to stands for the scope.
        Registration.Found found = registration.find(clean, Scope.ofPaths(List.of(organization.path())));
        long personId;
        if (found.isNew()) {
            personId = registration.createPerson(clean, VISITOR, now);
        } else {
            personId = found.personId();
            // A person held or last registered outside the organization's subtree is neither changed nor shown to
            // it; the application becomes a transfer request (постановка на учёт) to that organization.
            if (found.meeting() != RegistryRules.Meeting.MAY_CHANGE) {
                registration.fileTransferRequest(
                        personId,
                        clean,
                        organization,
                        Category.WORKER,
                        today,
                        TransferSource.APPLICATION,
                        null,
                        null,
                        VISITOR,
                        now);
                return Optional.empty();
            }
            if (repository.currentMembership(personId).isPresent()) {
                return Optional.empty();
            }
            // The stored data stay: a visitor cannot overwrite anyone's.
        }
        long membershipId = registration.openMembership(
                personId,
                organization,
                RegistryRules.nameKey(clean),
                MembershipStatus.APPLICATION,
                Category.WORKER,
                today,
                null,
                VISITOR,
                now);
        terms.insertConsent(personId, ConsentPurpose.PROCESSING, today, ConsentForm.ELECTRONIC, "portal", null, now);
        history.record(personId, VISITOR, "consent." + ConsentPurpose.PROCESSING, null, today.toString(), now);
        return Optional.of(membershipId);
    }

    /** The applications waiting in an organization, for its staff (the registry checks access); audited. */
    public Page<MemberSummary> pending(long organizationId, PageRequest page) {
        Page<MemberSummary> found = members.search(
                new MemberQuery(null, organizationId, MembershipStatus.APPLICATION, null, null, null), page);
        access.auditRead(organizationId, "APPLICATIONS");
        return found;
    }

    /** Declines an application: the membership ends without ever having been current. */
    public void decline(long membershipId) {
        members.exit(membershipId, ExitReason.OWN_WISH, null);
    }

    /**
     * The chair, deputies and information workers of an organization who are current members of it (or of its
     * shops), hold a current consent to publication and have not withdrawn the one to processing: the only
     * persons a public page may name. A leader who left, or withdrew either consent, disappears at once. Public, so no access check.
     */
    @Transactional(readOnly = true)
    public List<PublicLeader> publicLeaders(long organizationId) {
        LocalDate today = MoscowTime.today(clock);
        return dsl.select(MEMBER_ROLE.ROLE, PERSON.LAST_NAME, PERSON.FIRST_NAME, PERSON.PATRONYMIC)
                .from(MEMBER_ROLE)
                .join(PERSON)
                .on(PERSON.ID.eq(MEMBER_ROLE.PERSON_ID))
                .where(MEMBER_ROLE.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_ROLE.ROLE.in(LEADER_ROLES))
                .and(MEMBER_ROLE.STARTED_ON.le(today))
                .and(MEMBER_ROLE.ENDED_ON.isNull().or(MEMBER_ROLE.ENDED_ON.gt(today)))
                .andExists(DSL.selectOne()
                        .from(MEMBERSHIP)
                        .where(MEMBERSHIP.PERSON_ID.eq(PERSON.ID))
                        .and(MEMBERSHIP.STATUS.in(MembershipStatus.ACTIVE.name(), MembershipStatus.SUSPENDED.name()))
                        // In the organization's subtree: its id is on the membership's path. Read per public view,
                        // so no lookup of the organization's own path first.
                        .and(MEMBERSHIP.ORGANIZATION_PATH.contains("/" + organizationId + "/")))
                .andExists(currentConsent(ConsentPurpose.PUBLICATION, today))
                // A withdrawn consent to processing forbids publishing too, until a new one is given.
                .and(DSL.notExists(DSL.selectOne()
                                .from(CONSENT)
                                .where(CONSENT.PERSON_ID.eq(PERSON.ID))
                                .and(CONSENT.PURPOSE.eq(ConsentPurpose.PROCESSING.name()))
                                .and(CONSENT.WITHDRAWN_ON.le(today)))
                        .orExists(currentConsent(ConsentPurpose.PROCESSING, today)))
                .orderBy(MEMBER_ROLE.ROLE, PERSON.LAST_NAME, PERSON.FIRST_NAME)
                .fetch(r -> new PublicLeader(
                        UnionRole.valueOf(r.value1()),
                        String.join(" ", r.value2(), r.value3(), r.value4() == null ? "" : r.value4())
                                .strip()));
    }

    private static org.jooq.Select<?> currentConsent(ConsentPurpose purpose, LocalDate today) {
        return DSL.selectOne()
                .from(CONSENT)
                .where(CONSENT.PERSON_ID.eq(PERSON.ID))
                .and(CONSENT.PURPOSE.eq(purpose.name()))
                .and(CONSENT.GIVEN_ON.le(today))
                .and(CONSENT.WITHDRAWN_ON.isNull().or(CONSENT.WITHDRAWN_ON.gt(today)));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** A leader as a public page shows them: the role and the full name, nothing else. */
    public record PublicLeader(UnionRole role, String fullName) {}
}
