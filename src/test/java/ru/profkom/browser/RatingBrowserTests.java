package ru.profkom.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.accounts.Accounts;
import ru.profkom.indicators.IndicatorEntry;
import ru.profkom.indicators.Indicators;
import ru.profkom.indicators.Periods;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;

/**
 * A regional administrator opens the ranking of a territorial organization's PPOs, is refused weights
 * that do not add up, sets weights that do and sees the ranking change, with its explanation and chart.
 */
class RatingBrowserTests extends BrowserTest {

    static BrowserFixture fixture;

    @BeforeAll
    static void buildFixture(
            @Autowired Organizations organizations,
            @Autowired Accounts accounts,
            @Autowired Indicators indicators,
            @Autowired Clock clock) {
        fixture = BrowserFixture.build("rat", organizations, accounts);
        YearMonth month = Periods.current(clock);
        CurrentActor.asSystem(() -> {
            // School 17 spends 10 % of its budget on information work; gymnasium 5 trained two info workers.
            indicators.saveEntry(
                    fixture.school17().id(),
                    month,
                    new IndicatorEntry(new BigDecimal("500000"), new BigDecimal("50000"), null, null, null, null));
            indicators.saveEntry(fixture.gymnasium5().id(), month, new IndicatorEntry(null, null, null, null, null, 2));
        });
    }

    @Test
    void regionalAdministratorChangesTheWeightsAndSeesTheRankingChange() {
        long podolsk = fixture.podolsk().id();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + podolsk));
        page.getByTestId("tab-rating").click();
        page.waitForURL(url("/orgs/" + podolsk + "/rating"));

        Locator names = page.getByTestId("ranking").getByTestId("ranked-name");
        assertThat(names).hasText(new String[] {"ППО школы № 17 г. Подольска", "ППО гимназии № 5 г. Подольска"});
        assertThat(page.getByTestId("ranking").getByTestId("score")).hasText(new String[] {"20,00", "10,00"});
        assertThat(page.getByTestId("rating-chart").locator("rect")).hasCount(4);
        screenshot("default-weights");

        Map<String, String> unbalanced = Map.of("BUDGET_SHARE", "10", "TRAINED_INFO_WORKERS", "50");
        fillWeights(unbalanced);
        submit("Сохранить веса");
        assertThat(page.getByTestId("error-weights")).hasText("Сумма весов должна быть ровно 100 %, сейчас 60 %.");
        assertThat(names.first()).hasText("ППО школы № 17 г. Подольска");

        fillWeights(Map.of("BUDGET_SHARE", "10", "TRAINED_INFO_WORKERS", "90"));
        submit("Сохранить веса");
        page.waitForURL(
                endsWith("/orgs/" + podolsk + "/rating?period=" + YearMonth.now(java.time.ZoneId.of("Europe/Moscow"))));
        assertThat(page.locator("main [role=status]")).hasText("Веса сохранены, рейтинг пересчитан.");
        assertThat(names).hasText(new String[] {"ППО гимназии № 5 г. Подольска", "ППО школы № 17 г. Подольска"});
        assertThat(page.getByTestId("ranking").getByTestId("score")).hasText(new String[] {"90,00", "10,00"});
        assertThat(page.getByText("Веса заданы организацией: Подольская городская организация"))
                .isVisible();

        Locator first = page.getByTestId("ranking").locator("tbody tr").first();
        first.locator("summary").click();
        assertThat(first.getByTestId("explanation"))
                .containsText("Обученные информационные работники: 1 × 90 % = 90,00");
        assertThat(first.getByTestId("explanation")).containsText("Итого: 90,00");
        screenshot("new-weights");
    }

    @Test
    void aRegionRanksAllItsPrimaryOrganizationsAndNarrowsToOneCityKeepingThePlaces() {
        long region = fixture.moscowRegion().id();
        signIn(fixture.regionalAdmin(), BrowserFixture.PASSWORD);
        page.navigate(url("/orgs/" + region));
        page.getByTestId("tab-rating").click();
        page.waitForURL(url("/orgs/" + region + "/rating"));

        Locator rows = page.getByTestId("ranking").locator("tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(page.getByTestId("ranking").getByTestId("ranked-name")).hasText(new String[] {
            "ППО школы № 17 г. Подольска", "ППО гимназии № 5 г. Подольска", "ППО детского сада «Солнышко»"
        });
        assertThat(page.getByTestId("ranking").getByTestId("ranked-parent")).hasText(new String[] {
            "Подольская городская организация", "Подольская городская организация", "Химкинская городская организация"
        });
        screenshot("region-rating");

        page.getByTestId("rating-within")
                .selectOption(String.valueOf(fixture.khimki().id()));
        page.locator("form:has(#within) button[type=submit]").click();
        assertThat(rows).hasCount(1);
        assertThat(rows.first().getByTestId("ranked-name")).hasText("ППО детского сада «Солнышко»");
        assertThat(rows.first().getByTestId("place")).hasText("3");
    }

    /** Sets every weight to 0 except the given ones. */
    private void fillWeights(Map<String, String> weights) {
        Locator inputs = page.getByTestId("weights-form").locator("input[type=number]");
        for (int i = 0; i < inputs.count(); i++) {
            Locator input = inputs.nth(i);
            String code = input.getAttribute("id").substring("weight-".length());
            input.fill(weights.getOrDefault(code, "0"));
        }
    }
}
