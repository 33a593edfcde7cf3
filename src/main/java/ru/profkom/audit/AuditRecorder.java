package ru.profkom.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.accounts.AccountEvents;
import ru.profkom.indicators.IndicatorEvents;
import ru.profkom.members.MemberEvents;
import ru.profkom.organizations.OrganizationEvents;
import ru.profkom.organizations.Organizations;
import ru.profkom.portal.PortalEvents;
import ru.profkom.publications.PublicationEvents;
import ru.profkom.settings.SettingsEvents;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.statisticalreports.StatisticalReportEvents;

/**
 * Writes one audit entry per event. Listeners run after the change committed, through Modulith's
 * publication registry, so an entry is retried rather than lost when writing it fails.
 */
@Component
class AuditRecorder {

    private final AuditRepository repository;
    private final Organizations organizations;
    private final Clock clock;
    private final MessageSource messages;

    AuditRecorder(AuditRepository repository, Organizations organizations, Clock clock, MessageSource messages) {
        this.repository = repository;
        this.organizations = organizations;
        this.clock = clock;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationCreated event) {
        record(
                event.actor(),
                "ORGANIZATION_CREATED",
                event.organizationId(),
                event.path(),
                event.code() + " " + event.shortName());
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationUpdated event) {
        String details = event.changes().stream()
                .map(c -> russian("organization.field." + c.field()) + ": «" + c.oldValue() + "» → «" + c.newValue()
                        + "»")
                .collect(Collectors.joining("; "));
        record(event.actor(), "ORGANIZATION_UPDATED", event.organizationId(), event.path(), details);
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationMoved event) {
        repository.repath(event.oldPath(), event.newPath());
        record(
                event.actor(),
                "ORGANIZATION_MOVED",
                event.organizationId(),
                event.newPath(),
                russian(
                        "audit.details.moved",
                        nameOf(event.oldParentId()),
                        nameOf(event.newParentId()),
                        event.subtreeSize()));
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationsMerged event) {
        String details = nameOf(event.sourceId()) + " → " + nameOf(event.targetId());
        record(event.actor(), "ORGANIZATIONS_MERGED", event.sourceId(), event.sourcePath(), details);
        record(event.actor(), "ORGANIZATIONS_MERGED", event.targetId(), event.targetPath(), details);
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationLiquidated event) {
        record(
                event.actor(),
                "ORGANIZATION_LIQUIDATED",
                event.organizationId(),
                event.path(),
                String.valueOf(event.liquidatedOn()));
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.BodyAttached event) {
        record(event.actor(), "BODY_ATTACHED", event.organizationId(), event.path(), event.name());
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.BodyDetached event) {
        record(event.actor(), "BODY_DETACHED", event.organizationId(), event.path(), event.name());
    }

