package ru.profkom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import ru.profkom.accounts.ThrottledAuthenticationProvider.SignInThrottledException;

/**
 * The API's answer to a request without valid credentials: 401, or 429 with {@code Retry-After} while the
 * sign-in back-off holds, each with a Russian problem detail that reads the same for any login.
 */
class ApiSignInEntryPoint implements AuthenticationEntryPoint {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    ApiSignInEntryPoint(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        HttpStatus status;
        String detail;
        if (exception instanceof SignInThrottledException throttled) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            detail = messages.getMessage(
                    "login.error.throttled.api", new Object[] {throttled.retryAfterSeconds()}, RUSSIAN);
        } else {
            status = HttpStatus.UNAUTHORIZED;
            detail = messages.getMessage("login.error.api", null, RUSSIAN);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"status\":" + status.value() + ",\"title\":\""
                        + json(messages.getMessage("login.error.api.title", null, RUSSIAN)) + "\",\"detail\":\""
                        + json(detail) + "\"}");
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
