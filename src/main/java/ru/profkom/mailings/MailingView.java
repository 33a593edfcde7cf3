package ru.profkom.mailings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mailing as its pages show it: the form it was composed with, where it stands and, once sending has started,
 * how many rows stand in each outbox status, in total and per channel.
 *
 * @param queuedAt when the audience was resolved into outbox rows (at the start of sending), or null
 */
public record MailingView(
        long id,
        long organizationId,
        MailingForm form,
        MailingStatus status,
        Long createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant queuedAt,
        Instant finishedAt,
        List<Attachment> attachments,
        Map<OutboxStatus, Long> totals,
        Map<Channel, Map<OutboxStatus, Long>> byChannel) {

    public MailingView {
        attachments = List.copyOf(attachments);
        totals = Map.copyOf(totals);
        byChannel = Map.copyOf(byChannel);
    }

    /** A file sent with every e-mail of the mailing. */
    public record Attachment(long id, String fileName, String contentType, long sizeBytes) {}

    public long total() {
        return totals.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(OutboxStatus status) {
        return totals.getOrDefault(status, 0L);
    }

    /** Rows settled one way or another, for the progress bar. */
    public long settled() {
        return total() - count(OutboxStatus.QUEUED) - count(OutboxStatus.SENDING);
    }

    public int percentSettled() {
        return total() == 0 ? 0 : (int) (settled() * 100 / total());
    }
}
