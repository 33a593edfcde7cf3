package ru.profkom.publications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.accounts.Accounts;
import ru.profkom.mail.MailOutbox;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.publications.PublicationEvents.InfoPackageOpened;
import ru.profkom.publications.PublicationEvents.InfoPackageSent;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.Role;
import ru.profkom.shared.Validation;

/**
 * Information packages sent down a subtree. The sender's editors see who opened them; a recipient
 * organization's first opening (by someone holding a role in it) is recorded once; recipients who
 * have not opened a package are reminded by e-mail to their info workers and chairs.
 */
@Service
@Transactional
public class InfoPackages {

    static final int DEFAULT_REMIND_AFTER_DAYS = 3;
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final Set<Role> NOTIFIED = Set.of(Role.INFO_WORKER, Role.CHAIR);

    private final PackageRepository repository;
    private final Attachments attachments;
    private final Organizations organizations;
    private final Accounts accounts;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PublicAddress publicAddress;

    InfoPackages(
            PackageRepository repository,
            Attachments attachments,
            Organizations organizations,
            Accounts accounts,
            MailOutbox outbox,
            MessageSource messages,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock,
            PublicAddress publicAddress) {
        this.repository = repository;
        this.attachments = attachments;
        this.organizations = organizations;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
        this.publicAddress = publicAddress;
    }

    public InfoPackage send(long organizationId, InfoPackageDraft draft) {
        Organization organization = editable(organizationId);
        Validation validation = new Validation();
        String title = draft.title() == null ? null : draft.title().strip();
        validation.required("title", title).maxLength("title", title, CleanDraft.TITLE_MAX);
        String html = SafeHtml.sanitize(draft.bodyHtml());
        if (SafeHtml.text(html).isBlank()) {
            validation.reject("body", "validation.required");
        }
        int remindAfter = draft.remindAfterDays() == null ? DEFAULT_REMIND_AFTER_DAYS : draft.remindAfterDays();
        validation.range("remindAfterDays", remindAfter, 0, PackageRepository.MAX_REMIND_DAYS);
        validation.throwIfInvalid();
        List<Long> recipients = organizations.activeDescendantIds(organizationId, draft.kinds());
        if (recipients.isEmpty()) {
            throw ProfkomException.invalid("kinds", "package.noRecipients");
        }
        Actor actor = currentActor.get();
        long id = repository.insert(
                organizationId,
                title,
                html,
                draft.kinds(),
                recipients,
                remindAfter,
                actor.accountId(),
                clock.instant());
        events.publishEvent(
                new InfoPackageSent(id, organizationId, organization.path(), title, recipients.size(), actor));
        return repository.find(id).map(this::named).orElseThrow();
    }

    public AttachmentRef addAttachment(long packageId, String fileName, byte[] data) {
        InfoPackage infoPackage = sentPackage(packageId);
        return attachments.store(infoPackage.organizationId(), null, packageId, fileName, data);
    }

    @Transactional(readOnly = true)
    public Page<InfoPackage> sent(long organizationId, PageRequest page) {
        editable(organizationId);
        return repository.sent(organizationId, page).map(this::named);
    }

    @Transactional(readOnly = true)
    public Page<InfoPackage> inbox(long organizationId, Boolean opened, PageRequest page) {
        organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return repository.inbox(organizationId, opened, page).map(this::named);
    }

    /**
     * Opens a package: to its sender's editors, or to the editors of a recipient organization. The
     * first opening by someone holding a role in a recipient organization itself is recorded for it.
     */
    public InfoPackage open(long packageId) {
        return open(packageId, null);
    }

    /**
     * Opens a package as above, or as it stands in the inbox of {@code recipientOrganizationId} to the staff of
     * that organization's subtree (a territorial organization reading what its primary ones received): read
     * only, no receipt recorded for them.
     */
    public InfoPackage open(long packageId, Long recipientOrganizationId) {
        InfoPackage infoPackage =
                repository.find(packageId).orElseThrow(() -> ProfkomException.notFound("package.notFound"));
        Actor actor = currentActor.get();
        List<Long> ownOrganizations = actor.grants().stream()
                .filter(g -> g.role().editsOrganizationCard())
                .map(Grant::organizationId)
                .distinct()
                .toList();
        List<Long> recipientsHeld = repository.recipientsAmong(packageId, ownOrganizations);
        boolean readsARecipientsInbox = recipientOrganizationId != null
                && !repository
                        .recipientsAmong(packageId, List.of(recipientOrganizationId))
                        .isEmpty()
                && organizations.canEdit(recipientOrganizationId);
        if (recipientsHeld.isEmpty()
                && !readsARecipientsInbox
                && !organizations.canEdit(infoPackage.organizationId())
                && !actor.system()) {
            throw ProfkomException.notFound("package.notFound");
        }
        Instant now = clock.instant();
        for (Long organizationId : recipientsHeld) {
            if (repository.markOpened(packageId, organizationId, actor.accountId(), actor.login(), now)) {
                events.publishEvent(new InfoPackageOpened(packageId, organizationId, actor));
            }
        }
        InfoPackage found = repository.find(packageId).orElseThrow();
        return new InfoPackage(
                found.id(),
                found.organizationId(),
                organizations.shortNames(Set.of(found.organizationId())).get(found.organizationId()),
                found.title(),
                found.bodyHtml(),
                found.kinds(),
                found.recipientCount(),
                found.openedCount(),
                found.remindAfterDays(),
                found.createdAt(),
                recipientsHeld.isEmpty() ? null : now,
                attachments.ofPackage(packageId));
    }

