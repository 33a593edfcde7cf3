package ru.profkom.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.mailings.channels.TelegramBot;
import ru.profkom.members.MemberAccountLinks;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.support.TestMailingPeers;

/**
 * A member links Telegram from the cabinet: «Каналы связи», «Подключить Telegram», the bot's one-time link
 * (the bot answering through WireMock as Telegram would), the chat shown as linked, then unlinked.
 */
class MemberChannelsBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @Autowired
    TelegramBot bot;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations,
            @Autowired Accounts accounts,
            @Autowired Members members,
            @Autowired MemberAccountLinks links) {
        fixture = BrowserFixture.build("chn", organizations, accounts);
        CurrentActor.asSystem(() -> {
            long personId = members.register(
                            fixture.gymnasium5().id(),
                            new PersonData(
                                    "Лаврова",
                                    "Вера",
                                    "Павловна",
                                    LocalDate.of(1990, 5, 20),
                                    Gender.F,
                                    null,
                                    null,
                                    "lavrova@example.ru",
                                    "учитель",
                                    null),
                            new MembershipData(MembershipStatus.ACTIVE, null, null, Category.WORKER))
                    .id();
            members.giveConsent(personId, ConsentPurpose.PROCESSING, null, ConsentForm.PAPER, "Заявление");
            members.giveConsent(personId, ConsentPurpose.MESSENGER, null, ConsentForm.PAPER, "Заявление");
            links.link(personId, fixture.member());
        });
    }

    @AfterEach
    void forgetTheAnswers() {
        TestMailingPeers.reset();
    }

    @Test
    void theMemberLinksTelegramFromTheCabinetAndUnlinksIt() {
        signIn(fixture.member(), BrowserFixture.PASSWORD);
        page.navigate(url("/cabinet"));
        page.getByTestId("cabinet-channels").click();
        page.waitForURL(url("/cabinet/channels"));
        assertThat(page.getByTestId("channel-EMAIL")).containsText("lavrova@example.ru");
        assertThat(page.getByTestId("channel-TELEGRAM")).containsText("не подключён");
        assertThat(page.getByTestId("channel-TELEGRAM").getByTestId("channel-consent"))
                .containsText("дано");

        page.getByTestId("link-telegram").click();
        String deepLink = page.getByTestId("telegram-link-button").getAttribute("href");
        org.assertj.core.api.Assertions.assertThat(deepLink)
                .startsWith("https://t.me/" + TestMailingPeers.BOT_NAME + "?start=");
        screenshot("channels-telegram-link");

        String token = deepLink.substring(deepLink.indexOf("?start=") + 7);
        TestMailingPeers.server()
                .stubFor(post(urlEqualTo("/bot" + TestMailingPeers.BOT_TOKEN + "/getUpdates"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withBody("{\"ok\":true,\"result\":[{\"update_id\":" + System.currentTimeMillis()
                                        + ",\"message\":{\"chat\":{\"id\":700100,\"type\":\"private\"},"
                                        + "\"text\":\"/start " + token + "\"}}]}")));
        TestMailingPeers.server()
                .stubFor(post(urlEqualTo("/bot" + TestMailingPeers.BOT_TOKEN + "/sendMessage"))
                        .willReturn(aResponse().withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        bot.poll();

        page.reload();
        assertThat(page.getByTestId("channel-TELEGRAM")).containsText("700100");
        screenshot("channels-telegram-linked");
        page.getByTestId("unlink-TELEGRAM").click();
        page.waitForURL(url("/cabinet/channels"));
        assertThat(page.locator("main [role=status]")).containsText("Канал отключён");
        assertThat(page.getByTestId("channel-TELEGRAM")).containsText("не подключён");
    }
}
