package ru.profkom.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.profkom.shared.Role;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestClock;

/** The sign-in back-off ends by the application's clock, not the wall clock, so its expiry can be tested at all. */
@ProfkomIntegrationTest
class SignInLockClockTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    TestClock clock;

    @Test
    void letsTheAccountSignInAgainOnceTheLockHasRunOutByTheClock() throws Exception {
        String login = fixture.account(fixture.territorialA1(), Role.INFO_WORKER);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(formLogin("/login").user(login).password("wrong-" + attempt));
        }
        mvc.perform(formLogin("/login").user(login).password(Fixture.PASSWORD)).andExpect(unauthenticated());

        clock.shiftedBy(Duration.ofMinutes(16), () -> {
            try {
                return mvc.perform(formLogin("/login").user(login).password(Fixture.PASSWORD))
                        .andExpect(authenticated());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
