package ru.profkom.publications;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The server's rule for rich text, whatever the editor sent: paragraphs, emphasis, headings, lists,
 * quotes and http(s)/mailto links (opened with rel="nofollow noopener"); everything else is dropped.
 */
final class SafeHtml {

    private static final Safelist SAFELIST = Safelist.basic()
            .addTags("h2", "h3", "h4", "s")
            .removeTags("span", "cite", "sub", "sup")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");

    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings().prettyPrint(false).charset("UTF-8");

    private SafeHtml() {}

    static String sanitize(String html) {
        if (html == null) {
            return "";
        }
        return Jsoup.clean(html, "", SAFELIST, OUTPUT).strip();
    }

    /** The plain text of sanitized HTML, paragraphs separated by blank lines. */
    static String text(String safeHtml) {
        Document document =
                Jsoup.parseBodyFragment(safeHtml.replaceAll("(?i)<(br|/p|/h[2-4]|/li|/blockquote)\\s*/?>", "$0\n"));
        document.outputSettings(OUTPUT);
        return document.body()
                .wholeText()
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll("\\n\\s*\\n+", "\n\n")
                .strip();
    }
}
