package ru.profkom.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that names neither a page nor a file. Spring answers it from the static files' handler, which
 * no page's advice covers, with an English «No static resource»; here it is the Russian «not found» page in
 * the layout, or a Russian problem detail under {@code /api/}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPages {

    private final MessageSource messages;

    MissingPages(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object missing(NoResourceFoundException missing, HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            // Title and detail from the problemDetail.* keys of the shared bundle, as every Spring refusal.
            ProblemDetail problem = missing.updateAndGetBody(messages, LocaleContextHolder.getLocale());
            problem.setInstance(java.net.URI.create(path));
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(HttpStatus.NOT_FOUND.value());
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", HttpStatus.NOT_FOUND.value());
        view.addObject("titleKey", "error.title.NOT_FOUND");
        return view;
    }
}
