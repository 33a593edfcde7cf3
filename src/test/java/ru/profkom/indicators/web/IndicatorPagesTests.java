package ru.profkom.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.profkom.indicators.IndicatorEntry;
import ru.profkom.indicators.Indicators;
import ru.profkom.indicators.Periods;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.support.Actors;
import ru.profkom.support.DatabaseSnapshot;
import ru.profkom.support.Fixture;
import ru.profkom.support.ProfkomIntegrationTest;

@ProfkomIntegrationTest
class IndicatorPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixture fixture;

    @Autowired
    Actors actors;

    @Autowired
    Indicators indicators;

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    Clock clock;

    @Test
    void showsTheIndicatorsTabWithFormsAndTheChildrensReports() throws Exception {
        long territorial = territorial();
        long primary = fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО аптеки № 5");

        String page = html(get("/orgs/" + territorial + "/indicators"));

        assertThat(page)
                .contains("Показатели информационной работы")
                .contains("Доля сметы на информационную работу")
                .contains("≥ 5 %")
                .contains("Нет данных за месяц")
                .contains("ППО аптеки № 5")
                .contains("Отчёт не отправлен");
        assertThat(html(get("/orgs/" + primary + "/indicators"))).contains("Отправить отчёт в вышестоящую организацию");
    }

    @Test
    void refusesSpendingAboveTheBudgetOnTheFormWithARussianMessageAndStoresNothing() throws Exception {
        long primary = fixture.organization(territorial(), OrganizationKind.PRIMARY, "ППО госпиталя");
        var before = database.take();

        String page = html(post("/orgs/" + primary + "/indicators/entry")
                .param("period", Periods.current(clock).toString())
                .param("budget", "1 000")
                .param("infoSpending", "2000"));

        assertThat(page)
                .contains("Расходы на информационную работу не могут превышать смету.")
                .doesNotContain("Число указано неверно");
        String unreadable = html(post("/orgs/" + primary + "/indicators/entry")
                .param("period", Periods.current(clock).toString())
                .param("stands", "два"));
        assertThat(unreadable).contains("Число указано неверно");
        database.assertUnchangedSince(before);
    }

    @Test
    void refusesWeightsThatDoNotAddUpOnTheRatingPage() throws Exception {
        long territorial = territorial();
        fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО диспансера");
        var before = database.take();

        String page = html(post("/orgs/" + territorial + "/rating/weights")
                .param("weight.INFO_WORKER", "50")
                .param("weight.BUDGET_SHARE", "30"));

        assertThat(page).contains("Сумма весов должна быть ровно 100 %, сейчас 80 %.");
        database.assertUnchangedSince(before);
    }

    @Test
    void showsTheRankingWithExplanationsAndChart() throws Exception {
        YearMonth month = Periods.current(clock);
        long territorial = territorial();
        long first = fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО первая");
        fixture.organization(territorial, OrganizationKind.PRIMARY, "ППО вторая");
        actors.run(
                Fixture.ADMIN_A,
                () -> indicators.saveEntry(
                        first,
                        month,
                        new IndicatorEntry(new BigDecimal("1000"), new BigDecimal("50"), null, null, null, null)));

        String page = html(get("/orgs/" + territorial + "/rating"));

        assertThat(page)
                .contains("data-testid=\"rating-chart\"")
                .contains("Доля сметы на информационную работу: 1 × 20 % = 20,00")
                .contains("Итого: 20,00");
        assertThat(page.indexOf("ППО первая")).isLessThan(page.indexOf("ППО вторая"));
        MvcResult xlsx = mvc.perform(
                        get("/orgs/" + territorial + "/rating.xlsx").with(actors.signedIn(Fixture.ADMIN_A)))
                .andReturn();
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult result =
                mvc.perform(request.with(actors.signedIn(Fixture.ADMIN_A))).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long territorial() {
        return fixture.organization(
                fixture.regionA(), OrganizationKind.TERRITORIAL, "Территориальная страниц " + Fixture.unique("T"));
    }
}
