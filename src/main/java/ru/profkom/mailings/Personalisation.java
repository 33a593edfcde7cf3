package ru.profkom.mailings;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import ru.profkom.mailings.channels.OutgoingMessage;

/**
 * Fills a message's placeholders for one person. In HTML the values are escaped (a name is text, never markup);
 * a placeholder with no value for the person becomes empty rather than showing the braces.
 */
public final class Personalisation {

    private Personalisation() {}

    /**
     * The message of a mailing for one person on one channel: the e-mail's subject, HTML and files only on
     * e-mail; no tracking yet (that is {@code MailTracking}'s, for outbox rows).
     */
    static OutgoingMessage message(
            long outboxId,
            Channel channel,
            String address,
            String subject,
            String html,
            Map<Channel, String> texts,
            Map<Placeholder, String> values,
            List<OutgoingMessage.Attachment> attachments) {
        boolean email = channel == Channel.EMAIL;
        return new OutgoingMessage(
                outboxId,
                channel,
                address,
                email ? render(subject, values, false) : null,
                render(texts.get(channel), values, false),
                email ? render(html, values, true) : null,
                email ? attachments : List.of(),
                Map.of(),
                null);
    }

    public static String render(String template, Map<Placeholder, String> values, boolean html) {
        if (template == null) {
            return null;
        }
        Matcher matcher = Placeholder.PATTERN.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String replacement = Placeholder.named(matcher.group(1))
                    .map(placeholder -> values.getOrDefault(placeholder, ""))
                    .map(value -> html ? escape(value) : value)
                    .orElse(matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
