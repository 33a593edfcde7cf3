package ru.profkom.jar;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started with {@code java -jar} and the demo union, crawled as each demo login and as
 * the public from the start page: no server error, no dead link, no page without the layout, no English in
 * the Russian interface, no link to {@code localhost}. Tests from {@code target/classes} cannot see what the
 * jar leaves out; this can.
 */
class PackagedJarCrawlIT {

    /** The demo logins of {@code DemoUnion}; {@code null} is the public, not signed in. */
    private static final List<String> WHO = Arrays.asList(null, "admin", "region", "city", "chair", "info", "member");

    private static final String PASSWORD = "profkom-demo";
    private static final int MAX_PAGES = 400;
    private static final int PER_PATTERN = 3;

    static PackagedJar application;

    @BeforeAll
    static void start() throws Exception {
        application = PackagedJar.startWithDemo();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void answersTheRussianNotFoundPageAtAddressesThatNameNoPage() throws Exception {
        List<String> report = new ArrayList<>();
        for (String login : Arrays.asList(null, "member")) {
            Crawler crawler = new Crawler(application.baseUrl(), login, PASSWORD, 1, 1);
            for (String path : List.of("/no-such-organization", "/no-such-organization/news", "/no/such/page")) {
                crawler.expectNotFound(path);
            }
            crawler.findings().forEach(finding -> report.add(finding.toString()));
        }
        if (!report.isEmpty()) {
            fail(String.join("\n", report));
        }
    }

    @Test
    void everyPageReachableFromTheStartPageServesTheLayoutInRussian() throws Exception {
        List<String> preparation = new DemoContent(application.baseUrl(), PASSWORD).add();
        // The server times counted are the crawl's, not the preparation's.
        int accessLogBefore = application.accessLog().size();
        Map<String, Crawler.Finding> findings = new LinkedHashMap<>();
        List<String> visited = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        StringBuilder serverTimes = new StringBuilder();
        // Two crawls at a time: the build machine's cores are shared, the server is the same one.
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Crawler>> crawls = new ArrayList<>();
            for (String login : WHO) {
                crawls.add(pool.submit(() -> {
                    Crawler crawler = new Crawler(application.baseUrl(), login, PASSWORD, MAX_PAGES, PER_PATTERN);
                    crawler.crawl();
                    return crawler;
                }));
            }
            List<Crawler> crawlers = new ArrayList<>();
            for (Future<Crawler> crawl : crawls) {
                crawlers.add(crawl.get());
            }
            // The second pass, one user after another, once every first visit is in the log.
            int firstPassEnd = application.accessLog().size();
            crawlers.forEach(Crawler::revisit);
            List<String> log = application.accessLog();
            serverTimes
                    .append("first visits (cold): ")
                    .append(ServerTimes.of(log.subList(Math.min(accessLogBefore, firstPassEnd), firstPassEnd))
                            .report())
                    .append("\nsecond visits (warm, one user at a time): ")
                    .append(ServerTimes.of(log.subList(firstPassEnd, log.size()))
                            .report());
            for (int i = 0; i < WHO.size(); i++) {
                Crawler crawler = crawlers.get(i);
                String who = WHO.get(i) == null ? "публика" : WHO.get(i);
                visited.add(who + ": " + crawler.pagesVisited());
                record.append("== ").append(who).append('\n');
                crawler.visited().forEach(url -> record.append(url).append('\n'));
                // A page every user meets is told once, with who met it.
                for (Crawler.Finding finding : crawler.findings()) {
                    findings.merge(finding.key(), finding, (first, again) -> first.alsoFor(again.who()));
                }
            }
        }
        Files.writeString(Path.of("target", "packaged-jar-crawl.txt"), record);
        Files.writeString(Path.of("target", "packaged-jar-server-time.txt"), serverTimes);
        // Timing is recorded, not asserted: on a shared build machine it says more about the neighbours.
        System.out.println("Время сервера на страницу: "
                + serverTimes
                        .toString()
                        .lines()
                        .filter(line -> line.contains("pages "))
                        .toList()
                + " (target/packaged-jar-server-time.txt)");
        List<String> report = new ArrayList<>(preparation);
        findings.values().forEach(finding -> report.add(finding.toString()));
        System.out.println(
                "Обход jar, страниц: " + String.join(", ", visited) + " (адреса: target/packaged-jar-crawl.txt)");
        if (!report.isEmpty()) {
            fail(report.size() + " находок обхода jar (страниц: " + String.join(", ", visited) + "):\n"
                    + String.join("\n", report));
        }
    }
}
