package ru.profkom.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import ru.profkom.shared.ProfkomException;

/**
 * Turns refusals of the REST API into RFC 9457 problem details in the caller's language, with one
 * entry per wrong field.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ProfkomException.class)
    ProblemDetail refused(ProfkomException exception) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = exception.problems().stream()
                .map(problem -> Map.of(
                        "field",
                        problem.field() == null ? "" : problem.field(),
                        "message",
                        messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale)))
                .toList();
        ProblemDetail detail = ProblemDetail.forStatus(exception.kind().status);
        detail.setTitle(messages.getMessage("error.title." + exception.kind().name(), null, locale));
        detail.setDetail(errors.isEmpty() ? null : errors.getFirst().get("message"));
        detail.setProperty("errors", errors);
        return detail;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception exception) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail detail = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        detail.setTitle(messages.getMessage("error.title.INVALID", null, locale));
        detail.setDetail(messages.getMessage("error.unreadableRequest", null, locale));
        return detail;
    }
}
