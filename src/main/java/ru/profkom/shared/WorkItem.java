package ru.profkom.shared;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing waiting for a person, as the home and the notifications show it.
 *
 * @param kind what it is, naming its label {@code workspace.kind.<kind>} in the workspace's bundle
 * @param key stable across requests ({@code kind:id}), so that a notification is marked read once
 * @param title what the item is about (a publication's title, a person's name); shown as is
 * @param at when it arrived
 * @param deadline when it must be done, or null
 * @param link the page where it is done
 */
public record WorkItem(
        String kind,
        String key,
        String title,
        long organizationId,
        String organizationName,
        Instant at,
        LocalDate deadline,
        Urgency urgency,
        String link) {

    /** An item someone waits an answer for: urgent after a few days. */
    public static WorkItem waiting(
            String kind,
            long id,
            String title,
            long organizationId,
            String organizationName,
            Instant at,
            String link,
            TaskScope scope) {
        return new WorkItem(
                kind,
                kind + ":" + id,
                title,
                organizationId,
                organizationName,
                at,
                null,
                Urgency.ofWaiting(at, scope.now()),
                link);
    }

    /** An item with a deadline: urgent in its last week, overdue after it. */
    public static WorkItem due(
            String kind,
            String key,
            String title,
            long organizationId,
            String organizationName,
            Instant at,
            LocalDate deadline,
            String link,
            TaskScope scope) {
        return new WorkItem(
                kind,
                kind + ":" + key,
                title,
                organizationId,
                organizationName,
                at,
                deadline,
                Urgency.ofDeadline(deadline, scope.today()),
                link);
    }

    /** An item to look at, never urgent (a visitor's message, news from below). */
    public static WorkItem notice(
            String kind, long id, String title, long organizationId, String organizationName, Instant at, String link) {
        return new WorkItem(
                kind, kind + ":" + id, title, organizationId, organizationName, at, null, Urgency.NORMAL, link);
    }
}
