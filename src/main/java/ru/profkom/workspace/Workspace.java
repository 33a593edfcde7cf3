package ru.profkom.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.TaskSource;
import ru.profkom.shared.WorkItem;

/**
 * What is waiting for the current person, from every module's {@link TaskSource}: each source reads through its
 * module's facade, which checks the actor's access, so a person sees the tasks of their own subtrees only.
 */
@Service
public class Workspace {

    /** At most this many items come from one source for one organization: the home is a summary, not a list. */
    static final int PER_SOURCE_LIMIT = 20;

    private static final ZoneId MOSCOW = MoscowTime.ZONE;
    private static final Logger log = LoggerFactory.getLogger(Workspace.class);

    private final List<TaskSource> sources;
    private final CurrentActor currentActor;
    private final Clock clock;

    Workspace(List<TaskSource> sources, CurrentActor currentActor, Clock clock) {
        this.sources = List.copyOf(sources);
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The organizations where the current person holds a staff role: whose work the home lists. */
    public List<Long> staffOrganizations() {
        Actor actor = currentActor.get();
        return actor.grants().stream()
                .filter(grant -> grant.role().coversSubtree())
                .map(Grant::organizationId)
                .distinct()
                .toList();
    }

    /** The current person's tasks, the most urgent first, at most {@code limit}. */
    public List<WorkItem> myTasks(int limit) {
        List<Long> organizations = staffOrganizations();
        if (organizations.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        TaskScope scope = new TaskScope(organizations, now, LocalDate.ofInstant(now, MOSCOW), PER_SOURCE_LIMIT);
        Map<String, WorkItem> byKey = new LinkedHashMap<>();
        for (TaskSource source : sources) {
            List<WorkItem> items;
            try {
                items = source.tasks(scope);
            } catch (RuntimeException e) {
                // One module's failure must not take the whole home down; its tasks are missing until it is fixed.
                log.warn("Task source {} failed", source.getClass().getName(), e);
                continue;
            }
            items.forEach(item -> byKey.putIfAbsent(item.key(), item));
        }
        List<WorkItem> all = new ArrayList<>(byKey.values());
        all.sort(WorkOrder.MOST_URGENT_FIRST);
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }
}
