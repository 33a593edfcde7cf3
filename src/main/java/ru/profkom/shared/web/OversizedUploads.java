package ru.profkom.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a multipart upload that declares more bytes than the file limit away from the servlet container's
 * multipart parser: the container would refuse it with its own English error page the moment any filter reads a
 * parameter (the CSRF check, the language switch). The request goes on as a plain one with only its address's
 * parameters, the body unread (Tomcat discards it, {@code server.tomcat.max-swallow-size}), and the controller
 * refuses it in Russian with the size from {@link #oversizedBytes}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class OversizedUploads extends OncePerRequestFilter {

    private static final String ATTRIBUTE = OversizedUploads.class.getName() + ".bytes";

    private final long limit;

    OversizedUploads(@Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    /** The declared size of a multipart request refused as too big before parsing, or 0 when it was not. */
    public static long oversizedBytes(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Long bytes ? bytes : 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long length = request.getContentLengthLong();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/") || length <= limit) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ATTRIBUTE, length);
        Map<String, String[]> parameters = queryParameters(request.getQueryString());
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getContentType() {
                        return "application/octet-stream";
                    }

                    @Override
                    public String getHeader(String name) {
                        return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
                    }

                    @Override
                    public String getParameter(String name) {
                        String[] values = parameters.get(name);
                        return values == null ? null : values[0];
                    }

                    @Override
                    public Map<String, String[]> getParameterMap() {
                        return parameters;
                    }

                    @Override
                    public Enumeration<String> getParameterNames() {
                        return Collections.enumeration(parameters.keySet());
                    }

                    @Override
                    public String[] getParameterValues(String name) {
                        return parameters.get(name);
                    }
                },
                response);
    }

    /** The parameters of the address alone: the container would parse the body's too. */
    static Map<String, String[]> queryParameters(String query) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                found.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        found.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
