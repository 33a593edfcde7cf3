package ru.profkom.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.TaskSource;
import ru.profkom.shared.WorkItem;

/** Visitors' messages through the organization's public page on the home, for two weeks after they came. */
@Component
class FeedbackTasks implements TaskSource {

    static final String FEEDBACK = "FEEDBACK";
    static final Duration SHOWN_FOR = Duration.ofDays(14);

    private final PortalSites sites;
    private final Organizations organizations;

    FeedbackTasks(PortalSites sites, Organizations organizations) {
        this.sites = sites;
        this.organizations = organizations;
    }

    @Override
    public List<WorkItem> tasks(TaskScope scope) {
        List<Feedback> messages = new ArrayList<>();
        for (long organizationId : scope.organizationIds()) {
            try {
                sites.feedback(organizationId, scope.firstPage()).items().stream()
                        .filter(message -> message.createdAt().plus(SHOWN_FOR).isAfter(scope.now()))
                        .forEach(messages::add);
            } catch (ProfkomException refused) {
                // Only the page's editors read its feedback.
            }
        }
        Map<Long, String> names = organizations.shortNames(
                messages.stream().map(Feedback::organizationId).distinct().toList());
        return messages.stream()
                .map(message -> WorkItem.notice(
                        FEEDBACK,
                        message.id(),
                        message.authorName(),
                        message.organizationId(),
                        names.get(message.organizationId()),
                        message.createdAt(),
                        "/orgs/" + message.organizationId() + "/site#feedback"))
                .toList();
    }
}
