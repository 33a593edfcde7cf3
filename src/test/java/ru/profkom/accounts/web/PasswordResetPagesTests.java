package ru.profkom.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;
import ru.profkom.shared.Role;
import ru.profkom.support.Fixture;
import ru.profkom.support.Patience;
import ru.profkom.support.ProfkomIntegrationTest;
import ru.profkom.support.TestMail;

/** The whole way a user takes: the "forgot password" form, the mail, the link, the new password, the sign-in. */
@ProfkomIntegrationTest
class PasswordResetPagesTests {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/password/reset\\?token=\\S+");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Test
    void resetsThePasswordThroughTheFormsAndTheMailedLink() throws Exception {
        String login = fixture.account(fixture.primaryA1(), Role.CHAIR);
        String newPassword = "Iz-pisma-2026";

        String sent = mvc.perform(post("/password/forgot").with(csrf()).param("login", login))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(sent).contains("письмо со ссылкой уже отправлено");

        MimeMessage mail = await().atMost(Patience.AFTER_COMMIT)
                .until(() -> TestMail.receivedBy(Fixture.emailOf(login)), list -> !list.isEmpty())
                .getFirst();
        Matcher matcher = LINK.matcher((String) mail.getContent());
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        URI link = URI.create(matcher.group());
        String token =
                UriComponentsBuilder.fromUri(link).build().getQueryParams().getFirst("token");

        mvc.perform(get(link.getPath()).param("token", token)).andExpect(status().isOk());
        String mismatch = mvc.perform(post("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", newPassword)
                        .param("repeat", newPassword + "!"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(mismatch).contains("Пароли не совпадают.");

        mvc.perform(post("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", newPassword)
                        .param("repeat", newPassword))
                .andExpect(redirectedUrl("/login?passwordReset"));
        mvc.perform(formLogin("/login").user(login).password(newPassword)).andExpect(authenticated());
        mvc.perform(formLogin("/login").user(login).password(Fixture.PASSWORD)).andExpect(unauthenticated());

        String second = mvc.perform(post("/password/reset")
                        .with(csrf())
                        .param("token", token)
                        .param("password", "Vtoroj-raz-2026")
                        .param("repeat", "Vtoroj-raz-2026"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).contains("Ссылка для смены пароля недействительна");
        mvc.perform(formLogin("/login").user(login).password("Vtoroj-raz-2026")).andExpect(unauthenticated());
    }
}
