package ru.profkom.mailings;

import java.util.Map;
import java.util.regex.Matcher;

/**
 * Fills a message's placeholders for one person. In HTML the values are escaped (a name is text, never markup);
 * a placeholder with no value for the person becomes empty rather than showing the braces.
 */
public final class Personalisation {

    private Personalisation() {}

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