    @ApplicationModuleListener
    void on(OrganizationEvents.OrganizationsLoaded event) {
        record(event.actor(), "ORGANIZATIONS_LOADED", null, null, String.valueOf(event.count()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.SignedIn event) {
        repository.insert(
                clock.instant(),
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                "SIGNED_IN",
                event.organizationId(),
                pathOf(event.organizationId()),
                "ACCOUNT",
                event.accountId(),
                null);
    }

    @ApplicationModuleListener
    void on(AccountEvents.SignInFailed event) {
        repository.insert(
                clock.instant(),
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                event.locked() ? "SIGN_IN_WHILE_LOCKED" : "SIGN_IN_FAILED",
                event.organizationId(),
                pathOf(event.organizationId()),
                "ACCOUNT",
                event.accountId(),
                null);
    }

    @ApplicationModuleListener
    void on(AccountEvents.AccountLocked event) {
        repository.insert(
                clock.instant(),
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                "ACCOUNT_LOCKED",
                event.organizationId(),
                pathOf(event.organizationId()),
                "ACCOUNT",
                event.accountId(),
                null);
    }

    @ApplicationModuleListener
    void on(AccountEvents.AccountCreated event) {
        recordAbout(
                event.actor(), "ACCOUNT_CREATED", event.organizationId(), "ACCOUNT", event.accountId(), event.login());
    }

    @ApplicationModuleListener
    void on(AccountEvents.RoleGranted event) {
        recordAbout(
                event.actor(),
                "ROLE_GRANTED",
                event.organizationId(),
                "ROLE_GRANT",
                event.grantId(),
                event.login() + ": " + russian(event.role().messageKey()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.RoleRevoked event) {
        recordAbout(
                event.actor(),
                "ROLE_REVOKED",
                event.organizationId(),
                "ROLE_GRANT",
                event.grantId(),
                event.login() + ": " + russian(event.role().messageKey()));
    }

    @ApplicationModuleListener
    void on(AccountEvents.PasswordResetRequested event) {
        repository.insert(
                clock.instant(),
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                "PASSWORD_RESET_REQUESTED",
                event.organizationId(),
                pathOf(event.organizationId()),
                "ACCOUNT",
                event.accountId(),
                null);
    }

    @ApplicationModuleListener
    void on(AccountEvents.PasswordChanged event) {
        repository.insert(
                clock.instant(),
                event.accountId(),
                event.login(),
                event.remoteAddress(),
                "PASSWORD_CHANGED",
                event.organizationId(),
                pathOf(event.organizationId()),
                "ACCOUNT",
                event.accountId(),
                null);
    }

    // ---- member registry: ids and counts only, never names, SNILS or phones ---------------------

    @ApplicationModuleListener
    void on(MemberEvents.MemberJoined event) {
        recordMember(
                event.actor(),
                "MEMBER_JOINED",
                event.organizationId(),
                event.organizationPath(),
                event.personId(),
                "членство " + event.membershipId());
    }

    @ApplicationModuleListener
    void on(MemberEvents.MemberExited event) {
        recordMember(
                event.actor(),
                "MEMBER_EXITED",
                event.organizationId(),
                event.organizationPath(),
                event.personId(),
                "членство " + event.membershipId() + ": "
                        + russian(event.reason().messageKey()));
    }

    @ApplicationModuleListener
    void on(MemberEvents.MemberTransferred event) {
        String details = "членство " + event.fromMembershipId() + " → " + event.toMembershipId() + "; "
                + nameOf(event.fromOrganizationId()) + " → " + nameOf(event.toOrganizationId());
        // Filed under both organizations, so that the administrators of each read it.
        recordMember(
                event.actor(),
                "MEMBER_TRANSFERRED",
                event.fromOrganizationId(),
                pathOf(event.fromOrganizationId()),
                event.personId(),
                details);
        recordMember(
                event.actor(),
                "MEMBER_TRANSFERRED",
                event.toOrganizationId(),
                pathOf(event.toOrganizationId()),
                event.personId(),
                details);
    }

    @ApplicationModuleListener
    void on(MemberEvents.MemberUpdated event) {
        recordMember(
                event.actor(),
                "MEMBER_UPDATED",
                event.organizationId(),
                event.organizationPath(),
                event.personId(),
                russian("audit.details.changedFields", event.changedFields()));
    }

    /** One entry per applied chunk of an import: counts, never the people. */
    @ApplicationModuleListener
    void on(MemberEvents.MembersImported event) {
        record(
                event.actor(),
                "MEMBERS_IMPORTED",
                event.organizationId(),
                event.organizationPath(),
                russian("audit.details.imported", event.importId(), event.joined(), event.updated()));
    }

    @ApplicationModuleListener
    void on(MemberEvents.MemberDataRead event) {
        String action = switch (event.what()) {
            case "HISTORY" -> "MEMBER_HISTORY_READ";
            case "ACTIVISTS" -> "ACTIVISTS_READ";
            case "IMPORT_ERRORS" -> "IMPORT_ERRORS_READ";
            case "APPLICATIONS" -> "JOIN_APPLICATIONS_READ";
            case "CORRECTIONS" -> "CORRECTIONS_READ";
            case "EXPORT" -> "MEMBERS_EXPORTED";
            default -> event.personId() == null ? "MEMBERS_EXPORTED" : "MEMBER_CARD_READ";
        };
        if (event.personId() == null) {
            record(event.actor(), action, event.organizationId(), event.organizationPath(), null);
        } else {
            recordMember(
                    event.actor(), action, event.organizationId(), event.organizationPath(), event.personId(), null);
        }
    }

    @ApplicationModuleListener
    void on(MemberEvents.MembersExported event) {
        record(
                event.actor(),
                "MEMBERS_EXPORTED",
                event.organizationId(),
                event.organizationPath(),
                russian(
                        "audit.details.exported",
                        russian("audit.export." + event.content()),
                        event.format(),
                        event.rows()));
    }

    @ApplicationModuleListener
    void on(MemberEvents.ActivistsSubmitted event) {
        record(
                event.actor(),
                "ACTIVISTS_SUBMITTED",
                event.organizationId(),
                event.organizationPath(),
                russian(
                        "audit.details.activistsSubmitted",
                        String.valueOf(event.year()),
                        event.version(),
                        event.rows()));
    }

    @ApplicationModuleListener
    void on(MemberEvents.ActivistSnapshotRead event) {
        record(
                event.actor(),
                "ACTIVIST_SNAPSHOT_READ",
                event.organizationId(),
                event.organizationPath(),
                russian("audit.details.activistSnapshot", String.valueOf(event.year()), event.version()));
    }

    // ---- information-work indicators and the rating -------------------------------------------

    @ApplicationModuleListener
    void on(IndicatorEvents.IndicatorDataSaved event) {
        String fields = java.util.Arrays.stream(event.fields().split(","))
                .map(field -> russian("indicator.field." + field))
                .collect(Collectors.joining(", "));
        record(event.actor(), "INDICATORS_SAVED", event.organizationId(), event.path(), event.period() + ": " + fields);
    }

    @ApplicationModuleListener
    void on(IndicatorEvents.ChannelAdded event) {
        record(
                event.actor(),
                "INDICATOR_CHANNEL_ADDED",
                event.organizationId(),
                event.path(),
                event.period() + ": " + event.description());
    }

    @ApplicationModuleListener
    void on(IndicatorEvents.ChannelRemoved event) {
        record(
                event.actor(),
                "INDICATOR_CHANNEL_REMOVED",
                event.organizationId(),
                event.path(),
                event.period() + ": " + event.description());
    }

    @ApplicationModuleListener
    void on(IndicatorEvents.RatingWeightsChanged event) {
        String weights = event.weights().stream()
                .filter(line -> line.weight() > 0)
                .map(line -> russian(line.nameKey()) + " " + line.weight() + " %")
                .collect(Collectors.joining(", "));
        record(event.actor(), "RATING_WEIGHTS_CHANGED", event.organizationId(), event.path(), weights);
    }

    @ApplicationModuleListener
    void on(IndicatorEvents.InfoReportSent event) {
        record(
                event.actor(),
                "INFO_REPORT_SENT",
                event.organizationId(),
                event.path(),
                event.period() + " → " + nameOf(event.parentId()));
    }

    // ---- yearly statistical reports ------------------------------------------------------------

    @ApplicationModuleListener
    void on(StatisticalReportEvents.StatisticalReportSaved event) {
        String lines = event.changes().stream()
                .map(change -> russian(change.line().messageKey()) + ": " + number(change.before()) + " → "
                        + number(change.after())
                        + (change.corrected() ? " (" + russian("statreport.source.HAND") + ")" : ""))
                .collect(Collectors.joining("; "));
        record(
                event.actor(),
                "STATISTICAL_REPORT_SAVED",
                event.organizationId(),
                event.path(),
                shortened(russian("audit.details.statisticalReport", String.valueOf(event.year())) + ": " + lines));
    }

    @ApplicationModuleListener
    void on(StatisticalReportEvents.StatisticalReportSubmitted event) {
        record(
                event.actor(),
                "STATISTICAL_REPORT_SUBMITTED",
                event.organizationId(),
                event.path(),
                russian("audit.details.statisticalReport", String.valueOf(event.year())) + " → "
                        + nameOf(event.parentId()));
    }

    @ApplicationModuleListener
    void on(StatisticalReportEvents.StatisticalReportAccepted event) {
        record(
                event.actor(),
                "STATISTICAL_REPORT_ACCEPTED",
                event.organizationId(),
                event.path(),
                russian("audit.details.statisticalReport", String.valueOf(event.year())));
    }

    @ApplicationModuleListener
    void on(StatisticalReportEvents.StatisticalReportReturned event) {
        record(
                event.actor(),
                "STATISTICAL_REPORT_RETURNED",
                event.organizationId(),
                event.path(),
                shortened(russian("audit.details.statisticalReport", String.valueOf(event.year())) + ": "
                        + event.comment()));
    }

    private static String number(Long value) {
        return value == null ? "—" : String.valueOf(value);
    }

    /** Details fit the log's column of 4,000 characters. */
    private static String shortened(String details) {
        return details.length() <= 4000 ? details : details.substring(0, 3999) + "…";
    }

    // ---- publications ----------------------------------------------------------------------

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationSaved event) {
        record(event.actor(), "PUBLICATION_SAVED", event.organizationId(), event.organizationPath(), event.title());
    }

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationPublished event) {
        record(event.actor(), "PUBLICATION_PUBLISHED", event.organizationId(), event.organizationPath(), event.title());
    }

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationUnpublished event) {
        record(
                event.actor(),
                "PUBLICATION_UNPUBLISHED",
                event.organizationId(),
                event.organizationPath(),
                "#" + event.publicationId());
    }

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationSentUpward event) {
        record(
                event.actor(),
                "PUBLICATION_SENT_UPWARD",
                event.toOrganizationId(),
                event.toOrganizationPath(),
                nameOf(event.fromOrganizationId()) + " → " + nameOf(event.toOrganizationId()) + " · "
                        + russian("route.purpose." + event.purpose().name()));
    }

