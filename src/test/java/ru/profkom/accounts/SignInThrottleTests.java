package ru.profkom.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.profkom.shared.Role;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestClock;

/**
 * Guessing passwords is slowed down per source address and per login, in the database, with a back-off that
 * expires by the application's clock; an account is never locked for its owner by strangers, and the answers
 * never tell whether a login exists.
 */
@ProfkomIntegrationTest
@TestPropertySource(properties = "profkom.sign-in.source-free-attempts=" + SignInThrottleTests.SOURCE_FREE)
class SignInThrottleTests {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);
    private static final int LOGIN_FREE = 5;
    static final int SOURCE_FREE = 10;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    TestClock clock;

    @Test
    void fiveAnonymousWrongPasswordsOverTheApiLockNobodyOut() throws Exception {
        String login = fixture.account(fixture.territorialA1(), Role.ORG_ADMIN);
        String stranger = nextAddress();

        for (int attempt = 1; attempt <= LOGIN_FREE; attempt++) {
            assertThat(api(login, "wrong-" + attempt, stranger).getStatus()).isEqualTo(401);
        }

        assertThat(api(login, Fixture.PASSWORD, nextAddress()).getStatus())
                .as("the owner signs in from their own address")
                .isEqualTo(200);
    }

    @Test
    void aLoginGuessedFromElsewhereStillLetsItsOwnerInFromAnAddressThatDidNotFail() throws Exception {
        String login = fixture.account(fixture.territorialA1(), Role.ORG_ADMIN);
        String guesser = nextAddress();
        for (int attempt = 1; attempt <= LOGIN_FREE; attempt++) {
            assertThat(api(login, "guess-" + attempt, guesser).getStatus()).isEqualTo(401);
        }

        MockHttpServletResponse refused = api(login, Fixture.PASSWORD, guesser);
        assertThat(refused.getStatus())
                .as("even the right password waits out the back-off from the guessing address")
                .isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).matches("\\d+");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Слишком много неудачных попыток входа");

        String owner = nextAddress();
        assertThat(api(login, Fixture.PASSWORD, owner).getStatus()).isEqualTo(200);
        // Once the password was given, the login's count starts anew: the guesser's address still waits.
        assertThat(api(login, "guess-again", owner).getStatus()).isEqualTo(401);
    }

    @Test
    void aFloodFromOneAddressIsStoppedAtTheAddressBeforeItCountsAgainstAnyLogin() throws Exception {
        String login = fixture.account(fixture.territorialA1(), Role.ORG_ADMIN);
        String flood = nextAddress();
        for (int attempt = 1; attempt <= SOURCE_FREE; attempt++) {
            api("nobody-" + attempt + "-" + Fixture.unique("x"), "wrong", flood);
        }

        for (int attempt = 1; attempt <= 20; attempt++) {
            assertThat(api(login, "wrong-" + attempt, flood).getStatus())
                    .as("refused at the address, not counted against the login")
                    .isEqualTo(429);
        }

        String owner = nextAddress();
        for (int attempt = 1; attempt < LOGIN_FREE; attempt++) {
            assertThat(api(login, "typo-" + attempt, owner).getStatus()).isEqualTo(401);
        }
        assertThat(api(login, Fixture.PASSWORD, owner).getStatus()).isEqualTo(200);
    }

    @Test
    void theBackOffExpiresByTheApplicationsClock() {
        String login = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        String address = nextAddress();
        int failures = LOGIN_FREE + 7;
        // Sixteen minutes apart, past the longest wait, so that every failure is counted: the last one blocks
        // for 2^7 seconds.
        for (int attempt = 1; attempt <= failures; attempt++) {
            Duration at = Duration.ofMinutes(16L * attempt);
            assertThat(clock.shiftedBy(at, () -> call(login, "wrong", address)).getStatus())
                    .isEqualTo(401);
        }
        Duration last = Duration.ofMinutes(16L * failures);

        MockHttpServletResponse during = clock.shiftedBy(last, () -> call(login, Fixture.PASSWORD, address));
        assertThat(during.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(during.getHeader("Retry-After"))).isBetween(1L, 128L);

        MockHttpServletResponse after =
                clock.shiftedBy(last.plusMinutes(5), () -> call(login, Fixture.PASSWORD, address));
        assertThat(after.getStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownLoginGetsExactlyTheAnswersOfAKnownOne() throws Exception {
        String known = fixture.account(fixture.territorialA1(), Role.ORG_ADMIN);
        String unknown = "nobody." + Fixture.unique("x").toLowerCase();

        assertThat(answers(unknown, nextAddress(), true)).isEqualTo(answers(known, nextAddress(), true));
        String otherKnown = fixture.account(fixture.territorialA1(), Role.CHAIR);
        String otherUnknown = "nobody." + Fixture.unique("y").toLowerCase();
        assertThat(answers(otherUnknown, nextAddress(), false)).isEqualTo(answers(otherKnown, nextAddress(), false));
    }

    @Test
    void theSignInPageSaysHowLongToWaitWithoutNamingTheAccount() throws Exception {
        String page = mvc.perform(get("/login").param("error", "throttled").param("wait", "120"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("Слишком много неудачных попыток входа. Повторите через 2 мин.")
                .doesNotContain("заблокирована");
    }

    @Test
    void countsBackOffThatDoublesUpToItsCap() {
        AccessThrottles.Policy policy =
                new AccessThrottles.Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

        assertThat(policy.blockAfter(4)).isZero();
        assertThat(policy.blockAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.blockAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.blockAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.blockAfter(20)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.blockAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * The answers to wrong passwords sixteen minutes apart (each counted, the back-off growing to 16 s), then
     * one more at once, inside the back-off: over the API status and body, through the form the redirect.
     */
    private List<String> answers(String login, String address, boolean api) {
        List<String> answers = new ArrayList<>();
        int failures = LOGIN_FREE + 4;
        for (int attempt = 1; attempt <= failures + 1; attempt++) {
            Duration at = Duration.ofMinutes(16L * Math.min(attempt, failures));
            answers.add(clock.shiftedBy(at, () -> api ? apiAnswer(login, address) : formAnswer(login, address)));
        }
        return answers;
    }

    private String apiAnswer(String login, String address) {
        MockHttpServletResponse response = call(login, "wrong", address);
        String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        return response.getStatus() + " " + body.replaceAll("\\d+ с", "N с") + " "
                + (response.getHeader("Retry-After") == null ? "" : "Retry-After");
    }

    private String formAnswer(String login, String address) {
        try {
            return mvc.perform(post("/login")
                            .param("username", login)
                            .param("password", "wrong")
                            .with(csrf())
                            .with(from(address)))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl()
                    .replaceAll("wait=\\d+", "wait=N");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletResponse call(String login, String password, String address) {
        try {
            return api(login, password, address);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletResponse api(String login, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/me").with(httpBasic(login, password)).with(from(address)))
                .andReturn()
                .getResponse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String nextAddress() {
        return "203.0.113." + ADDRESS.getAndIncrement();
    }
}
