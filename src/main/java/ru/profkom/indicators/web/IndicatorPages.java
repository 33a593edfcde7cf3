package ru.profkom.indicators.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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
import ru.profkom.indicators.Channel;
import ru.profkom.indicators.ChannelPrefill;
import ru.profkom.indicators.ChildReport;
import ru.profkom.indicators.IndicatorEntry;
import ru.profkom.indicators.Indicators;
import ru.profkom.indicators.InfoReports;
import ru.profkom.indicators.Periods;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/** The "Показатели" tab: the month's indicators with sources, the forms of the hand data, the reports. */
@Controller
class IndicatorPages {

    private static final int CHILD_REPORTS_PAGE = 20;

    private final Indicators indicators;
    private final ChannelPrefill prefill;
    private final InfoReports reports;
    private final OrganizationPageHeader header;
    private final IndicatorTexts texts;
    private final Texts messages;
    private final FormRefusals refusals;
    private final Formats formats;
    private final Clock clock;

    IndicatorPages(
            Indicators indicators,
            ChannelPrefill prefill,
            InfoReports reports,
            OrganizationPageHeader header,
            IndicatorTexts texts,
            Texts messages,
            FormRefusals refusals,
            Formats formats,
            Clock clock) {
        this.indicators = indicators;
        this.prefill = prefill;
        this.reports = reports;
        this.header = header;
        this.texts = texts;
        this.messages = messages;
        this.refusals = refusals;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/orgs/{id}/indicators")
    String page(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String kind,
            @Paged(size = CHILD_REPORTS_PAGE) PageRequest page,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String sent,
            Model model) {
        Organization organization = header.addTo(model, id, "indicators");
        YearMonth month = indicators.period(period);
        fill(model, organization, month, kind, page, q, sent);
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", form(indicators.entry(id, month)));
        }
        return "indicators/indicators";
    }

    private void fill(
            Model model,
            Organization organization,
            YearMonth month,
            String kind,
            PageRequest page,
            String q,
            String sent) {
        long id = organization.id();
        model.addAttribute("period", month);
        model.addAttribute("periodText", texts.month(month));
        model.addAttribute("periods", texts.months(Periods.recent(clock, 24)));
        model.addAttribute("rows", texts.rows(indicators.readings(id, month)));
        Channel.Kind kindFilter = kindOf(kind);
        model.addAttribute("channelKinds", Channel.Kind.values());
        model.addAttribute("filterKind", kind);
        model.addAttribute(
                "channels", indicators.channels(id, month, kindFilter, new PageRequest(0, Indicators.MAX_CHANNELS)));
        model.addAttribute("sentAt", reports.sentAt(id, month));
        model.addAttribute("canSend", organization.parentId() != null);
        Boolean sentFilter = sent.isBlank() ? null : Boolean.valueOf(sent);
        Page<ChildReport> children = reports.childReports(id, month, q, sentFilter, page);
        model.addAttribute("childReports", children);
        model.addAttribute("filterQuery", q);
        model.addAttribute("filterSent", sent);
        model.addAttribute("channelQuery", "period=" + month + "&kind=" + kind);
        model.addAttribute("childQuery", "period=" + month + "&q=" + enc(q) + "&sent=" + enc(sent));
    }

    @PostMapping("/orgs/{id}/indicators/entry")
    String saveEntry(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        YearMonth month = indicators.period(parameters.get("period"));
        try {
            indicators.saveEntry(id, month, parse(parameters));
            redirect.addFlashAttribute("flash", messages.text("indicator.entry.saved"));
            return "redirect:/orgs/" + id + "/indicators?period=" + month;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("entryForm", parameters);
            return page(id, month.toString(), "", new PageRequest(0, CHILD_REPORTS_PAGE), "", "", model);
        }
    }

    @PostMapping("/orgs/{id}/indicators/channels")
    String addChannel(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String subscribers,
            Model model,
            RedirectAttributes redirect) {
        YearMonth month = indicators.period(period);
        try {
            Channel.Kind channelKind = kindOf(kind);
            Integer count = integer("subscribers", subscribers);
            indicators.addChannel(id, month, channelKind, address, count);
            redirect.addFlashAttribute("flash", messages.text("indicator.channel.added"));
            return "redirect:/orgs/" + id + "/indicators?period=" + month + "#channels";
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("channelForm", Map.of("kind", kind, "address", address, "subscribers", subscribers));
            return page(id, month.toString(), "", new PageRequest(0, CHILD_REPORTS_PAGE), "", "", model);
        }
    }

