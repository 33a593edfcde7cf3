package ru.profkom.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.profkom.shared.Role;
import ru.profkom.support.Actors;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

/** Headers, the API's documentation and the password-reset form, as a careful attacker tried them. */
@ProfkomIntegrationTest
class WebHardeningTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);
    private static final String TOO_MANY = "Слишком много запросов на смену пароля";

    @Autowired
    MockMvc mvc;

    @Autowired
    Actors actors;

    @Autowired
    Fixture fixture;

    @Test
    void pagesKeepTheirAddressToThemselvesAndPostFormsOnlyHere() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "script-src 'self'");
    }

    @Test
    void theApiDocumentationIsForTheUnionsStaffOnly() throws Exception {
        for (String address : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
            mvc.perform(get(address)).andExpect(status().is3xxRedirection());
            mvc.perform(get(address).with(actors.signedIn(Fixture.MEMBER_A1))).andExpect(status().isForbidden());
        }
        String documentation = mvc.perform(get("/v3/api-docs").with(actors.signedIn(Fixture.ADMIN_A)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(documentation).contains("/api/v1/");
    }

    @Test
    void limitsPasswordResetRequestsPerLoginAlikeForKnownAndUnknownLogins() throws Exception {
        String known = fixture.account(fixture.primaryA1(), Role.INFO_WORKER);
        String unknown = "nobody." + Fixture.unique("r").toLowerCase();

        List<Boolean> knownAnswers = resetRequests(known, 5);
        List<Boolean> unknownAnswers = resetRequests(unknown, 5);

        assertThat(knownAnswers).containsExactly(false, false, false, true, true);
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
    }

    @Test
    void limitsPasswordResetRequestsPerSourceAddress() throws Exception {
        String address = nextAddress();
        List<Boolean> refused = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            refused.add(resetRequest("nobody." + i + "." + Fixture.unique("s").toLowerCase(), address));
        }

        assertThat(refused.subList(0, 10)).containsOnly(false);
        assertThat(refused.subList(10, 12)).containsOnly(true);
        assertThat(resetRequest("nobody.else." + Fixture.unique("s").toLowerCase(), nextAddress()))
                .as("another address is not affected")
                .isFalse();
    }

    /** Whether each of the requests, from addresses of their own, was refused as too many. */
    private List<Boolean> resetRequests(String login, int count) throws Exception {
        List<Boolean> refused = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            refused.add(resetRequest(login, nextAddress()));
        }
        return refused;
    }

    private boolean resetRequest(String login, String address) throws Exception {
        String page = mvc.perform(post("/password/forgot")
                        .with(csrf())
                        .with(from(address))
                        .param("login", login))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return page.contains(TOO_MANY);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String nextAddress() {
        return "198.18.0." + ADDRESS.getAndIncrement();
    }
}