    @ApplicationModuleListener
    void on(PublicationEvents.PublicationRouteHandled event) {
        record(
                event.actor(),
                "PUBLICATION_ROUTE_HANDLED",
                event.organizationId(),
                event.organizationPath(),
                "#" + event.publicationId() + " · "
                        + russian("route.status." + event.status().name()));
    }

    @ApplicationModuleListener
    void on(PublicationEvents.InfoPackageSent event) {
        record(
                event.actor(),
                "INFO_PACKAGE_SENT",
                event.organizationId(),
                event.organizationPath(),
                event.title() + " · " + event.recipients());
    }

    private void recordMember(
            Actor actor, String action, long organizationId, String path, long personId, String details) {
        repository.insert(
                clock.instant(),
                actor.accountId(),
                actor.login(),
                actor.remoteAddress(),
                action,
                organizationId,
                path,
                "PERSON",
                personId,
                details);
    }

    @ApplicationModuleListener
    void on(PortalEvents.FeedbackRead event) {
        record(event.actor(), "FEEDBACK_READ", event.organizationId(), event.path(), null);
    }

    @ApplicationModuleListener
    void on(PortalEvents.SiteUpdated event) {
        record(event.actor(), "SITE_UPDATED", event.organizationId(), event.path(), "/" + event.slug());
    }