    @PostMapping("/orgs/{id}/indicators/channels/from-registry")
    String channelsFromRegistry(
            @PathVariable long id, @RequestParam(defaultValue = "") String period, RedirectAttributes redirect) {
        YearMonth month = indicators.period(period);
        try {
            int added = prefill.fromRegistry(id, month);
            redirect.addFlashAttribute("flash", messages.text("indicator.channel.fromRegistry.done", added));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/orgs/" + id + "/indicators?period=" + month + "#channels";
    }

    @PostMapping("/orgs/{id}/indicators/channels/remove")
    String removeChannel(
            @PathVariable long id,
            @RequestParam long channel,
            @RequestParam(defaultValue = "") String period,
            RedirectAttributes redirect) {
        indicators.removeChannel(id, channel);
        redirect.addFlashAttribute("flash", messages.text("indicator.channel.removed"));
        return "redirect:/orgs/" + id + "/indicators?period=" + indicators.period(period) + "#channels";
    }

    @PostMapping("/orgs/{id}/indicators/send")
    String send(@PathVariable long id, @RequestParam(defaultValue = "") String period, RedirectAttributes redirect) {
        YearMonth month = indicators.period(period);
        try {
            reports.send(id, month);
            redirect.addFlashAttribute("flash", messages.text("report.sent"));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/orgs/" + id + "/indicators?period=" + month;
    }

    @GetMapping("/orgs/{id}/indicators/children.xlsx")
    void exportChildren(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String sent,
            HttpServletResponse response)
            throws IOException {
        YearMonth month = indicators.period(period);
        Boolean sentFilter = sent.isBlank() ? null : Boolean.valueOf(sent);
        Page<ChildReport> all = reports.childReports(id, month, q, sentFilter, new PageRequest(0, 1));
        List<String> headers = List.of(texts.text("report.child.organization"), texts.text("report.child.sentAt"));
        XlsxExport.write(
                response,
                texts.text("report.children.file", month.toString()) + ".xlsx",
                month.toString(),
                headers,
                rows -> {
                    for (int number = 0; number * PageRequest.MAX_SIZE < all.total(); number++) {
                        for (ChildReport report : reports.childReports(
                                        id, month, q, sentFilter, new PageRequest(number, PageRequest.MAX_SIZE))
                                .items()) {
                            rows.add(List.of(
                                    report.name(),
                                    report.sentAt() == null
                                            ? texts.text("report.notSent")
                                            : formats.dateTime(report.sentAt())));
                        }
                    }
                });
    }

    private static Map<String, String> form(IndicatorEntry entry) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("budget", text(entry.budget()));
        form.put("infoSpending", text(entry.infoSpending()));
        form.put("stands", text(entry.stands()));
        form.put("standsUpdatedOn", entry.standsUpdatedOn() == null ? "" : new Formats().date(entry.standsUpdatedOn()));
        form.put("periodicalSubscriptions", text(entry.periodicalSubscriptions()));
        form.put("trainedInfoWorkers", text(entry.trainedInfoWorkers()));
        return form;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    /** Reads the form's text fields; every unreadable field is reported, nothing is saved. */
    static IndicatorEntry parse(Map<String, String> parameters) {
        ru.profkom.shared.Validation validation = new ru.profkom.shared.Validation();
        BigDecimal budget = money(validation, "budget", parameters.get("budget"));
        BigDecimal spending = money(validation, "infoSpending", parameters.get("infoSpending"));
        Integer stands = integer(validation, "stands", parameters.get("stands"));
        Integer subscriptions =
                integer(validation, "periodicalSubscriptions", parameters.get("periodicalSubscriptions"));
        Integer trained = integer(validation, "trainedInfoWorkers", parameters.get("trainedInfoWorkers"));
        String dateText = parameters.get("standsUpdatedOn");
        LocalDate updated = Formats.parseDate(dateText).orElse(null);
        if (updated == null && dateText != null && !dateText.isBlank()) {
            validation.reject("standsUpdatedOn", "validation.date");
        }
        validation.throwIfInvalid();
        return new IndicatorEntry(budget, spending, stands, updated, subscriptions, trained);
    }

    private static BigDecimal money(ru.profkom.shared.Validation validation, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip()
                    .replace(" ", "")
                    .replace('\u00a0', ' ')
                    .replace(" ", "")
                    .replace(',', '.'));
        } catch (NumberFormatException e) {
            validation.reject(field, "validation.number");
            return null;
        }
    }

    private static Integer integer(ru.profkom.shared.Validation validation, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip().replace(" ", ""));
        } catch (NumberFormatException e) {
            validation.reject(
                    field,
                    text.strip().matches("-?\\d+") ? "indicator.entry.tooLarge" : "validation.number",
                    Integer.MAX_VALUE);
            return null;
        }
    }

    private static Integer integer(String field, String text) {
        ru.profkom.shared.Validation validation = new ru.profkom.shared.Validation();
        Integer value = integer(validation, field, text);
        validation.throwIfInvalid();
        return value;
    }

    private static Channel.Kind kindOf(String text) {
        for (Channel.Kind kind : Channel.Kind.values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        return null;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
