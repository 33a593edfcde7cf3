package ru.profkom.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.profkom.shared.ProfkomException;

/**
 * Refuses every request whose parameters (form fields, the address's query) carry a control character: a NUL
 * fails PostgreSQL's text columns and would be stored inside a surname on H2, the others are never typed by a
 * person. One place for every form, the sign-in included; JSON bodies are checked by {@link JsonConfiguration}.
 * The refusal names the field and goes through the error page ({@link ErrorPages}): Russian page or problem
 * detail. A multipart body is left to its upload (its parts are parsed lazily, after the access check); only its
 * address's parameters are checked here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ControlCharacters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ProfkomException> refusal;
        try {
            refusal = refusalOf(parameters(request));
        } catch (InvalidParameterException undecodable) {
            // ?lang=% : the container cannot decode the parameters; the error page says so in Russian.
            refusal = Optional.of(ProfkomException.invalid(null, "error.badParameter"));
        }
        if (refusal.isPresent()) {
            request.setAttribute(ErrorPages.REFUSAL, refusal.get());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static Map<String, String[]> parameters(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return OversizedUploads.queryParameters(request.getQueryString());
        }
        return request.getParameterMap();
    }

    /** The refusal of the first parameter holding a control character, naming the field and the character. */
    static Optional<ProfkomException> refusalOf(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Optional<ProfkomException> inName = refusalOf(name, name);
            if (inName.isPresent()) {
                return inName;
            }
            for (String value : parameter.getValue()) {
                Optional<ProfkomException> inValue = refusalOf(name, value);
                if (inValue.isPresent()) {
                    return inValue;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<ProfkomException> refusalOf(String field, String value) {
        int at = firstControlCharacter(value);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(ProfkomException.invalid(
                field, "validation.controlCharacter", field, String.format("U+%04X", (int) value.charAt(at)), at + 1));
    }

    /**
     * The index of the first character no one types into a text field: C0 and C1 controls but tab, line feed and
     * carriage return (text areas hold lines), and halves of a surrogate pair without the other half; -1 for none.
     */
    static int firstControlCharacter(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
