package ru.profkom.audit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.channelregistry.ChannelRegistryEvents.ChannelArchived;
import ru.profkom.channelregistry.ChannelRegistryEvents.ChannelChanged;
import ru.profkom.channelregistry.ChannelRegistryEvents.ChannelRegistered;
import ru.profkom.channelregistry.ChannelRegistryEvents.ChannelRestored;
import ru.profkom.channelregistry.ChannelRegistryEvents.SubscribersEntered;
import ru.profkom.shared.Actor;

/** The channel registry's changes in the audit log, each filed under the channel's organization. */
@Component
class ChannelRegistryAudit {

    private final AuditWriter writer;

    ChannelRegistryAudit(AuditWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener
    void on(ChannelRegistered event) {
        record(
                event.actor(),
                AuditAction.REGISTRY_CHANNEL_ADDED,
                event.organizationId(),
                event.path(),
                event.channelId(),
                event.description());
    }

    @ApplicationModuleListener
    void on(ChannelChanged event) {
        record(
                event.actor(),
                AuditAction.REGISTRY_CHANNEL_CHANGED,
                event.organizationId(),
                event.path(),
                event.channelId(),
                event.description());
    }

    @ApplicationModuleListener
    void on(ChannelArchived event) {
        record(
                event.actor(),
                AuditAction.REGISTRY_CHANNEL_ARCHIVED,
                event.organizationId(),
                event.path(),
                event.channelId(),
                event.description());
    }

    @ApplicationModuleListener
    void on(ChannelRestored event) {
        record(
                event.actor(),
                AuditAction.REGISTRY_CHANNEL_RESTORED,
                event.organizationId(),
                event.path(),
                event.channelId(),
                event.description());
    }

    @ApplicationModuleListener
    void on(SubscribersEntered event) {
        record(
                event.actor(),
                AuditAction.REGISTRY_CHANNEL_COUNTED,
                event.organizationId(),
                event.path(),
                event.channelId(),
                event.description());
    }

    private void record(
            Actor actor, AuditAction action, long organizationId, String path, long channelId, String details) {
        writer.insert(
                actor.accountId(),
                actor.login(),
                actor.remoteAddress(),
                action,
                organizationId,
                path,
                "REGISTRY_CHANNEL",
                channelId,
                details);
    }
}
