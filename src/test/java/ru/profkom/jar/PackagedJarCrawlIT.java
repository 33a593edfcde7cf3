package ru.profkom.jar;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private static final int PER_PATTERN = 4;

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
    void everyPageReachableFromTheStartPageServesTheLayoutInRussian() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        // Two crawls at a time: the build machine's cores are shared, the server is the same one.
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<List<String>>> crawls = new ArrayList<>();
            for (String login : WHO) {
                crawls.add(pool.submit(() -> {
                    Crawler crawler = new Crawler(application.baseUrl(), login, PASSWORD, MAX_PAGES, PER_PATTERN);
                    List<Crawler.Finding> findings = crawler.crawl();
                    synchronized (visited) {
                        visited.add((login == null ? "публика" : login) + ": " + crawler.pagesVisited());
                    }
                    return findings.stream().map(Crawler.Finding::toString).toList();
                }));
            }
            for (Future<List<String>> crawl : crawls) {
                report.addAll(crawl.get());
            }
        }
        System.out.println("Обход jar, страниц: " + String.join(", ", visited));
        if (!report.isEmpty()) {
            fail(report.size() + " находок обхода jar (страниц: " + String.join(", ", visited) + "):\n"
                    + String.join("\n", report));
        }
    }
}
