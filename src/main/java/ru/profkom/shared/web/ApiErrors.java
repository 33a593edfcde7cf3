package ru.profkom.shared.web;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import ru.profkom.shared.ProfkomException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns refusals of the REST API into RFC 9457 problem details in the caller's language, with one
 * entry per wrong field. Spring's own refusals (415, 405, a missing parameter) are translated by the
 * {@code problemDetail.*} messages of {@code shared_ru.properties}.
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
        List<Map<String, String>> errors = errorsOf(exception, messages);
        ProblemDetail detail = ProblemDetail.forStatus(exception.kind().status);
        detail.setTitle(messages.getMessage("error.title." + exception.kind().name(), null, locale));
        detail.setDetail(errors.isEmpty() ? null : errors.getFirst().get("message"));
        detail.setProperty("errors", errors);
        return detail;
    }

    /** Each problem as {@code field} and {@code message} in the caller's language. */
    static List<Map<String, String>> errorsOf(ProfkomException exception, MessageSource messages) {
        Locale locale = LocaleContextHolder.getLocale();
        return exception.problems().stream()
                .map(problem -> Map.of(
                        "field",
                        problem.field() == null ? "" : problem.field(),
                        "message",
                        messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale)))
                .toList();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException exception) {
        JacksonException json = ErrorPages.causeOf(exception, JacksonException.class);
        return json == null
                ? refused(ProfkomException.invalid(null, "error.unreadableRequest"))
                : withPointer(refused(refusalOf(json)), json);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatched(MethodArgumentTypeMismatchException exception) {
        return refused(ProfkomException.invalid(
                exception.getName(),
                "validation.parameter",
                exception.getName(),
                String.valueOf(exception.getValue())));
    }

    /** Tomcat refuses a file name with a NUL byte as soon as anything reads a parameter of the request. */
    @ExceptionHandler(InvalidFileNameException.class)
    ProblemDetail badFileName() {
        return refused(ProfkomException.invalid("file", "error.badFileName"));
    }

    /** A multipart body the container could not parse: a file name with a NUL byte, a broken boundary. */
    @ExceptionHandler(MultipartException.class)
    Object unparsableUpload(MultipartException exception) throws MultipartException {
        if (exception instanceof MaxUploadSizeExceededException) {
            throw exception;
        }
        return refused(
                ErrorPages.causeOf(exception, InvalidFileNameException.class) != null
                        ? ProfkomException.invalid("file", "error.badFileName")
                        : ProfkomException.invalid("file", "error.badUpload"));
    }

    /**
     * What was wrong with a JSON value, named by its field: {@code field} is the property as the API's other
     * refusals name it ({@code birthDate}), {@code pointer} where it is in the body ({@code /person/birthDate}).
     */
    static ProfkomException refusalOf(JacksonException json) {
        String field = fieldOf(json);
        if (json instanceof JsonConfiguration.ControlCharacterInText control) {
            return ProfkomException.invalid(
                    field, "validation.controlCharacter", field, control.character(), control.position() + 1);
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type.isEnum()) {
                String allowed = Arrays.stream(type.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name())
                        .collect(Collectors.joining(", "));
                return ProfkomException.invalid(field, "validation.json.choice", field, allowed);
            }
            if (Temporal.class.isAssignableFrom(type) || java.time.YearMonth.class == type) {
                return ProfkomException.invalid(field, "validation.json.date", field);
            }
            if (type == String.class) {
                return ProfkomException.invalid(field, "validation.json.text", field);
            }
            if (type == Boolean.class || type == boolean.class) {
                return ProfkomException.invalid(field, "validation.json.boolean", field);
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return ProfkomException.invalid(field, "validation.json.number", field);
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return ProfkomException.invalid(field, "validation.json.list", field);
            }
            return ProfkomException.invalid(field, "validation.json.object", field);
        }
        return ProfkomException.invalid(field.isEmpty() ? null : field, "error.unreadableRequest");
    }

    private static String fieldOf(JacksonException json) {
        List<String> names = new ArrayList<>();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                names.add(reference.getPropertyName());
            }
        }
        return names.isEmpty() ? "" : names.getLast();
    }

    /** The JSON pointer (RFC 6901) of the wrong value, beside the field's name. */
    private static ProblemDetail withPointer(ProblemDetail detail, JacksonException json) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            pointer.append('/');
            pointer.append(
                    reference.getPropertyName() != null
                            ? reference.getPropertyName().replace("~", "~0").replace("/", "~1")
                            : String.valueOf(reference.getIndex()));
        }
        if (detail.getProperties() != null
                && detail.getProperties().get("errors") instanceof List<?> errors
                && !errors.isEmpty()
                && errors.getFirst() instanceof Map<?, ?> first) {
            Map<String, String> withPointer = new LinkedHashMap<>();
            first.forEach((key, value) -> withPointer.put(String.valueOf(key), String.valueOf(value)));
            withPointer.put("pointer", pointer.toString());
            detail.setProperty("errors", List.of(withPointer));
        }
        detail.setProperty("pointer", pointer.toString());
        return detail;
    }
}
