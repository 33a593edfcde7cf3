package ru.profkom.jar;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Follows, as one user or as the public, every same-origin link, GET form and htmx fragment reachable
 * from the start page, breadth first and bounded, and notes what a user must never meet: a server error,
 * a dead link, a page without the layout, English in the Russian interface, a link to {@code localhost}.
 */
final class Crawler {

    /**
     * A link, image, form target or meta address to localhost; a page may name this server's own address as
     * text (the settings page shows it as the last fallback), a link may not.
     */
    private static final java.util.regex.Pattern LOCAL_LINK = java.util.regex.Pattern.compile(
            "(?i)(href|src|srcset|action|content|hx-get|hx-post)\\s*=\\s*[\"'][^\"']*://(localhost|127\\.0\\.0\\.1)");

    /** In a feed or a sitemap every address is a link. */
    private static final java.util.regex.Pattern LOCAL_ADDRESS =
            java.util.regex.Pattern.compile("://(localhost|127\\.0\\.0\\.1)");

    /** One thing wrong, where and for whom; the same problem on many pages is told once with a count. */
    record Finding(String who, String url, String problem, int pages, String key) {

        /** The same finding met by another user. */
        Finding alsoFor(String other) {
            return new Finding(who + ", " + other, url, problem, pages, key);
        }

        @Override
        public String toString() {
            return who + " · " + url + " · " + problem + (pages > 1 ? " (и ещё на " + (pages - 1) + " стр.)" : "");
        }
    }

    private record Target(URI uri, boolean fragment, String from) {}

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Set<String> SKIPPED_PATHS = Set.of("/logout");
    /** Files, and Swagger UI: a tool of its own, in English by design, outside the layout. */
    private static final List<String> STATIC_PREFIXES =
            List.of("/webjars/", "/css/", "/js/", "/favicon", "/swagger-ui", "/v3/api-docs");

