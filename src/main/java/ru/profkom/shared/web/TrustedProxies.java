package ru.profkom.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a reverse proxy every request comes from the proxy's address. When it comes from one of the proxies
 * listed in {@code profkom.web.trusted-proxies} (addresses or CIDR ranges, IPv4 or IPv6, comma-separated), the
 * request's address becomes the client's from {@code X-Forwarded-For} (the nearest address that is not a trusted
 * proxy), and {@code X-Forwarded-Proto: https} makes it secure, so that the session cookie is marked
 * {@code Secure}. From anyone else these headers are ignored: a client cannot choose its own address for the
 * rate limits of sign-in and public forms. First of all filters, before the session and the security filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TrustedProxies extends OncePerRequestFilter {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<IpAddressMatcher> proxies;

    @org.springframework.beans.factory.annotation.Autowired
    TrustedProxies(ru.profkom.shared.ProfkomSettings settings) {
        this(settings.web().trustedProxies());
    }

    TrustedProxies(List<String> proxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String proxy : proxies) {
            if (!proxy.isBlank()) {
                matchers.add(new IpAddressMatcher(proxy.strip()));
            }
        }
        this.proxies = List.copyOf(matchers);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.isEmpty() || !trusted(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        String client = client(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        String proto = first(request.getHeader("X-Forwarded-Proto"));
        boolean secure = proto == null ? request.isSecure() : "https".equals(proto.toLowerCase(Locale.ROOT));
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getRemoteAddr() {
                        return client;
                    }

                    @Override
                    public String getRemoteHost() {
                        return client;
                    }

                    @Override
                    public boolean isSecure() {
                        return secure;
                    }

                    @Override
                    public String getScheme() {
                        return secure ? "https" : "http";
                    }
                },
                response);
    }

    /** The address nearest to this server in the chain that is not a trusted proxy. */
    String client(String remoteAddress, List<String> forwardedForHeaders) {
        List<String> chain = new ArrayList<>();
        for (String header : forwardedForHeaders) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.strip());
                }
            }
        }
        String client = remoteAddress;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!looksLikeAddress(hop)) {
                // "unknown" or garbage: nothing further left can be believed.
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        if (address == null || !looksLikeAddress(address)) {
            return false;
        }
        for (IpAddressMatcher proxy : proxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    /** Literal addresses only, so that matching never asks the DNS. */
    private static boolean looksLikeAddress(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        }
        return IPV4.matcher(text).matches();
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }
}
