package ru.profkom.statistics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;
import ru.profkom.statistics.ChildFigures;
import ru.profkom.statistics.MembershipFigures;
import ru.profkom.statistics.MembershipMovement;
import ru.profkom.statistics.MembershipStatistics;
import ru.profkom.statistics.MonthlyPoint;

/** The organization's dashboard: figures at a date, the period's movement, charts, drill-down and exports. */
@Controller
class StatisticsPages {

    private final MembershipStatistics statistics;
    private final Organizations organizations;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;
    private final Clock clock;

    StatisticsPages(
            MembershipStatistics statistics,
            Organizations organizations,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            Formats formats,
            Clock clock) {
        this.statistics = statistics;
        this.organizations = organizations;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
        this.clock = clock;
    }

    /** What the dashboard shows, for the page and both exports. */
    record Dashboard(
            MembershipFigures figures,
            MembershipMovement movement,
            List<MonthlyPoint> series,
            Page<ChildFigures> children) {}

    /** The date and period the user asked for; bad ones fall back to today and the current year. */
    record Selection(LocalDate date, LocalDate from, LocalDate to, List<ProfkomException.Problem> problems) {}

    @GetMapping("/orgs/{id}/statistics")
    String dashboard(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @Paged(size = 50) PageRequest page,
            Model model) {
        Organization organization = header.addTo(model, id, "statistics");
        Selection selection = select(date, from, to);
        Dashboard dashboard;
        try {
            dashboard = dashboard(organization.id(), selection, page);
            if (!selection.problems().isEmpty()) {
                refusals.show(model, new ProfkomException(ProfkomException.Kind.INVALID, selection.problems()));
            }
        } catch (ProfkomException refused) {
            refusals.show(model, refused);
            selection = select("", "", "");
            dashboard = dashboard(organization.id(), selection, page);
        }
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("figures", dashboard.figures());
        model.addAttribute("movement", dashboard.movement());
        model.addAttribute("children", dashboard.children());
        model.addAttribute("line", Charts.line(dashboard.series()));
        model.addAttribute("chartWidth", Charts.WIDTH);
        model.addAttribute("chartHeight", Charts.HEIGHT);
        model.addAttribute("categoryBars", categoryBars(dashboard.figures()));
        model.addAttribute("genderBars", genderBars(dashboard.figures()));
        model.addAttribute("youthBars", youthBars(dashboard.figures()));
        model.addAttribute("exitBars", exitBars(dashboard.movement()));
        model.addAttribute("levelWidth", levelWidth(dashboard.figures()));
        model.addAttribute("barWidth", Charts.BAR);
        model.addAttribute("date", formats.date(selection.date()));
        model.addAttribute("from", formats.date(selection.from()));
        model.addAttribute("to", formats.date(selection.to()));
        model.addAttribute("query", query(selection));
        return "statistics/dashboard";
    }

    @GetMapping("/orgs/{id}/statistics.xlsx")
    void xlsx(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response)
            throws IOException {
        Organization organization = organizations.get(id);
        Selection selection = select(date, from, to);
        Dashboard dashboard = dashboard(id, selection, new PageRequest(0, PageRequest.MAX_SIZE));
        StatisticsReport report = new StatisticsReport(texts, formats, organization, selection, dashboard);
        XlsxExport.write(
                response,
                "statistics-" + organization.code() + ".xlsx",
                texts.text("statistics.sheet"),
                List.of(texts.text("statistics.export.indicator"), texts.text("statistics.export.value")),
                rows -> report.lines().forEach(line -> rows.add(line)));
    }

    @GetMapping("/orgs/{id}/statistics.pdf")
    void pdf(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response)
            throws IOException {
        Organization organization = organizations.get(id);
        Selection selection = select(date, from, to);
        Dashboard dashboard = dashboard(id, selection, new PageRequest(0, PageRequest.MAX_SIZE));
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"statistics.pdf\"; filename*=UTF-8''"
                        + URLEncoder.encode("statistics-" + organization.code() + ".pdf", StandardCharsets.UTF_8));
        new StatisticsReport(texts, formats, organization, selection, dashboard).pdf(response.getOutputStream());
    }

    private Dashboard dashboard(long id, Selection selection, PageRequest page) {
        return new Dashboard(
                statistics.figures(id, selection.date()),
                statistics.movement(id, selection.from(), selection.to()),
                statistics.monthlySeries(id, selection.from(), selection.to()),
                statistics.childrenFigures(id, selection.date(), page));
    }

    Selection select(String date, String from, String to) {
        List<ProfkomException.Problem> problems = new ArrayList<>();
        Optional<LocalDate> at = parse("date", date, problems);
        Optional<LocalDate> end = parse("to", to, problems);
        Optional<LocalDate> start = parse("from", from, problems);
        Period period = Period.of(start.orElse(null), end.orElse(null), MoscowTime.today(clock));
        LocalDate day = at.orElse(period.to());
        return new Selection(day, period.from(), period.to(), problems);
    }

    private static Optional<LocalDate> parse(String field, String text, List<ProfkomException.Problem> problems) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = Formats.parseDate(text.strip());
        if (date.isEmpty()) {
            problems.add(new ProfkomException.Problem(field, "validation.date"));
        }
        return date;
    }

    private String query(Selection selection) {
        return "date=" + formats.date(selection.date()) + "&from=" + formats.date(selection.from()) + "&to="
                + formats.date(selection.to());
    }

    static List<Charts.Bar> categoryBars(MembershipFigures figures) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (Category category : Category.values()) {
            bars.add(Charts.bar(category.messageKey(), figures.category(category), figures.members()));
        }
        return bars;
    }

    static List<Charts.Bar> genderBars(MembershipFigures figures) {
        return List.of(
                Charts.bar("statistics.women", figures.women(), figures.members()),
                Charts.bar("statistics.men", figures.men(), figures.members()),
                Charts.bar("statistics.genderUnknown", figures.genderUnknown(), figures.members()));
    }

    static List<Charts.Bar> youthBars(MembershipFigures figures) {
        return List.of(
                Charts.bar("statistics.youth", figures.youth(), figures.members()),
                Charts.bar("statistics.notYouth", figures.members() - figures.youth(), figures.members()));
    }

    static List<Charts.Bar> exitBars(MembershipMovement movement) {
        long total = movement.exited() + movement.transfersOut();
        List<Charts.Bar> bars = new ArrayList<>();
        for (ExitReason reason : ExitReason.values()) {
            long value = reason == ExitReason.TRANSFER ? movement.transfersOut() : movement.exited(reason);
            bars.add(Charts.bar(reason.messageKey(), value, total));
        }
        return bars;
    }

    private static double levelWidth(MembershipFigures figures) {
        Double level = figures.membershipLevel();
        return level == null ? 0 : Math.round(Charts.BAR * Math.min(level, 100.0) / 100 * 10) / 10.0;
    }
}
