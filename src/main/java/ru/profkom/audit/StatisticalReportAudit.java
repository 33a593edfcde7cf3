package ru.profkom.audit;

import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.statisticalreports.StatisticalReportEvents;

/** The audit log's entries for the yearly statistical report: one entry per event, written by {@link AuditWriter}. */
@Component
class StatisticalReportAudit {

    private final AuditWriter writer;

    StatisticalReportAudit(AuditWriter writer) {
        this.writer = writer;
    }

    // ---- yearly statistical reports ------------------------------------------------------------

    @ApplicationModuleListener
    void on(StatisticalReportEvents.StatisticalReportSaved event) {
        String lines = event.changes().stream()
                .map(change -> writer.russian(change.line().messageKey()) + ": " + number(change.before()) + " → "
                        + number(change.after())
                        + (change.corrected() ? " (" + writer.russian("statreport.source.HAND") + ")" : ""))
                .collect(Collectors.joining("; "));
        writer.record(
                event.actor(),
                AuditAction.STATISTICAL_REPORT_SAVED,
                event.organizationId(),
                event.path(),
                shortened(writer.russian("audit.details.statisticalReport", String.valueOf(event.year())) + ": "
                        + lines));
    }

    @ApplicationModuleListener
    void on(StatisticalReportEvents.StatisticalReportSubmitted event) {
        writer.record(
                event.actor(),
                AuditAction.STATISTICAL_REPORT_SUBMITTED,
                event.organizationId(),
                event.path(),
                writer.russian("audit.details.statisticalReport", String.valueOf(event.year())) + " → "
                        + writer.nameOf(event.parentId()));
    }

    @ApplicationModuleListener
    void on(StatisticalReportEvents.StatisticalReportAccepted event) {
        writer.record(
                event.actor(),
                AuditAction.STATISTICAL_REPORT_ACCEPTED,
                event.organizationId(),
                event.path(),
                writer.russian("audit.details.statisticalReport", String.valueOf(event.year())));
    }

    @ApplicationModuleListener
    void on(StatisticalReportEvents.StatisticalReportReturned event) {
        writer.record(
                event.actor(),
                AuditAction.STATISTICAL_REPORT_RETURNED,
                event.organizationId(),
                event.path(),
                shortened(writer.russian("audit.details.statisticalReport", String.valueOf(event.year())) + ": "
                        + event.comment()));
    }

    private static String number(Long value) {
        return value == null ? "—" : String.valueOf(value);
    }

    /** Details fit the log's column of 4,000 characters. */
    private static String shortened(String details) {
        return details.length() <= 4000 ? details : details.substring(0, 3999) + "…";
    }
}
