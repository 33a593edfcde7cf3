package ru.profkom.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import ru.profkom.portal.Slugs;
import ru.profkom.shared.StaleWhileReloadCache;

/**
 * Keeps what visitors without a session are answered on the public pages they read — an organization's home
 * ({@code /{slug}}), its news list and news, its albums and an album, its feeds and documents (up to
 * {@link #MAX_BODY} each), the sitemap — so that a busy address is answered once per {@link #TTL} rather than per
 * request, by one request while the others are still served the previous answer. Runs before the security
 * filters: a page is rendered through them, and the headers they wrote are kept with it and sent again with every
 * copy, so a visitor's request costs no filter work at all.
 *
 * <p>Why whole answers: what the pages show is already in memory (no statement on a repeated view,
 * {@code PublicPageCostTests}), and what remains, Thymeleaf and the filter chain, costs 0.3–1.3 ms of CPU. In a
 * closed loop of 64 connections the mean latency is 64 ÷ throughput (Little's law), so on two cores shared with
 * the load generator no rendered page reaches a p99 of 50 ms (docs/benchmarks.md). The forms (join, feedback)
 * carry a one-time token and are never kept; an answer that sets a cookie or is other than 200 is not kept.
 * Every change on this node that a kept answer could show drops them all after its commit
 * ({@link RenderedPublicPagesInvalidation}); other nodes follow within the TTL, which is the leaders' one: a
 * withdrawn consent must not show longer than that.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class RenderedPublicPages extends OncePerRequestFilter {

    static final Duration TTL = Duration.ofSeconds(10);
    /**
     * The sitemap, or a page's home, news list, news item, albums, album, feeds and documents; the page's address
     * (group 1) is checked apart.
     */
    private static final Pattern KEPT = Pattern.compile("/(?:sitemap\\.xml|([a-z0-9][a-z0-9-]{1,58}[a-z0-9])"
            + "(?:/news(?:/\\d{1,18})?|/albums(?:/\\d{1,18})?|/feed\\.xml|/rss\\.xml|/documents/\\d{1,18})?)");
    /** A document larger than this is sent each time: memory is for the many small answers. */
    static final int MAX_BODY = 512 * 1024;

    private static final int MAX_ENTRIES = 5_000;
    /** Says whether the page was a kept copy ({@code HIT}) or rendered for this request ({@code MISS}). */
    static final String CACHE_HEADER = "X-Cache";

    private final StaleWhileReloadCache<String, Rendered> pages = new StaleWhileReloadCache<>(TTL, MAX_ENTRIES);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        Matcher kept = KEPT.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        return !kept.matches()
                || (kept.group(1) != null && Slugs.isReserved(kept.group(1)))
                || request.getRequestedSessionId() != null
                || (request.getQueryString() != null
                        && !request.getQueryString().matches("page=\\d{1,6}"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI() + "?" + request.getQueryString() + "|" + language(request);
        ContentCachingResponseWrapper[] rendering = new ContentCachingResponseWrapper[1];
        Rendered rendered;
        try {
            rendered = pages.get(key, () -> {
                ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
                rendering[0] = wrapper;
                try {
                    chain.doFilter(request, wrapper);
                } catch (IOException | ServletException e) {
                    throw new RenderingFailed(e);
                }
                return cacheable(wrapper) ? Rendered.of(wrapper) : null;
            });
        } catch (RenderingFailed failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failed.getCause();
        }
        if (rendering[0] != null) {
            response.setHeader(CACHE_HEADER, "MISS");
            rendering[0].copyBodyToResponse();
            return;
        }
        response.setHeader(CACHE_HEADER, "HIT");
        response.setContentType(rendered.contentType());
        rendered.headers().forEach(header -> response.addHeader(header.getKey(), header.getValue()));
        response.setContentLength(rendered.body().length);
        response.getOutputStream().write(rendered.body());
    }

    private static boolean cacheable(ContentCachingResponseWrapper wrapper) {
        return wrapper.getStatus() == 200
                && wrapper.getContentType() != null
                && wrapper.getContentSize() <= MAX_BODY
                && !wrapper.containsHeader("Set-Cookie");
    }

    private static String language(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            return lang;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if ("profkom-lang".equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return "ru";
    }

    private static final class RenderingFailed extends RuntimeException {
        RenderingFailed(Exception cause) {
            super(cause);
        }
    }

    /** Drops every rendered page: called after publication and page events. */
    void clear() {
        pages.clear();
    }

    /** A rendered page with the headers the security filters and the page wrote for it. */
    private record Rendered(byte[] body, String contentType, List<Map.Entry<String, String>> headers) {

        private static final Set<String> NOT_REPLAYED =
                Set.of("content-length", "content-type", "date", "set-cookie", "transfer-encoding", "x-cache");

        static Rendered of(ContentCachingResponseWrapper wrapper) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : wrapper.getHeaderNames()) {
                if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                    wrapper.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
                }
            }
            if (wrapper.getHeader("Content-Language") == null) {
                headers.add(Map.entry("Content-Language", "ru"));
            }
            return new Rendered(wrapper.getContentAsByteArray(), wrapper.getContentType(), List.copyOf(headers));
        }

        @Override
        public String toString() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
