package ru.profkom.statisticalreports.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.PdfReport;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;
import ru.profkom.statisticalreports.OrganizationReportStatus;
import ru.profkom.statisticalreports.ReportChanges;
import ru.profkom.statisticalreports.ReportLine;
import ru.profkom.statisticalreports.StatisticalReport;
import ru.profkom.statisticalreports.StatisticalReports;
import ru.profkom.statisticalreports.StatusFilter;

/**
 * The tab «Годовой отчёт» of an organization: the report of a year with its lines, sources and status, the
 * form to fill and submit it, accepting or returning it for the parent's staff, the children's reports; the
 * page of who has (not) submitted in the subtree; the report and the lists as XLSX and PDF.
 */
@Controller
class StatisticalReportPages {

    private static final int PAGE_SIZE = 20;
    /** The prefix of the hidden fields that carry the registry's value a registry line showed. */
    static final String SHOWN = "registry.";

    private final StatisticalReports reports;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;
    private final Clock clock;

    StatisticalReportPages(
            StatisticalReports reports,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            Formats formats,
            Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
    }

    /** The lines of one part of the form. */
    record SectionLines(ReportLine.Section section, List<StatisticalReport.Line> lines) {}

    @GetMapping("/orgs/{id}/statistical-report")
    String page(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String q,
            @Paged(size = PAGE_SIZE) PageRequest page,
            Model model) {
        Organization organization = header.addTo(model, id, "statistical-report");
        StatisticalReport report;
        try {
            report = reports.report(id, year(year));
        } catch (ProfkomException refused) {
            refusals.show(model, refused);
            report = reports.report(id, reports.defaultYear());
        }
        List<SectionLines> sections = new ArrayList<>();
        for (ReportLine.Section section : ReportLine.Section.values()) {
            sections.add(new SectionLines(
                    section,
                    report.lines().stream()
                            .filter(line -> line.line().section() == section)
                            .toList()));
        }
        model.addAttribute("report", report);
        model.addAttribute("sections", sections);
        model.addAttribute("years", years(report.year()));
        StatusFilter filter = StatusFilter.of(status);
        model.addAttribute(
                "children",
                report.reportingChildren() == 0
                        ? new Page<OrganizationReportStatus>(List.of(), 0, PAGE_SIZE, 0)
                        : reports.children(id, report.year(), filter, q, page));
        model.addAttribute("filters", StatusFilter.values());
        model.addAttribute("filterStatus", filter.name());
        model.addAttribute("filterQuery", q);
        model.addAttribute("childQuery", "year=" + report.year() + "&status=" + filter.name() + "&q=" + enc(q));
        model.addAttribute("hasSubtree", !subtreeKinds(organization).isEmpty());
        return "statisticalreports/report";
    }

    /** Saves the draft (action "save") or submits the report with the form's values (action "submit"). */
    @PostMapping("/orgs/{id}/statistical-report")
    String save(
            @PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        int year = year(form.get("year"));
        boolean submitting = "submit".equals(form.get("action"));
        try {
            ReportChanges changes = changes(form);
            if (submitting) {
                reports.submit(id, year, changes);
            } else {
                reports.save(id, year, changes);
            }
        } catch (ProfkomException refused) {
            refusals.show(model, refused);
            model.addAttribute("typed", form);
            return page(id, String.valueOf(year), "", "", new PageRequest(0, PAGE_SIZE), model);
        }
        redirect.addFlashAttribute("flash", texts.text(submitting ? "statreport.submitted" : "statreport.saved"));
        return "redirect:/orgs/" + id + "/statistical-report?year=" + year;
    }

    @PostMapping("/orgs/{id}/statistical-report/accept")
    String accept(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String year,
            Model model,
            RedirectAttributes redirect) {
        return decide(id, year, null, model, redirect);
    }

    @PostMapping("/orgs/{id}/statistical-report/return")
    String returnForCorrection(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String comment,
            Model model,
            RedirectAttributes redirect) {
        return decide(id, year, comment, model, redirect);
    }

