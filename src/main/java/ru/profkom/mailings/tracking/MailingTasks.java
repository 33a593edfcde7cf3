package ru.profkom.mailings.tracking;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.TaskSource;
import ru.profkom.shared.WorkItem;

/**
 * On the home of the sender organization's staff: each of its mailings with rows that failed (a refusal, a bounce)
 * or whose fate is unknown (a run died while sending), with how many; the mailing's page retries them.
 */
@Component
class MailingTasks implements TaskSource {

    static final String KIND = "MAILING_UNDELIVERED";

    private final MailingReports reports;
    private final Organizations organizations;

    MailingTasks(MailingReports reports, Organizations organizations) {
        this.reports = reports;
        this.organizations = organizations;
    }

    @Override
    public List<WorkItem> tasks(TaskScope scope) {
        List<WorkItem> items = new ArrayList<>();
        ru.profkom.shared.Scope access = organizations.scope();
        for (long organizationId : scope.organizationIds()) {
            List<MailingReports.MailingProblem> problems = reports.problems(access, organizationId, scope.limit());
            if (problems.isEmpty()) {
                continue;
            }
            String name = organizations.get(organizationId).shortName();
            for (MailingReports.MailingProblem problem : problems) {
                items.add(WorkItem.waiting(
                        KIND,
                        problem.mailingId(),
                        problem.title() + " — " + problem.rows(),
                        organizationId,
                        name,
                        problem.at(),
                        "/orgs/" + organizationId + "/mailings/" + problem.mailingId(),
                        scope));
            }
        }
        return items;
    }
}
