package ru.profkom.jar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The server time of the pages a crawl opened, from Tomcat's access log: GET requests of pages and htmx
 * fragments (not files such as {@code /webjars/}, {@code /css/}, images), with their percentiles. The time is
 * the server's, from the request's arrival to the last byte written, not the crawler's round trip.
 */
final class ServerTimes {

    private static final List<String> FILES = List.of(
            "/webjars/", "/css/", "/js/", "/favicon", "/swagger-ui", "/v3/api-docs", "/images/", "/media/", "/files/");

    private static final java.util.regex.Pattern DOWNLOAD =
            java.util.regex.Pattern.compile("\\.(png|jpe?g|gif|webp|svg|ico|css|js|pdf|xlsx|csv|xml|txt|json)$");

    record Request(String path, int status, double millis) {}

    private final List<Request> requests;

    private ServerTimes(List<Request> requests) {
        this.requests = List.copyOf(requests);
    }

    /** The page requests among the access log's lines ({@code %m %U %q %s %D}, the query {@code -} when none). */
    static ServerTimes of(List<String> accessLog) {
        List<Request> pages = new ArrayList<>();
        for (String line : accessLog) {
            String[] parts = line.strip().split(" ");
            if (parts.length != 5 || !parts[0].equals("GET")) {
                continue;
            }
            String path = parts[1];
            // Files and downloads (exports, feeds, the sitemap) are not pages.
            if (FILES.stream().anyMatch(path::startsWith)
                    || DOWNLOAD.matcher(path).find()) {
                continue;
            }
            String query = parts[2].equals("-") ? "" : parts[2];
            pages.add(new Request(path + query, Integer.parseInt(parts[3]), Long.parseLong(parts[4]) / 1000.0));
        }
        return new ServerTimes(pages);
    }

    int count() {
        return requests.size();
    }

    /** The nearest-rank percentile, in milliseconds. */
    double percentile(double p) {
        if (requests.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = requests.stream().map(Request::millis).sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    List<Request> slowest(int count) {
        return requests.stream()
                .sorted(Comparator.comparingDouble(Request::millis).reversed())
                .limit(count)
                .toList();
    }

    /** The record written to target/: the figures, then the slowest pages. */
    String report() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "pages %d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target p95 <= 100 ms: %s)%n",
                count(),
                percentile(50),
                percentile(95),
                percentile(99),
                percentile(100),
                percentile(95) <= 100 ? "PASS" : "MISSED"));
        text.append("slowest:\n");
        for (Request request : slowest(40)) {
            text.append(String.format(
                    Locale.ROOT, "%8.1f ms  %d  %s%n", request.millis(), request.status(), request.path()));
        }
        return text.toString();
    }
}
