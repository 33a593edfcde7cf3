package ru.profkom.jar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A heuristic for English left in the Russian interface: two or more Latin words in a row that are not
 * names of brands or formats, a constant's name such as {@code PROCESSING} or {@code EMAIL_ADDRESS}, and
 * a message key that the bundles lack ({@code ??member.x_ru??}). Data of the demo union is Russian, so
 * what it finds was written by the application.
 */
final class RussianText {

    /** Latin words a Russian page may show: brands, formats, protocols. Lower case. */
    static final Set<String> ALLOWED = Set.of(
            "api",
            "atom",
            "bootstrap",
            "tabler",
            "csv",
            "e-mail",
            "email",
            "english",
            "html",
            "http",
            "https",
            "id",
            "json",
            "jpeg",
            "jpg",
            "openapi",
            "pdf",
            "png",
            "qr",
            "rss",
            "svg",
            "swagger",
            "telegram",
            "ui",
            "url",
            "utf-8",
            "vk",
            "vkontakte",
            "webp",
            "xlsx",
            "xml",
            "zip");

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z]{2,}(?:_[A-Z0-9]+)+|[A-Z]{5,}");
    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[\\w.-]+\\?\\?");
    private static final String PUNCTUATION = ".,:;!?()«»\"'“”[]{}…";

    private RussianText() {}

    /** The English found in one visible text, or nothing. */
    static List<String> englishIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher key = MISSING_KEY.matcher(text);
        while (key.find()) {
            found.add(key.group());
        }
        List<String> run = new ArrayList<>();
        for (String raw : text.split("[\\s\\u00a0]+")) {
            String token = strip(raw);
            boolean latinWord = WORD.matcher(token).matches();
            if (CONSTANT.matcher(token).matches() && !ALLOWED.contains(token.toLowerCase(Locale.ROOT))) {
                found.add(token);
            }
            if (latinWord && !ALLOWED.contains(token.toLowerCase(Locale.ROOT))) {
                run.add(token);
                continue;
            }
            addRun(run, found);
            run.clear();
        }
        addRun(run, found);
        return found;
    }

    private static void addRun(List<String> run, List<String> found) {
        if (run.size() >= 2) {
            found.add(String.join(" ", run));
        }
    }

    private static String strip(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && PUNCTUATION.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }
}
