package ru.profkom.jar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A little of everything the demo union may lack, added through the REST API as the demo's own users before
 * the crawl, so that the crawl opens every kind of page: a public page of the primary organization with news
 * and an album, news with a tag sent up and republished by the town, news of the region, an information
 * package sent down. What fails here is a finding too.
 */
final class DemoContent {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern ORGANIZATION_LINK = Pattern.compile("href=\"/orgs/(\\d+)\"");

    private final URI base;
    private final String password;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> problems = new ArrayList<>();

    DemoContent(String baseUrl, String password) {
        this.base = URI.create(baseUrl);
        this.password = password;
    }

    /** Adds the content; returns what could not be added, as findings. */
    List<String> add() throws InterruptedException {
        long primary = organizationOf("info");
        long town = organizationOf("city");
        long region = organizationOf("region");
        if (primary < 0 || town < 0 || region < 0) {
            return problems;
        }
        // The demo already publishes the primary organization's page (demo.DemoContent): its news go there.
        long news = post("info", "POST", "/api/v1/organizations/" + primary + "/publications", """
                {"title":"Субботник в больничном сквере","bodyHtml":"<p>Вышли всем профкомом.</p>","tags":["субботник"]}""");
        if (news > 0) {
            post("info", "POST", "/api/v1/publications/" + news + "/publish", "{}");
            long route = post("info", "POST", "/api/v1/publications/" + news + "/send-upward", """
                    {"purpose":"NEWS","note":"Просим разместить в городской ленте"}""");
            if (route > 0) {
                post("city", "POST", "/api/v1/routes/" + route + "/republish", "{}");
            }
        }
        long regional = post("region", "POST", "/api/v1/organizations/" + region + "/publications", """
                {"title":"Областной конкурс «Лучший профорг»","bodyHtml":"<p>Итоги конкурса.</p>","tags":["конкурс"]}""");
        if (regional > 0) {
            post("region", "POST", "/api/v1/publications/" + regional + "/publish", "{}");
        }
        post("city", "POST", "/api/v1/organizations/" + town + "/packages", """
                {"title":"Материалы к отчётной кампании","bodyHtml":"<p>Формы и сроки.</p>","kinds":["PRIMARY"],"remindAfterDays":3}""");
        post("info", "POST", "/api/v1/organizations/" + primary + "/albums", """
                {"title":"Субботник","eventDate":"2026-11-20","description":"Фотографии с субботника"}""");
        return problems;
    }

    /** The organization a demo login works in: the first organization its home page links to. */
    private long organizationOf(String login) throws InterruptedException {
        try {
            Crawler crawler = new Crawler(base.toString(), login, password, 1, 1);
            Matcher link = ORGANIZATION_LINK.matcher(crawler.startPage());
            if (link.find()) {
                return Long.parseLong(link.group(1));
            }
            problems.add("подготовка · " + login + " · на главной странице нет ссылки на организацию");
        } catch (IOException | IllegalStateException e) {
            problems.add("подготовка · " + login + " · " + e.getMessage());
        }
        return -1;
    }

    /** Sends JSON as the login over HTTP Basic; returns the answer's first id, or -1 noting the failure. */
    private long post(String login, String method, String path, String json) throws InterruptedException {
        String credentials =
                Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Basic " + credentials)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("Accept-Language", "ru")
                            .method(method, HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                problems.add("подготовка · " + login + " · " + method + " " + path + " · HTTP " + answer.statusCode()
                        + ": " + answer.body());
                return -1;
            }
            Matcher id = ID.matcher(answer.body());
            return id.find() ? Long.parseLong(id.group(1)) : 0;
        } catch (IOException e) {
            problems.add("подготовка · " + login + " · " + method + " " + path + " · " + e);
            return -1;
        }
    }
}
