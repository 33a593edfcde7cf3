package ru.profkom.mailings;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Scope;

/**
 * What staff do with a mailing under way: pause, resume, cancel, and put failed (and, explicitly, unknown) rows
 * back in the queue. Only staff whose scope covers the sender organization may; each change follows
 * {@link MailingStatus} and (re)schedules the send job where there is work.
 */
@Service
public class MailingControl {

    private final OutboxRepository outbox;
    private final Organizations organizations;
    private final SchedulerClient jobs;
    private final CustomTask<Long> sendTask;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ru.profkom.shared.CurrentActor currentActor;

    MailingControl(
            OutboxRepository outbox,
            Organizations organizations,
            SchedulerClient jobs,
            CustomTask<Long> mailingSendTask,
            org.springframework.context.ApplicationEventPublisher events,
            ru.profkom.shared.CurrentActor currentActor,
            Clock clock) {
        this.events = events;
        this.currentActor = currentActor;
        this.outbox = outbox;
        this.organizations = organizations;
        this.jobs = jobs;
        this.sendTask = mailingSendTask;
        this.clock = clock;
    }

    @Transactional
    public MailingStatus pause(Scope scope, long mailingId) {
        return change(scope, mailingId, "PAUSE", MailingStatus::afterPause);
    }

    @Transactional
    public MailingStatus resume(Scope scope, long mailingId) {
        MailingStatus status = change(scope, mailingId, "RESUME", MailingStatus::afterResume);
        startJob(mailingId);
        return status;
    }

    @Transactional
    public MailingStatus cancel(Scope scope, long mailingId) {
        return change(scope, mailingId, "CANCEL", MailingStatus::afterCancel);
    }

    /** Failed rows back in the queue; unknown ones only when the operator asks, knowing they may arrive twice. */
    @Transactional
    public int resend(Scope scope, long mailingId, boolean includeUnknown) {
        MailingStatus status = change(scope, mailingId, "RESEND", MailingStatus::afterResend);
        int requeued = outbox.resend(mailingId, includeUnknown);
        if (status.active()) {
            startJob(mailingId);
        }
        return requeued;
    }

    private MailingStatus change(Scope scope, long mailingId, String change, UnaryOperator<MailingStatus> transition) {
        long organizationId =
                outbox.organizationOf(mailingId).orElseThrow(() -> ProfkomException.notFound("mailing.notFound"));
        String path =
                organizations.pathOf(organizationId).orElseThrow(() -> ProfkomException.notFound("mailing.notFound"));
        if (!scope.covers(path)) {
            throw ProfkomException.forbidden("mailing.forbidden");
        }
        OutboxRepository.MailingToSend mailing = outbox.mailing(mailingId).orElseThrow();
        MailingStatus before = mailing.status();
        MailingStatus after = transition.apply(before);
        if (after != before && !outbox.changeStatus(mailingId, before, after, clock.instant())) {
            throw ProfkomException.conflict("mailing.changedMeanwhile");
        }
        events.publishEvent(new MailingEvents.MailingControlled(
                mailingId, organizationId, path, mailing.title(), change, currentActor.get()));
        return after;
    }

    private void startJob(long mailingId) {
        jobs.scheduleIfNotExists(sendTask.instance(String.valueOf(mailingId), mailingId), clock.instant());
    }
}
