package ru.profkom.indicators.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.indicators.Indicators;
import ru.profkom.indicators.Periods;
import ru.profkom.indicators.Ranking;
import ru.profkom.indicators.RankingRow;
import ru.profkom.indicators.Rating;
import ru.profkom.indicators.Scoring.ScoreLine;
import ru.profkom.indicators.WeightLine;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/** The "Рейтинг" tab: the weights form, the ranking of the primary organizations with trend, explanation and bars. */
@Controller
class RatingPages {

    private static final int RANKING_PAGE = 20;

    private final Rating rating;
    private final Indicators indicators;
    private final Organizations organizations;
    private final OrganizationPageHeader header;
    private final IndicatorTexts texts;
    private final Texts messages;
    private final FormRefusals refusals;
    private final Clock clock;

    RatingPages(
            Rating rating,
            Indicators indicators,
            Organizations organizations,
            OrganizationPageHeader header,
            IndicatorTexts texts,
            Texts messages,
            FormRefusals refusals,
            Clock clock) {
        this.rating = rating;
        this.indicators = indicators;
        this.organizations = organizations;
        this.header = header;
        this.texts = texts;
        this.messages = messages;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** A ranking row as the page shows it: the explanation in words and the bar's width. */
    record Line(RankingRow row, String score, List<String> explanation, int bar) {}

    @GetMapping("/orgs/{id}/rating")
    String page(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Long within,
            @Paged(size = RANKING_PAGE) PageRequest page,
            Model model) {
        header.addTo(model, id, "rating");
        YearMonth month = indicators.period(period);
        Ranking ranking = rating.ranking(id, month, q, within, page);
        model.addAttribute("period", month);
        model.addAttribute("periodText", texts.month(month));
        model.addAttribute("periods", texts.months(Periods.recent(clock, 24)));
        model.addAttribute("ranking", ranking);
        model.addAttribute(
                "lines", ranking.rows().items().stream().map(this::line).toList());
        model.addAttribute("filterQuery", q);
        model.addAttribute(
                "query",
                "period=" + month + "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                        + (within == null ? "" : "&within=" + within));
        model.addAttribute("canSetWeights", organizations.canManage(id));
        // Where no primary organization sits directly inside (a region), the rankings are one level down.
        model.addAttribute(
                "otherChildren",
                ranking.rankedCount() > 0
                        ? java.util.List.of()
                        : organizations.children(id, false, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                                .filter(node -> node.kind() != ru.profkom.organizations.OrganizationKind.PRIMARY)
                                .toList());
        if (!model.containsAttribute("weightForm")) {
            Map<String, String> form = new LinkedHashMap<>();
            ranking.weights().forEach(line -> form.put(line.code(), String.valueOf(line.weight())));
            model.addAttribute("weightForm", form);
        }
        model.addAttribute("weightNames", names(ranking.weights()));
        return "indicators/rating";
    }

    private Line line(RankingRow row) {
        List<String> explanation = row.lines().stream().map(texts::explain).toList();
        return new Line(
                row,
                IndicatorTexts.points(row.score()),
                explanation,
                row.score().setScale(0, java.math.RoundingMode.HALF_UP).intValue());
    }

    private Map<String, String> names(List<WeightLine> weights) {
        Map<String, String> names = new LinkedHashMap<>();
        weights.forEach(line -> names.put(line.code(), texts.text(line.nameKey())));
        return names;
    }

    @PostMapping("/orgs/{id}/rating/weights")
    String setWeights(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        String period = parameters.getOrDefault("period", "");
        Map<String, String> form = new LinkedHashMap<>();
        Map<String, Integer> weights = new LinkedHashMap<>();
        ru.profkom.shared.Validation validation = new ru.profkom.shared.Validation();
        parameters.forEach((name, value) -> {
            if (name.startsWith("weight.")) {
                String code = name.substring("weight.".length());
                form.put(code, value);
                try {
                    weights.put(code, value.isBlank() ? 0 : Integer.parseInt(value.strip()));
                } catch (NumberFormatException e) {
                    validation.reject(name, "validation.number");
                }
            }
        });
        try {
            validation.throwIfInvalid();
            rating.setWeights(id, weights);
            redirect.addFlashAttribute("flash", messages.text("rating.weights.saved"));
            return "redirect:/orgs/" + id + "/rating?period=" + indicators.period(period);
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("weightForm", form);
            return page(id, period, "", null, new PageRequest(0, RANKING_PAGE), model);
        }
    }

    @GetMapping("/orgs/{id}/rating.xlsx")
    void export(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Long within,
            HttpServletResponse response)
            throws IOException {
        YearMonth month = indicators.period(period);
        Ranking first = rating.ranking(id, month, q, within, new PageRequest(0, PageRequest.MAX_SIZE));
        List<String> headers = new ArrayList<>(List.of(
                texts.text("rating.place"),
                texts.text("rating.previousPlace"),
                texts.text("rating.organization"),
                texts.text("rating.parent"),
                texts.text("rating.score")));
        first.weights().stream()
                .filter(line -> line.weight() > 0)
                .forEach(line -> headers.add(texts.text(line.nameKey()) + " (" + line.weight() + " %)"));
        XlsxExport.write(
                response, texts.text("rating.file", month.toString()) + ".xlsx", month.toString(), headers, rows -> {
                    Ranking ranking = first;
                    int number = 0;
                    while (true) {
                        for (RankingRow row : ranking.rows().items()) {
                            List<Object> cells = new ArrayList<>();
                            cells.add(row.place());
                            cells.add(row.previousPlace());
                            cells.add(row.name());
                            cells.add(row.parentName());
                            cells.add(row.score());
                            row.lines().stream().map(ScoreLine::points).forEach(cells::add);
                            rows.add(cells);
                        }
                        if (!ranking.rows().hasNext()) {
                            break;
                        }
                        ranking = rating.ranking(id, month, q, within, new PageRequest(++number, PageRequest.MAX_SIZE));
                    }
                });
    }
}
