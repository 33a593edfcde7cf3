package ru.profkom.mailings;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import ru.profkom.shared.Validation;

/**
 * The rules a mailing must meet before it is scheduled, free of storage and Spring: every problem is reported at
 * once, each naming its field, so the sender corrects the form in one pass.
 */
public final class MailingRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUBJECT = 250;
    public static final int MAX_TEXT = 20_000;

    private MailingRules() {}

    /**
     * Checks a draft about to be scheduled: a title, an audience that is not empty, at least one channel with a
     * text, a subject when e-mail is chosen, only known placeholders, a start not in the past, a window whose end
     * is after its start, attachments within the limit each and together.
     */
    public static void checkForSchedule(MailingDraft draft, Instant now, long attachmentLimitBytes) {
        Validation validation = new Validation();
        validation.required("title", draft.title()).maxLength("title", draft.title(), MAX_TITLE);
        if (draft.audienceSize() <= 0) {
            validation.reject("audience", "mailing.rules.audienceEmpty");
        }
        if (draft.texts().isEmpty()) {
            validation.reject("channels", "mailing.rules.noChannel");
        }
        for (Map.Entry<Channel, String> text : draft.texts().entrySet()) {
            String field = "text." + text.getKey().name();
            validation.required(field, text.getValue()).maxLength(field, text.getValue(), MAX_TEXT);
            unknownPlaceholders(field, text.getValue(), validation);
        }
        if (draft.texts().containsKey(Channel.EMAIL)) {
            validation.required("subject", draft.subject());
        }
        validation.maxLength("subject", draft.subject(), MAX_SUBJECT);
        unknownPlaceholders("subject", draft.subject(), validation);
        unknownPlaceholders("html", draft.html(), validation);
        if (draft.sendAt() != null && draft.sendAt().isBefore(now)) {
            validation.reject("sendAt", "mailing.rules.sendAtPast");
        }
        if (draft.windowStart() != null
                && draft.windowEnd() != null
                && !draft.windowEnd().isAfter(draft.windowStart())) {
            validation.reject("windowEnd", "mailing.rules.windowEndBeforeStart");
        }
        long total = 0;
        for (Map.Entry<String, Long> attachment : draft.attachmentSizes().entrySet()) {
            total += attachment.getValue();
            if (attachment.getValue() > attachmentLimitBytes) {
                validation.reject(
                        "attachments",
                        "mailing.rules.attachmentTooLarge",
                        attachment.getKey(),
                        megabytes(attachment.getValue()),
                        megabytes(attachmentLimitBytes));
            }
        }
        if (total > attachmentLimitBytes && draft.attachmentSizes().size() > 1) {
            validation.reject(
                    "attachments",
                    "mailing.rules.attachmentsTooLarge",
                    megabytes(total),
                    megabytes(attachmentLimitBytes));
        }
        validation.throwIfInvalid();
    }

    /** The words in {@code {{…}}} that name no placeholder, in order of appearance. */
    public static Set<String> unknownPlaceholders(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        if (template == null) {
            return unknown;
        }
        Matcher matcher = Placeholder.PATTERN.matcher(template);
        while (matcher.find()) {
            if (Placeholder.named(matcher.group(1)).isEmpty()) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }

    private static void unknownPlaceholders(String field, String template, Validation validation) {
        for (String word : unknownPlaceholders(template)) {
            validation.reject(field, "mailing.rules.unknownPlaceholder", word);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0)
                .replace('.', ',');
    }
}
