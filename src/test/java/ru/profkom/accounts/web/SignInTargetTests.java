package ru.profkom.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * Where the sign-in lands after a visitor without a session asked for a page: back on a page the browser
 * navigated to, but never on an image, a script's request or an htmx fragment that a page was still loading
 * when its session ended (the cause of a browser test signing in onto a thumbnail's address).
 */
@ProfkomIntegrationTest
class SignInTargetTests {

    private static final String NAVIGATION =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    private static final String IMAGE = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Test
    void returnsToThePageTheBrowserAskedFor() throws Exception {
        String page = "/orgs/" + fixture.regionA();

        assertThat(signInAfter(get(page).header("Accept", NAVIGATION))).startsWith(page);
    }

    @Test
    void landsOnTheHomePageAfterAnImageAFragmentOrAScriptsRequest() throws Exception {
        String children = "/orgs/" + fixture.regionA() + "/children";

        assertThat(signInAfter(
                        get("/orgs/" + fixture.regionA() + "/albums.xlsx").header("Accept", IMAGE)))
                .isEqualTo("/");
        assertThat(signInAfter(get(children).header("Accept", NAVIGATION).header("HX-Request", "true")))
                .isEqualTo("/");
        assertThat(signInAfter(get(children).header("Accept", "*/*").header("X-Requested-With", "XMLHttpRequest")))
                .isEqualTo("/");
        assertThat(signInAfter(post("/orgs/" + fixture.regionA() + "/albums").header("Accept", NAVIGATION)))
                .isEqualTo("/");
    }

    /**
     * Opens the sign-in form (which starts a session), asks for {@code request} in that session without
     * being signed in, then signs in: where the sign-in lands.
     */
    private String signInAfter(MockHttpServletRequestBuilder request) throws Exception {
        Cookie session = mvc.perform(get("/login").header("Accept", NAVIGATION))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).as("the sign-in form opened a session").isNotNull();
        mvc.perform(request.cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        String target = mvc.perform(post("/login")
                        .cookie(session)
                        .param("username", Fixture.ADMIN_A)
                        .param("password", Fixture.PASSWORD)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return target.replaceFirst("^http://localhost(:80)?", "");
    }
}
