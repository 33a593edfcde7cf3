package ru.profkom.members;

import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.shared.Actor;

/**
 * A person unsubscribed through a link of a message another module sent them (the mailings' one-click
 * unsubscribe): the registry withdraws their consent to that channel, as if they had done it in the cabinet. The
 * sending module publishes {@link Unsubscribed}; the registry answers with {@link ConsentWithdrawnByUnsubscribe},
 * which the audit log records. Events keep the registry free of any dependency on the sender.
 */
public final class ChannelUnsubscribes {

    private ChannelUnsubscribes() {}

    /**
     * @param organizationId the organization the message reached the person in (the audit files the entry there)
     * @param source what the person used, for the history and the audit ({@code "mailing 42"})
     * @param actor the visitor who followed the link (not signed in: only their address is known)
     */
    public record Unsubscribed(
            long personId, ConsentPurpose purpose, long organizationId, String source, Actor actor) {}

    /** The registry withdrew the person's consent (none when it had been withdrawn already). */
    public record ConsentWithdrawnByUnsubscribe(
            long personId,
            ConsentPurpose purpose,
            long organizationId,
            String organizationPath,
            String source,
            Actor actor) {}
}