    @Transactional(readOnly = true)
    public boolean isSender(long packageId) {
        return repository
                .find(packageId)
                .map(p -> organizations.canEdit(p.organizationId()))
                .orElse(false);
    }

    /** Who opened the package, for its sender's editors: opened first (newest first), then the rest. */
    @Transactional(readOnly = true)
    public Page<Receipt> receipts(long packageId, Boolean opened, PageRequest page) {
        sentPackage(packageId);
        Page<Receipt> receipts = repository.receipts(packageId, opened, page);
        Map<Long, String> names = organizations.shortNames(
                receipts.items().stream().map(Receipt::organizationId).toList());
        return receipts.map(r -> new Receipt(
                r.organizationId(),
                names.get(r.organizationId()),
                r.firstOpenedAt(),
                r.firstOpenedBy(),
                r.remindedAt()));
    }

    /** Reminds the recipients that have not opened the package (not reminded within a day); returns how many. */
    public int remind(long packageId) {
        InfoPackage infoPackage = sentPackage(packageId);
        return remindUnopened(infoPackage);
    }

    /** The scheduled reminder: packages older than their delay whose recipients never opened them. */
    public int remindDue() {
        if (!currentActor.get().system()) {
            throw ProfkomException.forbidden("access.denied");
        }
        int reminded = 0;
        for (Long packageId : repository.dueForReminder(clock.instant(), 100)) {
            reminded += remindUnopened(repository.find(packageId).orElseThrow());
        }
        return reminded;
    }

    boolean readable(long packageId) {
        return repository
                .find(packageId)
                .map(p -> organizations.canEdit(p.organizationId())
                        || !repository
                                .recipientsAmong(
                                        packageId,
                                        currentActor.get().grants().stream()
                                                .filter(g -> g.role().editsOrganizationCard())
                                                .map(Grant::organizationId)
                                                .toList())
                                .isEmpty())
                .orElse(false);
    }

    private int remindUnopened(InfoPackage infoPackage) {
        Instant now = clock.instant();
        List<Long> claimed = repository.claimUnopened(infoPackage.id(), now.minus(Duration.ofDays(1)), now);
        if (claimed.isEmpty()) {
            return 0;
        }
        String sender =
                organizations.shortNames(Set.of(infoPackage.organizationId())).get(infoPackage.organizationId());
        String subject = messages.getMessage("package.reminder.subject", new Object[] {infoPackage.title()}, RUSSIAN);
        String body = messages.getMessage(
                "package.reminder.body",
                new Object[] {sender, infoPackage.title(), publicAddress.link("/packages/" + infoPackage.id())},
                RUSSIAN);
        List<String> addresses = new ArrayList<>();
        for (int from = 0; from < claimed.size(); from += 500) {
            addresses.addAll(accounts.emailsOfRoleHolders(
                    claimed.subList(from, Math.min(claimed.size(), from + 500)), NOTIFIED));
        }
        addresses.stream().distinct().forEach(address -> outbox.enqueue(address, subject, body));
        return claimed.size();
    }

    private InfoPackage sentPackage(long packageId) {
        InfoPackage infoPackage =
                repository.find(packageId).orElseThrow(() -> ProfkomException.notFound("package.notFound"));
        if (!organizations.canEdit(infoPackage.organizationId())) {
            if (readable(packageId)) {
                throw ProfkomException.forbidden("access.denied");
            }
            throw ProfkomException.notFound("package.notFound");
        }
        return infoPackage;
    }

    private Organization editable(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return organization;
    }

    private InfoPackage named(InfoPackage p) {
        String name = organizations.shortNames(Set.of(p.organizationId())).get(p.organizationId());
        return new InfoPackage(
                p.id(),
                p.organizationId(),
                name,
                p.title(),
                p.bodyHtml(),
                p.kinds(),
                p.recipientCount(),
                p.openedCount(),
                p.remindAfterDays(),
                p.createdAt(),
                p.openedAt(),
                p.attachments());
    }
}
