package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.organizations.Organizations;

/**
 * A PPO chair registers the organization's Telegram channel under «Информация» → «Каналы», enters its subscribers by
 * hand and sees the chart drawn and the Roskomnadzor warning; the region finds the channel in its structure's list.
 */
class ChannelRegistryBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(@Autowired Organizations organizations, @Autowired Accounts accounts) {
        fixture = BrowserFixture.build("chan", organizations, accounts);
    }

    @Test
    void chairAddsAChannelEntersItsSubscribersAndSeesTheChartAndTheWarning() {
        long school = fixture.school17().id();
        signIn(fixture.chair(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + school));
        page.getByTestId("tab-channels").click();
        page.waitForURL(url("/orgs/" + school + "/channels"));
        assertThat(page.getByTestId("channels-empty")).isVisible();

        page.locator("#kind").selectOption("TELEGRAM_CHANNEL");
        page.locator("#name").fill("Профком школы № 17");
        page.locator("#address").fill("не адрес");
        submit("Внести");
        assertThat(page.getByTestId("error-address")).hasText("Адрес: укажите ссылку (https://…) или @имя");

        page.locator("#address").fill("https://t.me/school17_ppo");
        submit("Внести");
        assertThat(page.locator("main [role=status]")).hasText("Канал внесён в реестр");
        assertThat(page.getByTestId("channel-name")).hasText("Профком школы № 17");

        page.locator("#subscribers").fill("9 300");
        page.getByTestId("count-form").locator("button[type=submit]").click();
        assertThat(page.locator("main [role=status]")).hasText("Число подписчиков сохранено");
        assertThat(page.getByTestId("channel-subscribers")).containsText("9");
        assertThat(page.getByTestId("channel-subscribers")).containsText("300");
        assertThat(page.getByTestId("rkn-warning")).containsText("Роскомнадзор");
        assertThat(page.getByTestId("channel-chart")).hasAttribute("data-drawn", "true");
        screenshot("channel");

        BrowserContext region = browser().newContext();
        page = region.newPage();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + fixture.podolsk().id() + "/channels"));
        page.locator("#filter-subtree").check();
        page.getByTestId("channel-filter").locator("button[type=submit]").click();
        assertThat(page.getByTestId("channels")).containsText("Профком школы № 17");
        assertThat(page.getByTestId("channels")).containsText("ППО школы № 17");
        assertThat(page.getByTestId("rkn-badge")).isVisible();
        region.close();
    }
}
