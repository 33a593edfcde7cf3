package ru.profkom.mailings.tracking;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the http(s) links of an e-mail's HTML, Spring-free: each {@code href} of an {@code <a>} element, in
 * order of appearance (its index), gets the address the function gives for the original one. Other schemes
 * ({@code mailto:}, {@code tel:}, anchors) and other elements' addresses (images, styles) stay as they are.
 */
final class LinkRewriter {

    private static final Pattern ANCHOR_HREF =
            Pattern.compile("(<a\\b[^>]*?\\bhref\\s*=\\s*)([\"'])(https?://[^\"']*)\\2", Pattern.CASE_INSENSITIVE);

    private LinkRewriter() {}

    /**
     * @param rewrite the link's index and its original address (entities decoded) to the new address, which is
     *     written attribute-escaped; answering null keeps the link as it was
     */
    static String rewrite(String html, BiFunction<Integer, String, String> rewrite) {
        if (html == null) {
            return null;
        }
        Matcher matcher = ANCHOR_HREF.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        int index = 0;
        while (matcher.find()) {
            String original = unescape(matcher.group(3));
            String replaced = rewrite.apply(index, original);
            if (replaced == null) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
            } else {
                index++;
                matcher.appendReplacement(
                        out,
                        Matcher.quoteReplacement(
                                matcher.group(1) + matcher.group(2) + escape(replaced) + matcher.group(2)));
            }
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String unescape(String attribute) {
        return attribute
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
