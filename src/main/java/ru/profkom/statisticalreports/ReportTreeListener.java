package ru.profkom.statisticalreports;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.OrganizationEvents.OrganizationMoved;

/** Keeps the reports' copies of their organizations' paths current when a subtree moves. */
@Component
class ReportTreeListener {

    private final StatisticalReportRepository repository;

    ReportTreeListener(StatisticalReportRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(OrganizationMoved event) {
        repository.repath(event.oldPath(), event.newPath());
    }
}
