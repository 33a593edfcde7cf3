package ru.profkom.crossposting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.TaskSource;
import ru.profkom.shared.WorkItem;

/**
 * Cross-posts given up on the home of the organization's staff, who edit its channels: for two weeks after
 * the last attempt, the time in which fixing the channel and posting again still makes sense.
 */
@Component
class CrossPostTasks implements TaskSource {

    static final String FAILED_CROSSPOST = "FAILED_CROSSPOST";
    static final Duration SHOWN_FOR = Duration.ofDays(14);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final CrossPosting crossPosting;
    private final Organizations organizations;
    private final MessageSource messages;

    CrossPostTasks(CrossPosting crossPosting, Organizations organizations, MessageSource messages) {
        this.crossPosting = crossPosting;
        this.organizations = organizations;
        this.messages = messages;
    }

    @Override
    public List<WorkItem> tasks(TaskScope scope) {
        List<WorkItem> items = new ArrayList<>();
        for (long organizationId : scope.organizationIds()) {
            List<Delivery> failed;
            try {
                failed = crossPosting.failedSince(organizationId, scope.now().minus(SHOWN_FOR), scope.limit());
            } catch (ProfkomException refused) {
                // Only those who edit the organization's card see its channels.
                continue;
            }
            if (failed.isEmpty()) {
                continue;
            }
            String name = organizations.get(organizationId).shortName();
            for (Delivery delivery : failed) {
                items.add(WorkItem.waiting(
                        FAILED_CROSSPOST,
                        delivery.id(),
                        delivery.title() + " — "
                                + messages.getMessage(delivery.kind().messageKey(), null, RUSSIAN),
                        organizationId,
                        name,
                        delivery.nextAttemptAt(),
                        "/orgs/" + organizationId + "/site/channels",
                        scope));
            }
        }
        return items;
    }
}
