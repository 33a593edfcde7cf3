package ru.profkom.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import ru.profkom.shared.ProfkomException;

/** A refusal on a page that has no form to show it in: a Russian error page with the reason. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final Texts texts;

    PageErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ProfkomException.class)
    ModelAndView refused(ProfkomException exception, HttpServletResponse response) {
        response.setStatus(exception.kind().status);
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", exception.kind().status);
        view.addObject("titleKey", "error.title." + exception.kind().name());
        view.addObject("reasons", texts.texts(exception));
        return view;
    }

    @ExceptionHandler(org.springframework.validation.BindException.class)
    ModelAndView unreadableForm(HttpServletResponse response) {
        return refused(ProfkomException.invalid(null, "validation.number"), response);
    }

    /** Tomcat refuses a file name with a NUL byte as soon as anything reads a parameter of the request. */
    @ExceptionHandler(InvalidFileNameException.class)
    ModelAndView badFileName(HttpServletResponse response) {
        return refused(ProfkomException.invalid("file", "error.badFileName"), response);
    }

    /** A multipart body the container could not parse, such as a file name with a NUL byte. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unparsableUpload(MultipartException exception, HttpServletResponse response)
            throws MultipartException {
        if (exception instanceof MaxUploadSizeExceededException) {
            throw exception;
        }
        return refused(
                ErrorPages.causeOf(exception, InvalidFileNameException.class) != null
                        ? ProfkomException.invalid("file", "error.badFileName")
                        : ProfkomException.invalid("file", "error.badUpload"),
                response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badAddress(HttpServletResponse response) {
        return refused(ProfkomException.notFound("error.badAddress"), response);
    }
}
