package ru.profkom.mailings;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.MailingRecord;
import ru.profkom.mailings.MailingEvents.MailingRecipientsRead;
import ru.profkom.mailings.MailingEvents.MailingScheduled;
import ru.profkom.mailings.MailingLines.Line;
import ru.profkom.mailings.MailingLines.Preview;
import ru.profkom.mailings.MailingLines.RecipientLine;
import ru.profkom.mailings.MailingLines.SavedAudience;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.Validation;

/**
 * The mailings of an organization as its staff compose and follow them: drafts with an audience by the union's
 * structure and a text per channel, the audience counted per channel before sending, scheduling, and the report of
 * who received. Every call checks that the actor's scope covers the sender organization.
 */
@Service
@Transactional
public class Mailings {

    public static final int MAX_AUDIENCE_NAME = 120;

    private final MailingRepository repository;
    private final AudienceRepository audiences;
    private final Organizations organizations;
    private final SchedulerClient jobs;
    private final CustomTask<Long> sendTask;
    private final ApplicationEventPublisher events;
    private final CurrentActor currentActor;
    private final ProfkomSettings settings;
    private final Clock clock;

    Mailings(
            MailingRepository repository,
            AudienceRepository audiences,
            Organizations organizations,
            SchedulerClient jobs,
            CustomTask<Long> mailingSendTask,
            ApplicationEventPublisher events,
            CurrentActor currentActor,
            ProfkomSettings settings,
            Clock clock) {
        this.repository = repository;
        this.audiences = audiences;
        this.organizations = organizations;
        this.jobs = jobs;
        this.sendTask = mailingSendTask;
        this.events = events;
        this.currentActor = currentActor;
        this.settings = settings;
        this.clock = clock;
    }

    /** The sender organization's path, after checking the actor's scope covers it. */
    private String pathCovered(long organizationId) {
        String path = organizations
                .pathOf(organizationId)
                .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
        if (!organizations.scope().covers(path)) {
            throw ProfkomException.forbidden("mailing.forbidden");
        }
        return path;
    }

    private MailingRecord mailing(long mailingId) {
        MailingRecord row = repository.find(mailingId).orElseThrow(() -> ProfkomException.notFound("mailing.notFound"));
        pathCovered(row.getOrganizationId());
        return row;
    }

    private MailingRecord draft(long mailingId) {
        MailingRecord row = mailing(mailingId);
        MailingStatus.valueOf(row.getStatus()).afterEdit();
        return row;
    }

