package ru.profkom.audit;

import java.util.stream.Collectors;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.indicators.IndicatorEvents;

/** The audit log's entries for indicators and the rating: one entry per event, written by {@link AuditWriter}. */
@Component
class IndicatorAudit {

    private final AuditWriter writer;

    IndicatorAudit(AuditWriter writer) {
        this.writer = writer;
    }

    // ---- information-work indicators and the rating -------------------------------------------

    @ApplicationModuleListener
    void on(IndicatorEvents.IndicatorDataSaved event) {
        String fields = java.util.Arrays.stream(event.fields().split(","))
                .map(field -> writer.russian("indicator.field." + field))
                .collect(Collectors.joining(", "));
        writer.record(
                event.actor(),
                AuditAction.INDICATORS_SAVED,
                event.organizationId(),
                event.path(),
                event.period() + ": " + fields);
    }

    @ApplicationModuleListener
    void on(IndicatorEvents.ChannelAdded event) {
        writer.record(
                event.actor(),
                AuditAction.INDICATOR_CHANNEL_ADDED,
                event.organizationId(),
                event.path(),
                event.period() + ": " + event.description());
    }

    @ApplicationModuleListener
    void on(IndicatorEvents.ChannelRemoved event) {
        writer.record(
                event.actor(),
                AuditAction.INDICATOR_CHANNEL_REMOVED,
                event.organizationId(),
                event.path(),
                event.period() + ": " + event.description());
    }

    @ApplicationModuleListener
    void on(IndicatorEvents.RatingWeightsChanged event) {
        String weights = event.weights().stream()
                .filter(line -> line.weight() > 0)
                .map(line -> writer.russian(line.nameKey()) + " " + line.weight() + " %")
                .collect(Collectors.joining(", "));
        writer.record(event.actor(), AuditAction.RATING_WEIGHTS_CHANGED, event.organizationId(), event.path(), weights);
    }

    @ApplicationModuleListener
    void on(IndicatorEvents.InfoReportSent event) {
        writer.record(
                event.actor(),
                AuditAction.INFO_REPORT_SENT,
                event.organizationId(),
                event.path(),
                event.period() + " → " + writer.nameOf(event.parentId()));
    }
}
