package ru.profkom.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.settings.SettingsEvents;

/** The audit log's entries for the union settings: one entry per event, written by {@link AuditWriter}. */
@Component
class SettingsAudit {

    private final AuditWriter writer;

    SettingsAudit(AuditWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(SettingsEvents.PublicAddressChanged event) {
        if (event.organizationId() == null) {
            return;
        }
        writer.record(
                event.actor(),
                AuditAction.PUBLIC_ADDRESS_CHANGED,
                event.organizationId(),
                writer.pathOf(event.organizationId()),
                (event.oldAddress() == null ? "—" : event.oldAddress()) + " → "
                        + (event.newAddress() == null ? "—" : event.newAddress()));
    }
}
