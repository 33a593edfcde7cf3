package ru.profkom.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of public news pages ({@code /{slug}/news}) for visitors without a session,
 * so that a busy page is rendered once per {@link #TTL} rather than per request. Runs after the
 * security filters (which still write their headers); any publication or page event on this node
 * drops everything, other nodes follow within the TTL.
 */
@Component
class RenderedNewsCache extends OncePerRequestFilter {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final Pattern NEWS = Pattern.compile("/[a-z0-9][a-z0-9-]{1,58}[a-z0-9]/news");
    private static final int MAX_ENTRIES = 5_000;

    private final Map<String, Rendered> pages = new ConcurrentHashMap<>();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !NEWS.matcher(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                        .matches()
                || request.getRequestedSessionId() != null
                || (request.getQueryString() != null
                        && !request.getQueryString().matches("page=\\d{1,6}"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI() + "?" + request.getQueryString() + "|" + language(request);
        Rendered rendered = pages.get(key);
        if (rendered != null && System.nanoTime() - rendered.renderedAt() < TTL.toNanos()) {
            response.setContentType(rendered.contentType());
            response.setHeader("Content-Language", rendered.language());
            response.setContentLength(rendered.body().length);
            response.getOutputStream().write(rendered.body());
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() == 200
                && wrapper.getContentType() != null
                && wrapper.getContentType().startsWith("text/html")
                && !wrapper.containsHeader("Set-Cookie")) {
            if (pages.size() >= MAX_ENTRIES) {
                pages.clear();
            }
            String language = wrapper.getHeader("Content-Language");
            pages.put(
                    key,
                    new Rendered(
                            wrapper.getContentAsByteArray(),
                            wrapper.getContentType(),
                            language == null ? "ru" : language,
                            System.nanoTime()));
        }
        wrapper.copyBodyToResponse();
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

    /** Drops every rendered page: called after publication and page events. */
    void clear() {
        pages.clear();
    }

    private record Rendered(byte[] body, String contentType, String language, long renderedAt) {

        @Override
        public String toString() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
