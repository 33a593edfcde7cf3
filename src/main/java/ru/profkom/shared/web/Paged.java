package ru.profkom.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import ru.profkom.shared.PageRequest;

/**
 * How a list of a screen reads its {@link PageRequest} from the request ({@link PageRequests}): the page number from
 * {@link #value()} and a size the screen holds fixed. A {@code PageRequest} parameter without it is the API's:
 * {@code page} and {@code size} from the request, 50 rows unless the client asks otherwise.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Paged {

    /** The request parameter with the page number (from 0): another name for the second list of a screen. */
    String value() default PageRequests.PAGE;

    /** The rows of a page: always on a screen, or when the client names none where {@link #sizeFromRequest}. */
    int size() default PageRequest.DEFAULT_SIZE;

    /** Whether the client may choose the size with {@code size} (up to {@link PageRequest#MAX_SIZE}). */
    boolean sizeFromRequest() default false;
}
