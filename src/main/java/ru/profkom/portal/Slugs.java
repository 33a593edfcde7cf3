package ru.profkom.portal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readable addresses of public pages: Latin letters, digits and hyphens, transliterated from the
 * short name by default, never one of the application's own first path segments.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 60;
    public static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])");

    /**
     * First path segments the application uses or may use; a page at one of them would shadow a route.
     * {@code PortalRoutesTests} fails when a controller maps a first segment missing here.
     */
    public static final Set<String> RESERVED = Set.of(
            "about",
            "activist-snapshots",
            "actuator",
            "admin",
            "api",
            "appeals",
            "attachments",
            "cabinet",
            "card",
            "cards",
            "consents",
            "corrections",
            "css",
            "error",
            "favicon",
            "feed",
            "feeds",
            "files",
            "fonts",
            "help",
            "images",
            "img",
            "js",
            "login",
            "logout",
            // an e-mail's tracked links, pixel and unsubscribe page (mailings.tracking)
            "m",
            "mailings",
            "me",
            "member-imports",
            "member-roles",
            "members",
            "memberships",
            "monitoring",
            "news",
            "notifications",
            "o",
            "organizations",
            "orgs",
            "packages",
            "password",
            "portal",
            "public",
            "publications",
            "rating",
            "register",
            "reports",
            "robots",
            "roles",
            "routes",
            "roots",
            "rss",
            "search",
            "settings",
            "signup",
            "site",
            "sitemap",
            "static",
            "statistics",
            "surveys",
            "swagger-ui",
            "transfer-requests",
            "uploads",
            "v3",
            "webjars",
            "www");

    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ё', "e"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "i"),
            Map.entry('й', "y"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ъ', ""),
            Map.entry('ы', "y"),
            Map.entry('ь', ""),
            Map.entry('э', "e"),
            Map.entry('ю', "yu"),
            Map.entry('я', "ya"));

    private Slugs() {}

    /** «ППО городской больницы № 2» → {@code ppo-gorodskoy-bolnitsy-2}. */
    public static String transliterate(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : (name == null ? "" : name).toLowerCase(Locale.ROOT).toCharArray()) {
            String latin = LATIN.get(c);
            if (latin != null) {
                out.append(latin);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else {
                out.append('-');
            }
        }
        String slug = out.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return slug.length() < 3 ? ("org-" + slug).replaceAll("-$", "") : slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }

    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }
}