    /** Accepts the report (no comment) or returns it with the comment; a missing comment is shown at its field. */
    private String decide(long id, String year, String comment, Model model, RedirectAttributes redirect) {
        int reportYear = year(year);
        String back = "redirect:/orgs/" + id + "/statistical-report?year=" + reportYear;
        try {
            if (comment == null) {
                reports.accept(id, reportYear);
            } else {
                reports.returnForCorrection(id, reportYear, comment);
            }
        } catch (ProfkomException refused) {
            if (refused.kind() != ProfkomException.Kind.INVALID) {
                // A state of the report that forbids the decision is told on the report's page, not on the comment.
                refusals.flash(redirect, "formErrors", refused);
                return back;
            }
            refusals.show(model, refused);
            model.addAttribute("comment", comment);
            return page(id, String.valueOf(reportYear), "", "", new PageRequest(0, PAGE_SIZE), model);
        }
        redirect.addFlashAttribute(
                "flash", texts.text(comment == null ? "statreport.accepted" : "statreport.returned"));
        return back;
    }

    /** Who in the subtree has and has not submitted: the organizations of one kind with their status. */
    @GetMapping("/orgs/{id}/statistical-report/subtree")
    String subtree(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "NOT_SUBMITTED") String status,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Long within,
            @Paged(size = PAGE_SIZE) PageRequest page,
            Model model) {
        Organization organization = header.addTo(model, id, "statistical-report");
        int reportYear = year(year);
        OrganizationKind listed = kind(organization, kind);
        StatusFilter filter = StatusFilter.of(status);
        model.addAttribute("rows", reports.subtree(id, reportYear, listed, filter, q, within, page));
        model.addAttribute("levels", reports.levels(id, listed));
        model.addAttribute("within", within);
        model.addAttribute("year", reportYear);
        model.addAttribute("years", years(reportYear));
        model.addAttribute("kinds", subtreeKinds(organization));
        model.addAttribute("filterKind", listed.name());
        model.addAttribute("filters", StatusFilter.values());
        model.addAttribute("filterStatus", filter.name());
        model.addAttribute("filterQuery", q);
        model.addAttribute(
                "listQuery",
                "year=" + reportYear + "&kind=" + listed.name() + "&status=" + filter.name() + "&q=" + enc(q)
                        + (within == null ? "" : "&within=" + within));
        return "statisticalreports/subtree";
    }

    // ---- files -------------------------------------------------------------------------------

    @GetMapping("/orgs/{id}/statistical-report.xlsx")
    void xlsx(@PathVariable long id, @RequestParam(defaultValue = "") String year, HttpServletResponse response)
            throws IOException {
        StatisticalReport report = reports.report(id, year(year));
        ReportTable table = new ReportTable(texts, formats, report);
        XlsxExport.write(
                response,
                fileName(report) + ".xlsx",
                texts.text("statreport.sheet"),
                table.headers(),
                rows -> table.lines().forEach(rows::add));
    }

    @GetMapping("/orgs/{id}/statistical-report.pdf")
    void pdf(@PathVariable long id, @RequestParam(defaultValue = "") String year, HttpServletResponse response)
            throws IOException {
        StatisticalReport report = reports.report(id, year(year));
        ReportTable table = new ReportTable(texts, formats, report);
        PdfReport.write(response, fileName(report) + ".pdf", table.title(), table.heading(), table.sections());
    }

    @GetMapping("/orgs/{id}/statistical-report/children.xlsx")
    void childrenXlsx(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String q,
            HttpServletResponse response)
            throws IOException {
        int reportYear = year(year);
        StatusFilter filter = StatusFilter.of(status);
        writeList(response, reportYear, number -> reports.children(id, reportYear, filter, q, allOf(number)));
    }

    @GetMapping("/orgs/{id}/statistical-report/subtree.xlsx")
    void subtreeXlsx(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "NOT_SUBMITTED") String status,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Long within,
            HttpServletResponse response)
            throws IOException {
        int reportYear = year(year);
        StatusFilter filter = StatusFilter.of(status);
        writeList(
                response,
                reportYear,
                number -> reports.subtree(id, reportYear, kindOf(kind), filter, q, within, allOf(number)));
    }

    private static PageRequest allOf(int number) {
        return new PageRequest(number, PageRequest.MAX_SIZE);
    }

    /**
     * A list of organizations with their status, every page; the first is read before the download starts, so
     * that a refusal is a page, not a broken file.
     */
    private void writeList(HttpServletResponse response, int year, IntFunction<Page<OrganizationReportStatus>> pages)
            throws IOException {
        Page<OrganizationReportStatus> first = pages.apply(0);
        XlsxExport.write(
                response,
                texts.text("statreport.list.file", String.valueOf(year), formats.date(MoscowTime.today(clock)))
                        + ".xlsx",
                String.valueOf(year),
                ReportTable.statusHeaders(texts),
                rows -> {
                    Page<OrganizationReportStatus> current = first;
                    for (int number = 1; ; number++) {
                        current.items().forEach(row -> rows.add(ReportTable.statusRow(texts, formats, row)));
                        if (!current.hasNext()) {
                            break;
                        }
                        current = pages.apply(number);
                    }
                });
    }

    // ---- the form ----------------------------------------------------------------------------

    /**
     * Reads the form: each line's text as a whole number (spaces allowed, blank for none). A registry line whose
     * value is the one the registry showed stays with the registry; any other value corrects it by hand.
     * Every unreadable field is reported, with the line's name.
     */
    static ReportChanges changes(Map<String, String> form) {
        Validation validation = new Validation();
        Map<ReportLine, Long> lines = new EnumMap<>(ReportLine.class);
        for (ReportLine line : ReportLine.values()) {
            if (!form.containsKey(line.name())) {
                continue;
            }
            String text = form.get(line.name()).replaceAll("[\\s\\u00a0\\u202f]", "");
            Long value = null;
            if (!text.isEmpty()) {
                if (!text.matches("-?\\d+")) {
                    validation.reject(line.name(), "statreport.value.notNumber", label(line));
                    continue;
                }
                if (text.replace("-", "").length() > 15) {
                    validation.reject(line.name(), "statreport.value.tooLarge", label(line), text, line.max());
                    continue;
                }
                value = Long.valueOf(text);
            }
            if (line.fromRegistry() && value != null && String.valueOf(value).equals(form.get(SHOWN + line.name()))) {
                value = null;
            }
            lines.put(line, value);
        }
        validation.throwIfInvalid();
        String version = form.get("version");
        return new ReportChanges(
                version != null && version.strip().matches("\\d{1,9}") ? Integer.valueOf(version.strip()) : null,
                lines);
    }

    private static org.springframework.context.support.DefaultMessageSourceResolvable label(ReportLine line) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(line.messageKey());
    }

    /** The year of the text; the last ended year for blank text. */
    private int year(String text) {
        if (text == null || text.isBlank()) {
            return reports.defaultYear();
        }
        if (!text.strip().matches("\\d{4}")) {
            throw ProfkomException.invalid("year", "statreport.year.invalid");
        }
        return Integer.parseInt(text.strip());
    }

    /** The years of the picker, the one shown among them. */
    private List<Integer> years(int shown) {
        List<Integer> years = new ArrayList<>(reports.recentYears(10));
        if (!years.contains(shown)) {
            years.add(shown);
            years.sort(java.util.Comparator.reverseOrder());
        }
        return years;
    }

    /** The kinds of organizations below this one that report on their own, top down. */
    private static List<OrganizationKind> subtreeKinds(Organization organization) {
        return organization.kind().childKinds().stream()
                .filter(kind -> kind != OrganizationKind.SHOP)
                .toList();
    }

    private static OrganizationKind kind(Organization organization, String text) {
        OrganizationKind kind = kindOf(text);
        return kind != null && subtreeKinds(organization).contains(kind) ? kind : OrganizationKind.PRIMARY;
    }

    private static OrganizationKind kindOf(String text) {
        for (OrganizationKind kind : OrganizationKind.values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        return null;
    }

    private String fileName(StatisticalReport report) {
        return texts.text("statreport.file", report.organizationCode(), String.valueOf(report.year()));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
