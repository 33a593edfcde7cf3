package ru.profkom.workspace;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.WorkItem;

/**
 * The in-app notifications: the current person's tasks with what they marked read. A task stays a notification
 * until it is done (then its source no longer lists it) or marked read. No transaction around the sources: a
 * source that refuses an organization would mark a surrounding one rollback-only.
 */
@Service
public class Notifications {

    /** The bell and the list look at this many tasks: enough for a week of a region's work. */
    static final int SHOWN = 100;

    private final Workspace workspace;
    private final NotificationRepository repository;
    private final CurrentActor currentActor;
    private final Clock clock;

    Notifications(Workspace workspace, NotificationRepository repository, CurrentActor currentActor, Clock clock) {
        this.workspace = workspace;
        this.repository = repository;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    public record Notification(WorkItem item, boolean read) {}

    public List<Notification> mine() {
        long accountId = accountId();
        List<WorkItem> items = workspace.myTasks(SHOWN);
        var read =
                repository.readKeys(accountId, items.stream().map(WorkItem::key).toList());
        return items.stream()
                .map(item -> new Notification(item, read.contains(item.key())))
                .toList();
    }

    public int unreadCount() {
        return (int)
                mine().stream().filter(notification -> !notification.read()).count();
    }

    /** Marks one task read, or all of the current ones when the key is null. */
    public void markRead(String key) {
        long accountId = accountId();
        List<String> keys = workspace.myTasks(SHOWN).stream()
                .map(WorkItem::key)
                .filter(candidate -> key == null || candidate.equals(key))
                .toList();
        repository.markRead(accountId, keys, clock.instant());
    }

    public boolean digestEnabled() {
        return repository.digestEnabled(accountId());
    }

    public void setDigestEnabled(boolean enabled) {
        repository.setDigestEnabled(accountId(), enabled, clock.instant());
    }

    private long accountId() {
        Long accountId = currentActor.get().accountId();
        if (accountId == null) {
            throw ProfkomException.forbidden("access.denied");
        }
        return accountId;
    }
}
