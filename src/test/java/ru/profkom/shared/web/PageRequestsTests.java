package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

/**
 * Every list reads its page the same way: numbered from 0, the size capped, a bad number on a screen the first page
 * and in the API a Russian refusal naming the parameter.
 */
class PageRequestsTests {

    private final PageRequests resolver = new PageRequests();

    @Test
    void aScreenReadsItsPageAndKeepsItsOwnSize() throws Exception {
        PageRequest request = resolve(Screen.class, "list", Map.of("page", "3", "size", "200"));

        assertThat(request).isEqualTo(new PageRequest(3, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-5", "1.5", "99999999999", "2000000000", " ", "%"})
    void aBadPageOnAScreenIsTheFirstPage(String page) throws Exception {
        PageRequest request = resolve(Screen.class, "list", Map.of("page", page));

        assertThat(request).isEqualTo(new PageRequest(0, 20));
    }

    @Test
    void theSecondListOfAScreenReadsItsOwnParameter() throws Exception {
        PageRequest request = resolve(Screen.class, "twoLists", Map.of("page", "4", "sentPage", "2"));

        assertThat(request).isEqualTo(new PageRequest(2, 10));
    }

    @Test
    void theApiReadsPageAndSizeWithTheSizeCapped() throws Exception {
        assertThat(resolve(Api.class, "list", Map.of())).isEqualTo(new PageRequest(0, 50));
        assertThat(resolve(Api.class, "list", Map.of("page", "2", "size", "10")))
                .isEqualTo(new PageRequest(2, 10));
        assertThat(resolve(Api.class, "list", Map.of("size", "5000"))).isEqualTo(new PageRequest(0, 200));
        assertThat(resolve(Api.class, "list", Map.of("page", "-1", "size", "0")))
                .isEqualTo(new PageRequest(0, 50));
        assertThat(resolve(Api.class, "search", Map.of())).isEqualTo(new PageRequest(0, 20));
        assertThat(resolve(Api.class, "search", Map.of("size", "30"))).isEqualTo(new PageRequest(0, 30));
    }

    @Test
    void anUnreadablePageInTheApiIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> resolve(Api.class, "list", Map.of("page", "abc")))
                .isInstanceOfSatisfying(ProfkomException.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(ProfkomException.Kind.INVALID);
                    assertThat(refusal.problems().getFirst().field()).isEqualTo("page");
                    assertThat(refusal.problems().getFirst().messageKey()).isEqualTo("paging.page");
                    assertThat(refusal.problems().getFirst().arguments()).containsExactly("abc");
                });
        assertThatThrownBy(() -> resolve(Api.class, "list", Map.of("page", "99999999999")))
                .isInstanceOf(ProfkomException.class);
    }

    @Test
    void anUnreadableSizeInTheApiIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> resolve(Api.class, "list", Map.of("size", "много")))
                .isInstanceOfSatisfying(ProfkomException.class, refusal -> {
                    assertThat(refusal.problems().getFirst().field()).isEqualTo("size");
                    assertThat(refusal.problems().getFirst().messageKey()).isEqualTo("paging.size");
                    assertThat(refusal.problems().getFirst().arguments()).containsExactly("много", 200);
                });
    }

    @Test
    void aPageWhoseFirstRowNoOffsetHoldsIsNotReadAsANumber() {
        int lastAddressable = Integer.MAX_VALUE / 200;

        assertThat(PageRequests.read("page", String.valueOf(lastAddressable), "200", 50, true)
                        .offset())
                .isPositive();
        assertThat(PageRequests.read("page", String.valueOf(lastAddressable + 1), "200", 50, false))
                .isEqualTo(new PageRequest(0, 200));
    }

    @Test
    void onlyPageRequestsAreResolved() throws Exception {
        assertThat(resolver.supportsParameter(parameter(Screen.class, "list"))).isTrue();
        assertThat(resolver.supportsParameter(
                        new MethodParameter(Screen.class.getDeclaredMethod("other", String.class), 0)))
                .isFalse();
    }

    private PageRequest resolve(Class<?> controller, String method, Map<String, String> parameters) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        parameters.forEach(request::addParameter);
        return resolver.resolveArgument(parameter(controller, method), null, new ServletWebRequest(request), null);
    }

    private static MethodParameter parameter(Class<?> controller, String name) throws NoSuchMethodException {
        Method method = controller.getDeclaredMethod(name, PageRequest.class);
        return new MethodParameter(method, 0);
    }

    @Controller
    static class Screen {
        void list(@Paged(size = 20) PageRequest page) {}

        void twoLists(@Paged(value = "sentPage", size = 10) PageRequest sent) {}

        void other(String text) {}
    }

    @RestController
    static class Api {
        void list(PageRequest page) {}

        void search(@Paged(size = 20, sizeFromRequest = true) PageRequest page) {}
    }
}