    @Transactional(readOnly = true)
    public boolean canSend(long organizationId) {
        return organizations
                .pathOf(organizationId)
                .map(path -> organizations.scope().covers(path))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public Page<Line> list(long organizationId, MailingStatus status, PageRequest page) {
        pathCovered(organizationId);
        return repository.page(organizationId, status, page);
    }

    @Transactional(readOnly = true)
    public MailingView get(long mailingId) {
        return repository.view(mailing(mailingId));
    }

    public long createDraft(long organizationId, MailingForm form) {
        pathCovered(organizationId);
        checkDraft(form);
        return repository.insert(organizationId, form, currentActor.get().accountId(), clock.instant());
    }

    public void updateDraft(long mailingId, MailingForm form) {
        draft(mailingId);
        checkDraft(form);
        repository.update(mailingId, form, clock.instant());
    }

    public void deleteDraft(long mailingId) {
        draft(mailingId);
        repository.deleteDraft(mailingId);
    }

    private static void checkDraft(MailingForm form) {
        Validation validation = new Validation();
        validation.required("title", form.title()).maxLength("title", form.title(), MailingRules.MAX_TITLE);
        form.audience().check(validation);
        validation.throwIfInvalid();
    }

    /** How far an audience reaches now on the chosen channels, for the live count of the form. */
    @Transactional(readOnly = true)
    public AudienceReach reach(long organizationId, Audience audience, Set<Channel> channels, Delivery delivery) {
        String path = pathCovered(organizationId);
        Validation validation = new Validation();
        audience.check(validation);
        validation.throwIfInvalid();
        return audiences.reach(path, audience, channels, delivery, today());
    }

    /**
     * Schedules a draft: its rules checked against the audience as it stands now, the send job planned for the
     * chosen start. The audience is resolved into outbox rows when sending starts.
     */
    public MailingView schedule(long mailingId) {
        MailingRecord row = draft(mailingId);
        MailingForm form = repository.form(row);
        String path = pathCovered(row.getOrganizationId());
        AudienceReach reach =
                audiences.reach(path, form.audience(), form.texts().keySet(), form.delivery(), today());
        Instant now = clock.instant();
        MailingRules.checkForSchedule(
                new MailingDraft(
                        form.title(),
                        form.subject(),
                        form.texts(),
                        form.html(),
                        reach.messages(),
                        form.sendAt(),
                        form.windowStart(),
                        form.windowEnd(),
                        repository.attachmentSizes(mailingId)),
                now,
                settings.mailings().attachmentLimitBytes());
        MailingStatus status = MailingStatus.DRAFT.afterSchedule();
        if (!repository.changeStatus(mailingId, MailingStatus.DRAFT, status, now)) {
            throw ProfkomException.conflict("mailing.changedMeanwhile");
        }
        Instant start = form.sendAt() == null ? now : form.sendAt();
        jobs.scheduleIfNotExists(sendTask.instance(String.valueOf(mailingId), mailingId), start);
        events.publishEvent(new MailingScheduled(
                mailingId, row.getOrganizationId(), path, form.title(), reach.messages(), currentActor.get()));
        return repository.view(repository.find(mailingId).orElseThrow());
    }

    /**
     * The mailing as the first people of its audience would receive it (or as a placeholder person when the
     * audience is empty), up to {@code samples} of them, so the sender checks the personalisation.
     */
    @Transactional(readOnly = true)
    public List<Preview> preview(long mailingId, int samples) {
        MailingRecord row = mailing(mailingId);
        MailingForm form = repository.form(row);
        String path = pathCovered(row.getOrganizationId());
        List<AudienceRepository.Sample> people =
                audiences.sample(path, form.audience(), Math.max(1, Math.min(samples, 20)), today());
        if (people.isEmpty()) {
            return List.of(preview(null, form, Map.of()));
        }
        return people.stream()
                .map(person -> preview(person.personId(), form, person.values()))
                .toList();
    }

    private static Preview preview(Long personId, MailingForm form, Map<Placeholder, String> values) {
        Map<Channel, String> texts = new EnumMap<>(Channel.class);
        form.texts().forEach((channel, text) -> texts.put(channel, Personalisation.render(text, values, false)));
        return new Preview(
                personId,
                values.getOrDefault(Placeholder.FULL_NAME, ""),
                Personalisation.render(form.subject(), values, false),
                Personalisation.render(form.html(), values, true),
                texts);
    }

    /**
     * Who the mailing went to and how it went, an audited read of names and addresses (not read-only: the
     * audit's event is stored in the same transaction).
     */
    public Page<RecipientLine> recipients(long mailingId, List<OutboxStatus> statuses, PageRequest page) {
        MailingRecord row = mailing(mailingId);
        String path = pathCovered(row.getOrganizationId());
        events.publishEvent(new MailingRecipientsRead(mailingId, row.getOrganizationId(), path, currentActor.get()));
        return repository.recipients(mailingId, statuses, page);
    }

    /**
     * Every recipient of the statuses, for the export: one audited read however many rows, read a page at a time.
     */
    public void exportRecipients(
            long mailingId, List<OutboxStatus> statuses, java.util.function.Consumer<RecipientLine> rows) {
        MailingRecord row = mailing(mailingId);
        String path = pathCovered(row.getOrganizationId());
        events.publishEvent(new MailingRecipientsRead(mailingId, row.getOrganizationId(), path, currentActor.get()));
        for (int number = 0; ; number++) {
            Page<RecipientLine> page =
                    repository.recipients(mailingId, statuses, new PageRequest(number, PageRequest.MAX_SIZE));
            page.items().forEach(rows);
            if (!page.hasNext()) {
                return;
            }
        }
    }

    public long addAttachment(long mailingId, String fileName, String contentType, byte[] content) {
        draft(mailingId);
        long limit = settings.mailings().attachmentLimitBytes();
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.strip();
        if (content.length == 0) {
            throw ProfkomException.invalid("attachment", "mailing.attachment.empty");
        }
        if (content.length > limit || repository.attachmentBytes(mailingId) + content.length > limit) {
            throw ProfkomException.invalid("attachment", "mailing.attachment.tooLarge", name, limit / 1024 / 1024);
        }
        return repository.addAttachment(
                mailingId,
                name.length() > 200 ? name.substring(name.length() - 200) : name,
                contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType,
                content);
    }

    public void removeAttachment(long mailingId, long attachmentId) {
        draft(mailingId);
        if (!repository.removeAttachment(mailingId, attachmentId)) {
            throw ProfkomException.notFound("mailing.attachment.notFound");
        }
    }

    @Transactional(readOnly = true)
    public List<SavedAudience> savedAudiences(long organizationId) {
        pathCovered(organizationId);
        return repository.savedAudiences(organizationId);
    }

    public long saveAudience(long organizationId, String name, Audience audience) {
        pathCovered(organizationId);
        Validation validation = new Validation();
        validation.required("audienceName", name).maxLength("audienceName", name, MAX_AUDIENCE_NAME);
        audience.check(validation);
        validation.throwIfInvalid();
        return repository.saveAudience(
                organizationId, name.strip(), audience, currentActor.get().accountId(), clock.instant());
    }

    public void deleteAudience(long organizationId, long audienceId) {
        pathCovered(organizationId);
        if (!repository.deleteAudience(organizationId, audienceId)) {
            throw ProfkomException.notFound("mailing.audience.notFound");
        }
    }

    private LocalDate today() {
        return MoscowTime.today(clock);
    }
}
