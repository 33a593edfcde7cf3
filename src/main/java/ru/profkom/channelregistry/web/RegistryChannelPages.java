package ru.profkom.channelregistry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
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
import ru.profkom.channelregistry.ChannelFilter;
import ru.profkom.channelregistry.ChannelForm;
import ru.profkom.channelregistry.ChannelKind;
import ru.profkom.channelregistry.ChannelReading;
import ru.profkom.channelregistry.ChannelRegistry;
import ru.profkom.channelregistry.DailyTotal;
import ru.profkom.channelregistry.RegisteredChannel;
import ru.profkom.channelregistry.RoskomnadzorRule;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;
import tools.jackson.databind.json.JsonMapper;

/**
 * «Каналы» under «Информация»: the organization's (or its structure's) channels, one channel's card with its
 * subscribers' chart, the forms of a channel and of a count typed by hand, and the XLSX export of a list.
 */
@Controller
class RegistryChannelPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHART_DAYS = 365;

    private final ChannelRegistry registry;
    private final Organizations organizations;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;
    private final Clock clock;

    RegistryChannelPages(
            ChannelRegistry registry,
            Organizations organizations,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            Formats formats,
            Clock clock) {
        this.registry = registry;
        this.organizations = organizations;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/orgs/{id}/channels")
    String list(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "false") boolean warning,
            @Paged PageRequest page,
            Model model) {
        header.addTo(model, id, "channels");
        ChannelFilter filter = new ChannelFilter(subtree, ChannelKind.parse(kind), q, archived, warning);
        Page<RegisteredChannel> channels = registry.channels(id, filter, page);
        model.addAttribute("channels", channels);
        model.addAttribute("organizationNames", names(channels.items()));
        model.addAttribute("kinds", ChannelKind.values());
        model.addAttribute("filterSubtree", subtree);
        model.addAttribute("filterKind", kind);
        model.addAttribute("filterQuery", q);
        model.addAttribute("filterArchived", archived);
        model.addAttribute("filterWarning", warning);
        model.addAttribute("filterQueryString", query(subtree, kind, q, archived, warning));
        LocalDate today = MoscowTime.today(clock);
        List<DailyTotal> totals = registry.totals(id, today.minusDays(CHART_DAYS), today);
        model.addAttribute(
                "totalChart",
                chart(
                        totals.stream().map(DailyTotal::date).toList(),
                        totals.stream().map(DailyTotal::subscribers).toList(),
                        texts.text("channels.chart.total")));
        model.addAttribute("totals", totals);
        if (!model.containsAttribute("channelForm")) {
            model.addAttribute("channelForm", Map.of());
        }
        return "channelregistry/channels";
    }

    @PostMapping("/orgs/{id}/channels")
    String register(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        try {
            RegisteredChannel channel = registry.register(id, form(parameters));
            redirect.addFlashAttribute("flash", texts.text("channels.added"));
            return "redirect:/orgs/" + id + "/channels/" + channel.id();
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("channelForm", parameters);
            return list(id, false, "", "", false, false, new PageRequest(0, PageRequest.DEFAULT_SIZE), model);
        }
    }

    @GetMapping("/orgs/{id}/channels/{channelId}")
    String channel(@PathVariable long id, @PathVariable long channelId, Model model) {
        header.addTo(model, id, "channels");
        RegisteredChannel channel = registry.channel(id, channelId);
        model.addAttribute("channel", channel);
        LocalDate today = MoscowTime.today(clock);
        List<ChannelReading> readings = registry.readings(id, channelId, today.minusDays(CHART_DAYS), today);
        model.addAttribute("readings", readings.reversed());
        model.addAttribute(
                "chart",
                chart(
                        readings.stream().map(ChannelReading::date).toList(),
                        readings.stream().map(r -> (long) r.subscribers()).toList(),
                        channel.name()));
        model.addAttribute("warningAt", RoskomnadzorRule.WARNING_AT);
        model.addAttribute(
                "deadline",
                channel.mustRegister()
                        ? registry.passedRegistrationThreshold(id, channelId)
                                .map(RoskomnadzorRule::registrationDeadline)
                                .orElse(null)
                        : null);
        model.addAttribute("kinds", ChannelKind.values());
        if (!model.containsAttribute("channelForm")) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("kind", channel.kind().name());
            form.put("address", channel.address());
            form.put("name", channel.name());
            form.put("apiTarget", channel.apiTarget() == null ? "" : channel.apiTarget());
            form.put("connected", String.valueOf(channel.connected()));
            model.addAttribute("channelForm", form);
        }
        if (!model.containsAttribute("countForm")) {
            model.addAttribute("countForm", Map.of("date", formats.date(today), "subscribers", ""));
        }
        return "channelregistry/channel";
    }

    @PostMapping("/orgs/{id}/channels/{channelId}")
    String update(
            @PathVariable long id,
            @PathVariable long channelId,
            @RequestParam Map<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        try {
            registry.update(id, channelId, form(parameters));
            redirect.addFlashAttribute("flash", texts.text("channels.saved"));
            return "redirect:/orgs/" + id + "/channels/" + channelId;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("channelForm", parameters);
            return channel(id, channelId, model);
        }
    }

    @PostMapping("/orgs/{id}/channels/{channelId}/count")
    String count(
            @PathVariable long id,
            @PathVariable long channelId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String subscribers,
            Model model,
            RedirectAttributes redirect) {
        try {
            Validation validation = new Validation();
            LocalDate day = Formats.parseDate(date).orElse(null);
            if (day == null && !date.isBlank()) {
                validation.reject("date", "validation.date");
            }
            Integer count = null;
            String digits = subscribers.strip().replace(" ", "").replace("\u00a0", "");
            if (!digits.isEmpty()) {
                if (digits.matches("-?\\d{1,9}")) {
                    count = Integer.valueOf(digits);
                } else {
                    validation.reject("subscribers", "channels.subscribers.number");
                }
            }
            validation.throwIfInvalid();
            registry.enterCount(id, channelId, day, count);
            redirect.addFlashAttribute("flash", texts.text("channels.counted"));
            return "redirect:/orgs/" + id + "/channels/" + channelId;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("countForm", Map.of("date", date, "subscribers", subscribers));
            return channel(id, channelId, model);
        }
    }

    @PostMapping("/orgs/{id}/channels/{channelId}/archive")
    String archive(@PathVariable long id, @PathVariable long channelId, RedirectAttributes redirect) {
        registry.archive(id, channelId);
        redirect.addFlashAttribute("flash", texts.text("channels.archivedDone"));
        return "redirect:/orgs/" + id + "/channels/" + channelId;
    }

    @PostMapping("/orgs/{id}/channels/{channelId}/restore")
    String restore(@PathVariable long id, @PathVariable long channelId, RedirectAttributes redirect) {
        registry.restore(id, channelId);
        redirect.addFlashAttribute("flash", texts.text("channels.restoredDone"));
        return "redirect:/orgs/" + id + "/channels/" + channelId;
    }

    @GetMapping("/orgs/{id}/channels.xlsx")
    void export(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "false") boolean warning,
            HttpServletResponse response)
            throws IOException {
        ChannelFilter filter = new ChannelFilter(subtree, ChannelKind.parse(kind), q, archived, warning);
        Page<RegisteredChannel> first = registry.channels(id, filter, new PageRequest(0, PageRequest.MAX_SIZE));
        List<String> headings = List.of(
                texts.text("channels.organization"),
                texts.text("channels.kind"),
                texts.text("channels.name"),
                texts.text("channels.address"),
                texts.text("channels.connected"),
                texts.text("channels.subscribers"),
                texts.text("channels.countedOn"),
                texts.text("channels.readState"),
                texts.text("channels.archivedOn"));
        XlsxExport.write(
                response, texts.text("channels.file") + ".xlsx", texts.text("channels.title"), headings, rows -> {
                    Page<RegisteredChannel> page = first;
                    for (int number = 0; ; ) {
                        Map<Long, String> names = names(page.items());
                        for (RegisteredChannel channel : page.items()) {
                            rows.add(java.util.Arrays.asList(
                                    names.get(channel.organizationId()),
                                    texts.text(channel.kind().messageKey()),
                                    channel.name(),
                                    channel.address(),
                                    texts.text(
                                            channel.connected() ? "channels.connected.yes" : "channels.connected.no"),
                                    channel.subscribers(),
                                    formats.date(channel.countedOn()),
                                    channel.readStatus() == null
                                            ? ""
                                            : texts.text(channel.readStatus().messageKey())
                                                    + (channel.readError() == null ? "" : ": " + channel.readError()),
                                    formats.date(channel.archivedAt())));
                        }
                        if (!page.hasNext()) {
                            break;
                        }
                        number++;
                        page = registry.channels(id, filter, new PageRequest(number, PageRequest.MAX_SIZE));
                    }
                });
    }

    private Map<Long, String> names(List<RegisteredChannel> channels) {
        return organizations.shortNames(channels.stream()
                .map(RegisteredChannel::organizationId)
                .distinct()
                .toList());
    }

    /** The chart's data for channel-chart.js: dates as dd.MM.yyyy, the counts, the line's label. */
    private String chart(List<LocalDate> dates, List<Long> values, String label) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        dates.forEach(date -> labels.add(formats.date(date)));
        data.put("labels", labels);
        data.put("values", values);
        data.put("label", label);
        data.put("warningAt", RoskomnadzorRule.WARNING_AT);
        return JSON.writeValueAsString(data);
    }

    private static ChannelForm form(Map<String, String> parameters) {
        return new ChannelForm(
                ChannelKind.parse(parameters.get("kind")),
                parameters.get("address"),
                parameters.get("name"),
                parameters.get("apiTarget"),
                "true".equals(parameters.get("connected")));
    }

    private static String query(boolean subtree, String kind, String q, boolean archived, boolean warning) {
        return "subtree=" + subtree + "&kind=" + enc(kind) + "&q=" + enc(q) + "&archived=" + archived + "&warning="
                + warning;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