    @ApplicationModuleListener
    void on(PortalEvents.SiteDocumentAdded event) {
        record(event.actor(), "SITE_DOCUMENT_ADDED", event.organizationId(), event.path(), event.title());
    }

    @ApplicationModuleListener
    void on(PortalEvents.SiteDocumentRemoved event) {
        record(event.actor(), "SITE_DOCUMENT_REMOVED", event.organizationId(), event.path(), event.title());
    }

    @ApplicationModuleListener
    void on(PortalEvents.JoinApplied event) {
        // The visitor's data stay in the registry; the log names only the membership.
        record(
                event.actor(),
                "JOIN_APPLIED",
                event.organizationId(),
                event.path(),
                event.membershipId() == null ? null : String.valueOf(event.membershipId()));
    }

    @ApplicationModuleListener
    void on(SettingsEvents.PublicAddressChanged event) {
        if (event.organizationId() == null) {
            return;
        }
        record(
                event.actor(),
                "PUBLIC_ADDRESS_CHANGED",
                event.organizationId(),
                pathOf(event.organizationId()),
                (event.oldAddress() == null ? "—" : event.oldAddress()) + " → "
                        + (event.newAddress() == null ? "—" : event.newAddress()));
    }

    @ApplicationModuleListener
    void on(PortalEvents.AlbumChanged event) {
        String action = switch (event.change()) {
            case CREATED -> "ALBUM_CREATED";
            case UPDATED -> "ALBUM_UPDATED";
            case PUBLISHED -> "ALBUM_PUBLISHED";
            case UNPUBLISHED -> "ALBUM_UNPUBLISHED";
            case DELETED -> "ALBUM_DELETED";
            case PHOTOS_ADDED -> "ALBUM_PHOTOS_ADDED";
            case PHOTO_CHANGED -> "ALBUM_PHOTO_CHANGED";
            case PHOTO_REMOVED -> "ALBUM_PHOTO_REMOVED";
        };
        record(
                event.actor(),
                action,
                event.organizationId(),
                event.path(),
                "«" + event.title() + "»" + (event.detail() == null ? "" : " · " + event.detail()));
    }

    private void record(Actor actor, String action, Long organizationId, String path, String details) {
        repository.insert(
                clock.instant(),
                actor.accountId(),
                actor.login(),
                actor.remoteAddress(),
                action,
                organizationId,
                path,
                "ORGANIZATION",
                organizationId,
                details);
    }

    private void recordAbout(
            Actor actor, String action, long organizationId, String targetType, long targetId, String details) {
        repository.insert(
                clock.instant(),
                actor.accountId(),
                actor.login(),
                actor.remoteAddress(),
                action,
                organizationId,
                pathOf(organizationId),
                targetType,
                targetId,
                details);
    }

    /** Entries are written once, in the union's language, so that any reader sees the same words. */
    private String russian(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.forLanguageTag("ru"));
    }

    private String nameOf(Long organizationId) {
        if (organizationId == null) {
            return "—";
        }
        return CurrentActor.asSystem(() -> organizations.shortNames(List.of(organizationId)))
                .getOrDefault(organizationId, String.valueOf(organizationId));
    }

    private String pathOf(Long organizationId) {
        return organizationId == null
                ? null
                : CurrentActor.asSystem(
                        () -> organizations.pathOf(organizationId).orElse(null));
    }
}