    private static final Set<String> INVISIBLE = Set.of("script", "style", "code", "pre", "textarea", "noscript");
    private static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "aria-label", "alt");

    private final URI base;
    private final String login;
    private final String who;
    private final int maxPages;
    private final int perPattern;
    private final HttpClient http;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final List<String> visited = new java.util.ArrayList<>();
    private int pages;

    Crawler(String baseUrl, String login, String password, int maxPages, int perPattern) {
        this.base = URI.create(baseUrl);
        this.login = login;
        this.who = login == null ? "публика" : login;
        this.maxPages = maxPages;
        this.perPattern = perPattern;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        if (login != null) {
            signIn(password);
        }
    }

    /**
     * Opens an address no link leads to and tells what is wrong with the answer: it must be the Russian «not
     * found» page in the layout, not the sign-in or an error of the server.
     */
    List<Finding> expectNotFound(String path) throws IOException, InterruptedException {
        URI uri = base.resolve(path);
        HttpResponse<InputStream> response = send(uri, false);
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (response.statusCode() != 404) {
            note(
                    uri,
                    "адрес, которого нет: HTTP " + response.statusCode()
                            + response.headers()
                                    .firstValue("Location")
                                    .map(l -> " → " + l)
                                    .orElse("") + " вместо 404");
        } else {
            Document page = Jsoup.parse(body, uri.toString());
            if (!hasLayout(page)) {
                note(uri, "страница «не найдено» без общего оформления");
            }
            if (!page.text().contains("не найден")) {
                note(uri, "страница «не найдено» не говорит по-русски, что страницы нет");
            }
            checkRussian(uri, page);
        }
        return findings();
    }

    /** The start page's HTML as this user sees it. */
    String startPage() throws IOException, InterruptedException {
        return text(base.resolve("/"));
    }

    int pagesVisited() {
        return pages;
    }

    /** The addresses opened, in order, for the crawl's record in target/. */
    List<String> visited() {
        return List.copyOf(visited);
    }

    /** What was wrong, once {@link #crawl()} ran. */
    List<Finding> findings() {
        return List.copyOf(findings.values());
    }

    /** Crawls from the start page and returns what was wrong. */
    List<Finding> crawl() {
        Deque<Target> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> perKey = new HashMap<>();
        queue.add(new Target(base.resolve("/"), false, "—"));
        seen.add(base.resolve("/").toString());
        while (!queue.isEmpty() && pages < maxPages) {
            Target target = queue.removeFirst();
            pages++;
            visited.add((target.fragment() ? "hx " : "")
                    + target.uri().getRawPath()
                    + (target.uri().getRawQuery() == null
                            ? ""
                            : "?" + target.uri().getRawQuery()));
            for (Target next : visit(target)) {
                String url = next.uri().toString();
                if (!seen.add(url + (next.fragment() ? " hx" : ""))) {
                    continue;
                }
                String key = patternOf(next.uri()) + (next.fragment() ? " hx" : "");
                if (perKey.merge(key, 1, Integer::sum) <= perPattern) {
                    queue.addLast(next);
                }
            }
        }
        return List.copyOf(findings.values());
    }

    /**
     * Opens every address of the crawl once more, in the same session and without reading links: the server's
     * time for pages already compiled and warmed, beside the first visits' cold one.
     */
    void revisit() {
        for (String entry : List.copyOf(visited)) {
            boolean fragment = entry.startsWith("hx ");
            String path = fragment ? entry.substring(3) : entry;
            if (SKIPPED_PATHS.contains(path)) {
                continue;
            }
            try (InputStream in = send(base.resolve(path), fragment).body()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException | InterruptedException | IllegalArgumentException e) {
                // A page that fails now failed the crawl already, where it is reported.
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void signIn(String password) {
        try {
            Document form = Jsoup.parse(text(base.resolve("/login")));
            Element csrf = form.selectFirst("input[name=_csrf]");
            String body = "username=" + encode(login) + "&password=" + encode(password)
                    + (csrf == null ? "" : "&_csrf=" + encode(csrf.attr("value")));
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(base.resolve("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept-Language", "ru-RU,ru")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("/login")) {
                throw new IllegalStateException(
                        "Вход как " + login + " не удался: " + answer.statusCode() + " → " + location);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Вход как " + login + " не удался", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fetches one target (following redirects inside the site), checks it and returns its links. */
    private List<Target> visit(Target target) {
        URI uri = target.uri();
        try {
            HttpResponse<InputStream> response = null;
            for (int hop = 0; hop < 5; hop++) {
                response = send(uri, target.fragment());
                if (response.statusCode() / 100 != 3) {
                    break;
                }
                response.body().close();
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    break;
                }
                URI next = uri.resolve(location.get());
                if (!sameOrigin(next)) {
                    return List.of();
                }
                if (next.getPath().equals("/login") && !uri.getPath().equals("/login")) {
                    note(
                            target.uri(),
                            login == null
                                    ? "отправляет посетителя на вход для сотрудников (ссылка со страницы "
                                            + target.from() + ")"
                                    : "отправляет вошедшего пользователя на вход");
                    return List.of();
                }
                uri = next;
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean html = type.startsWith("text/html");
            boolean xml = type.contains("xml");
            if (!html && !xml) {
                response.body().close();
                if (status >= 400) {
                    note(target.uri(), "HTTP " + status + " (ссылка со страницы " + target.from() + ")");
                }
                return List.of();
            }
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (status >= 500) {
                note(target.uri(), "HTTP " + status + " (ссылка со страницы " + target.from() + ")");
            } else if (status >= 400) {
                note(target.uri(), "HTTP " + status + ", тупик (ссылка со страницы " + target.from() + ")");
            }
            Matcher localLink = html ? LOCAL_LINK.matcher(body) : LOCAL_ADDRESS.matcher(body);
            if (localLink.find()) {
                int at = localLink.start();
                note(
                        target.uri(),
                        "ссылка на localhost: …"
                                + body.substring(Math.max(0, at - 40), Math.min(body.length(), at + 40))
                                        .replaceAll("\\s+", " ")
                                + "…");
            }
            if (!html) {
                return List.of();
            }
            Document page = Jsoup.parse(body, uri.toString());
            if (!target.fragment() && !hasLayout(page)) {
                note(target.uri(), "страница без общего оформления (нет шапки и стилей fragments.html/public.html)");
            }
            checkRussian(target.uri(), page);
            return status >= 400 ? List.of() : links(uri, page);
        } catch (IOException e) {
            note(target.uri(), "нет ответа: " + e);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every page has the head of one of the layouts (the UI kit, its theme and the icon) and its header or navigation. */
    private static boolean hasLayout(Document page) {
        return page.selectFirst("head link[rel=stylesheet][href*=tabler]") != null
                && page.selectFirst("head link[rel=stylesheet][href$=theme.css]") != null
                && page.selectFirst("head link[rel=icon]") != null
                && page.selectFirst("body nav, body header") != null;
    }

    private void checkRussian(URI uri, Document page) {
        Element title = page.selectFirst("head title");
        if (title != null) {
            RussianText.englishIn(title.text()).forEach(english -> note(uri, "английский текст: «" + english + "»"));
        }
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text && visible(text)) {
                            RussianText.englishIn(text.text())
                                    .forEach(english -> note(uri, "английский текст: «" + english + "»"));
                        }
                        if (node instanceof Element element) {
                            for (String attribute : TEXT_ATTRIBUTES) {
                                if (element.hasAttr(attribute)) {
                                    RussianText.englishIn(element.attr(attribute))
                                            .forEach(english -> note(
                                                    uri, "английский текст в " + attribute + ": «" + english + "»"));
                                }
                            }
                        }
                    }
                },
                page.body());
    }

    private static boolean visible(TextNode text) {
        for (Node node = text.parentNode(); node instanceof Element element; node = node.parentNode()) {
            if (INVISIBLE.contains(element.normalName())
                    || element.attr("translate").equals("no")) {
                return false;
            }
        }
        return true;
    }

    private List<Target> links(URI page, Document document) {
        List<Target> found = new java.util.ArrayList<>();
        for (Element a : document.select("a[href], link[rel=alternate][href]")) {
            target(page, a.attr("href"), false).ifPresent(found::add);
        }
        for (Element form : document.select("form")) {
            if (!form.attr("method").isBlank() && !form.attr("method").equalsIgnoreCase("get")) {
                continue;
            }
            StringBuilder query = new StringBuilder();
            for (Element input : form.select("input[type=hidden][name]")) {
                query.append(query.isEmpty() ? "" : "&")
                        .append(encode(input.attr("name")))
                        .append('=')
                        .append(encode(input.attr("value")));
            }
            String action = form.attr("action").isBlank() ? page.getPath() : form.attr("action");
            String url = query.isEmpty() ? action : action + (action.contains("?") ? "&" : "?") + query;
            target(page, url, false).ifPresent(found::add);
        }
        for (Element element : document.select("[hx-get]")) {
            target(page, element.attr("hx-get"), true).ifPresent(found::add);
        }
        return found;
    }

    private Optional<Target> target(URI page, String href, boolean fragment) {
        if (href.isBlank()
                || href.startsWith("#")
                || href.startsWith("javascript:")
                || href.startsWith("mailto:")
                || href.startsWith("tel:")) {
            return Optional.empty();
        }
        URI uri;
        try {
            // Without its #fragment, as the browser asks for it; the escapes of the address stay as they are.
            uri = URI.create(page.resolve(href.trim()).toString().replaceFirst("#.*$", ""));
        } catch (IllegalArgumentException e) {
            note(page, "ссылка, которую нельзя разобрать: " + href);
            return Optional.empty();
        }
        if (!sameOrigin(uri) || uri.getPath() == null) {
            return Optional.empty();
        }
        String path = uri.getPath();
        if (SKIPPED_PATHS.contains(path) || STATIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            return Optional.empty();
        }
        // The language switch: English is the one place English belongs.
        if (uri.getRawQuery() != null
                && Arrays.stream(uri.getRawQuery().split("&")).anyMatch(p -> p.startsWith("lang="))) {
            return Optional.empty();
        }
        return Optional.of(new Target(
                uri, fragment, page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery())));
    }

    /** A page's kind: the path with its numbers collapsed and the names of its parameters. */
    static String patternOf(URI uri) {
        String path = Arrays.stream(uri.getPath().split("/", -1))
                .map(segment -> NUMBER.matcher(segment).matches() ? "{n}" : segment)
                .reduce((a, b) -> a + "/" + b)
                .orElse("");
        Set<String> names = new TreeSet<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                names.add(parameter.split("=", 2)[0]);
            }
        }
        return names.isEmpty() ? path : path + "?" + String.join("&", names);
    }

    private boolean sameOrigin(URI uri) {
        return uri.getScheme() != null
                && uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && base.getPort() == uri.getPort();
    }

    private HttpResponse<InputStream> send(URI uri, boolean fragment) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "ru-RU,ru;q=0.9")
                .GET();
        if (fragment) {
            request.header("HX-Request", "true");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private String text(URI uri) throws IOException, InterruptedException {
        try (InputStream in = send(uri, false).body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void note(URI uri, String problem) {
        String url = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        // English comes from one template or bundle wherever it shows; other problems are told per kind of page.
        String key = problem.startsWith("английский")
                ? problem
                : problem.replaceAll(" \\(ссылка со страницы .*\\)$", "") + " @" + patternOf(uri);
        findings.merge(
                key,
                new Finding(who, url, problem, 1, key),
                (first, again) -> new Finding(first.who(), first.url(), first.problem(), first.pages() + 1, key));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
