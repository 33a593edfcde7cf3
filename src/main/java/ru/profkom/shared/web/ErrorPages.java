package ru.profkom.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import ru.profkom.shared.ProfkomException;

/**
 * What the container's error dispatch shows in place of Boot's English JSON and Tomcat's page: a failure no
 * controller answered (a parameter the container cannot decode, a multipart body it cannot parse, an address the
 * firewall rejects, a control character in a field, an unexpected exception) becomes the Russian error page, or a
 * Russian problem detail for the API and for clients that do not ask for HTML.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    /** A refusal a filter left for this page before sending the error status. */
    static final String REFUSAL = ErrorPages.class.getName() + ".refusal";

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping
    Object error(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        ProfkomException refusal = refusalOf(request, status);
        List<Map<String, String>> errors = ApiErrors.errorsOf(refusal, messages);
        String title = title(status);
        if (wantsProblem(request)) {
            ProblemDetail detail = ProblemDetail.forStatus(status);
            detail.setTitle(title);
            detail.setDetail(errors.getFirst().get("message"));
            detail.setProperty("errors", errors);
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (uri instanceof String path) {
                detail.setInstance(java.net.URI.create(path.replaceAll("[^\\x21-\\x7e]", "")));
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detail);
        }
        response.setStatus(status);
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("title", title);
        view.addObject(
                "reasons", errors.stream().map(error -> error.get("message")).toList());
        return view;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 500;
        Throwable failure = failureOf(request);
        if (status == 500 && failure != null && causeOf(failure, InvalidParameterException.class) != null) {
            return 400;
        }
        if (status == 500
                && failure != null
                && (causeOf(failure, MultipartException.class) != null
                        || causeOf(failure, InvalidFileNameException.class) != null)) {
            return 400;
        }
        return status;
    }

    private ProfkomException refusalOf(HttpServletRequest request, int status) {
        if (request.getAttribute(REFUSAL) instanceof ProfkomException refusal) {
            return refusal;
        }
        Throwable failure = failureOf(request);
        if (failure != null) {
            ProfkomException refused = causeOf(failure, ProfkomException.class);
            if (refused != null) {
                return refused;
            }
            if (causeOf(failure, InvalidParameterException.class) != null) {
                return ProfkomException.invalid(null, "error.badParameter");
            }
            if (causeOf(failure, InvalidFileNameException.class) != null) {
                return ProfkomException.invalid("file", "error.badFileName");
            }
            if (causeOf(failure, MultipartException.class) != null) {
                return ProfkomException.invalid("file", "error.badUpload");
            }
        }
        String key = reasonKey(status);
        boolean known = messages.getMessage(key, null, null, LocaleContextHolder.getLocale()) != null;
        return ProfkomException.invalid(null, known ? key : "error.generic");
    }

    private String title(int status) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(titleKey(status), null, messages.getMessage("error.title", null, locale), locale);
    }

    /** The title of an error page for a status: {@code error.title.status404}, where the bundles have one. */
    static String titleKey(int status) {
        return "error.title.status" + status;
    }

    /** The reason of an error page for a status: {@code error.status404}, where the bundles have one. */
    static String reasonKey(int status) {
        return "error.status" + status;
    }

    /** The API, and any client that asks for something other than a page, reads a problem detail. */
    private static boolean wantsProblem(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith("/api/")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && !accept.contains("text/html") && accept.contains("json");
    }

    private static Throwable failureOf(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure ? failure : null;
    }

    static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
