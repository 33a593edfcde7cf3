package ru.profkom.shared.web;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

/**
 * Reads the {@link PageRequest} of every list page and API from the request, so that no controller parses paging
 * parameters itself. The page is numbered from 0 as the pager writes it; a negative one is the first page; a size is
 * at most {@link PageRequest#MAX_SIZE}, and one of 0 or less is the default. A number that cannot be read (text, or
 * a page whose first row lies beyond what a database offset holds) is the first page on a screen, where it comes
 * from a link edited by hand, and a Russian refusal naming the parameter in the API, whose client should learn of
 * its mistake instead of reading a page it did not ask for.
 */
public final class PageRequests implements HandlerMethodArgumentResolver {

    public static final String PAGE = "page";

    public static final String SIZE = "size";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public PageRequest resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Paged paged = parameter.getParameterAnnotation(Paged.class);
        String pageName = paged == null ? PAGE : paged.value();
        int size = paged == null ? PageRequest.DEFAULT_SIZE : paged.size();
        boolean sizeFromRequest = paged == null || paged.sizeFromRequest();
        return read(
                pageName,
                request.getParameter(pageName),
                sizeFromRequest ? request.getParameter(SIZE) : null,
                size,
                forApi(parameter));
    }

    /**
     * The page asked for by the texts of its parameters ({@code null} where absent); {@code strict} refuses a number
     * that cannot be read instead of showing the first page.
     */
    static PageRequest read(String pageName, String pageText, String sizeText, int defaultSize, boolean strict) {
        Integer size = number(sizeText);
        if (size == null && sizeText != null && !sizeText.isBlank() && strict) {
            throw ProfkomException.invalid(SIZE, "paging.size", sizeText, PageRequest.MAX_SIZE);
        }
        int rows = new PageRequest(0, size == null ? defaultSize : size).size();
        Integer page = number(pageText);
        if (page != null && page > Integer.MAX_VALUE / rows) {
            page = null;
        }
        if (page == null && pageText != null && !pageText.isBlank() && strict) {
            throw ProfkomException.invalid(pageName, "paging.page", pageText);
        }
        return new PageRequest(page == null ? 0 : page, rows);
    }

    private static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }

    private static boolean forApi(MethodParameter parameter) {
        return AnnotatedElementUtils.hasAnnotation(parameter.getContainingClass(), RestController.class);
    }
}
