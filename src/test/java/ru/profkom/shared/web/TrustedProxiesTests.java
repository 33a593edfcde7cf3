package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** Behind a reverse proxy the client's address and scheme come from the proxy's headers, and only from a proxy. */
class TrustedProxiesTests {

    private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "::1", "192.168.1.5"));

    @Test
    void takesTheClientFromATrustedProxysForwardedFor() throws Exception {
        HttpServletRequest seen = through(request("10.1.2.3", "203.0.113.7, 10.0.0.9", "https"));

        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
    }

    @Test
    void believesOnlyTheHopsAddedByTrustedProxies() throws Exception {
        // The client wrote "198.51.100.1" itself; the proxy appended the address it saw.
        assertThat(through(request("192.168.1.5", "198.51.100.1, 203.0.113.8", null))
                        .getRemoteAddr())
                .isEqualTo("203.0.113.8");
        assertThat(through(request("::1", "garbage, 203.0.113.9", null)).getRemoteAddr())
                .isEqualTo("203.0.113.9");
        assertThat(through(request("10.0.0.1", "unknown", null)).getRemoteAddr())
                .isEqualTo("10.0.0.1");
    }

    @Test
    void ignoresTheHeadersOfAnyoneElse() throws Exception {
        HttpServletRequest seen = through(request("198.51.100.20", "10.0.0.1", "https"));

        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.20");
        assertThat(seen.isSecure()).isFalse();
        HttpServletRequest unconfigured =
                through(new TrustedProxies(List.of("")), request("127.0.0.1", "203.0.113.1", "https"));
        assertThat(unconfigured.getRemoteAddr()).isEqualTo("127.0.0.1");
        assertThat(unconfigured.isSecure()).isFalse();
    }

    @Test
    void marksTheSessionCookieSecureBehindAnHttpsProxy() throws Exception {
        assertThat(sessionCookie(through(request("10.0.0.2", "203.0.113.5", "https"))))
                .contains("Secure");
        assertThat(sessionCookie(through(request("10.0.0.2", "203.0.113.5", "http"))))
                .doesNotContain("Secure");
    }

    private HttpServletRequest through(MockHttpServletRequest request) throws Exception {
        return through(proxies, request);
    }

    private static HttpServletRequest through(TrustedProxies filter, MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor, String proto) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwardedFor);
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        return request;
    }

    /** The Set-Cookie the application's session serializer (Spring Session's default) writes for the request. */
    private static String sessionCookie(HttpServletRequest request) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new DefaultCookieSerializer().writeCookieValue(new CookieValue(request, response, "session-id"));
        return response.getHeader("Set-Cookie");
    }
}
