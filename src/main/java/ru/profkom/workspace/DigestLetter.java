package ru.profkom.workspace;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import ru.profkom.shared.Urgency;
import ru.profkom.shared.WorkItem;

/**
 * The daily digest as a plain-text letter: the person's open tasks, the most urgent first, each with the
 * absolute link where it is done; the new ones since the last digest are marked. Sent only when something is
 * new, so a person who has seen every task is not written to again about them.
 *
 * @param subject the letter's subject
 * @param body its text
 */
record DigestLetter(String subject, String body) {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Reads a label of the workspace's Russian bundle; {@code {0}} in a label is replaced by the argument. */
    interface Labels {
        String label(String key, Object... arguments);
    }

    /** The tasks among the open ones that no digest has listed yet. */
    static List<WorkItem> newSince(Collection<WorkItem> open, Set<String> alreadySent) {
        return open.stream().filter(item -> !alreadySent.contains(item.key())).toList();
    }

    /**
     * The letter, or none when nothing is new.
     *
     * @param link makes an absolute address of a task's path ({@code PublicAddress.link})
     */
    static java.util.Optional<DigestLetter> of(
            String fullName,
            LocalDate day,
            List<WorkItem> open,
            Set<String> alreadySent,
            Labels labels,
            UnaryOperator<String> link) {
        List<WorkItem> fresh = newSince(open, alreadySent);
        if (fresh.isEmpty()) {
            return java.util.Optional.empty();
        }
        StringBuilder body = new StringBuilder();
        body.append(labels.label("workspace.digest.mail.greeting", fullName)).append("\n\n");
        body.append(labels.label("workspace.digest.mail.intro", open.size(), fresh.size()))
                .append("\n\n");
        for (WorkItem item : open) {
            body.append("• ");
            if (!alreadySent.contains(item.key())) {
                body.append(labels.label("workspace.digest.mail.new")).append(' ');
            }
            body.append(labels.label("workspace.kind." + item.kind()))
                    .append(": ")
                    .append(item.title())
                    .append(" — ")
                    .append(item.organizationName());
            if (item.deadline() != null) {
                body.append(", ").append(labels.label("workspace.deadline", DATE.format(item.deadline())));
            }
            if (item.urgency() != Urgency.NORMAL) {
                body.append(" (")
                        .append(labels.label(item.urgency().messageKey()))
                        .append(')');
            }
            body.append("\n  ").append(link.apply(item.link())).append('\n');
        }
        body.append('\n').append(labels.label("workspace.digest.mail.home", link.apply("/")));
        body.append("\n\n").append(labels.label("workspace.digest.mail.switchOff", link.apply("/me")));
        body.append('\n');
        return java.util.Optional.of(new DigestLetter(
                labels.label("workspace.digest.mail.subject", DATE.format(day), fresh.size()), body.toString()));
    }
}
