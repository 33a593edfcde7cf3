package ru.profkom.statisticalreports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.TaskSource;
import ru.profkom.shared.WorkItem;

/**
 * The yearly report on the home: the organization's own report while it is not submitted, and, for a higher
 * organization, the children that have not submitted theirs (who is late), each with the deadline.
 */
@Component
class ReportTasks implements TaskSource {

    static final String REPORT_DUE = "REPORT_DUE";
    static final String REPORT_LATE = "REPORT_LATE";

    private final StatisticalReports reports;
    private final StatisticalReportRepository repository;
    private final Organizations organizations;

    ReportTasks(StatisticalReports reports, StatisticalReportRepository repository, Organizations organizations) {
        this.reports = reports;
        this.repository = repository;
        this.organizations = organizations;
    }

    @Override
    public List<WorkItem> tasks(TaskScope scope) {
        int year = reports.defaultYear();
        LocalDate deadline = reports.deadline(year);
        String title = String.valueOf(year);
        List<WorkItem> items = new ArrayList<>();
        for (long organizationId : scope.organizationIds()) {
            try {
                Organization organization = organizations.get(organizationId);
                if (!organization.active()
                        || !RegistryFigures.reports(organization.kind())
                        || !organizations.canEdit(organizationId)) {
                    continue;
                }
                ReportStatus status = repository
                        .find(organizationId, year)
                        .map(StatisticalReportRepository.Stored::status)
                        .orElse(ReportStatus.NOT_STARTED);
                if (status.editable() && organization.parentId() != null) {
                    items.add(WorkItem.due(
                            REPORT_DUE,
                            organizationId + "-" + year,
                            title,
                            organizationId,
                            organization.shortName(),
                            MoscowTime.startOf(deadline),
                            deadline,
                            "/orgs/" + organizationId + "/statistical-report?year=" + year,
                            scope));
                }
                for (OrganizationReportStatus child : reports.children(
                                organizationId, year, StatusFilter.NOT_SUBMITTED, null, scope.firstPage())
                        .items()) {
                    items.add(WorkItem.due(
                            REPORT_LATE,
                            child.organizationId() + "-" + year,
                            title,
                            child.organizationId(),
                            child.name(),
                            child.updatedAt() == null ? MoscowTime.startOf(deadline) : child.updatedAt(),
                            deadline,
                            "/orgs/" + organizationId + "/statistical-report?year=" + year + "&status=NOT_SUBMITTED",
                            scope));
                }
            } catch (ProfkomException refused) {
                // Outside the actor's reach, or no report of that kind: nothing to do here.
            }
        }
        return items;
    }
}
