package ru.profkom.crossposting.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.crossposting.Channel;
import ru.profkom.crossposting.ChannelForm;
import ru.profkom.crossposting.ChannelKind;
import ru.profkom.crossposting.CrossPosting;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Texts;

/** The organization's Telegram and VK channels and the latest deliveries to them, under the tab «Сайт». */
@Controller
class ChannelPages {

    private final CrossPosting crossPosting;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;

    ChannelPages(CrossPosting crossPosting, OrganizationPageHeader header, Texts texts, FormRefusals refusals) {
        this.crossPosting = crossPosting;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
    }

    @GetMapping("/orgs/{id}/site/channels")
    String channels(@PathVariable long id, Model model) {
        // Each kind with its channel or null: the template pairs them without a lambda, which SpEL cannot run.
        Map<ChannelKind, Channel> channelsByKind = new LinkedHashMap<>();
        for (ChannelKind kind : ChannelKind.values()) {
            channelsByKind.put(kind, null);
        }
        crossPosting.channels(id).forEach(channel -> channelsByKind.put(channel.kind(), channel));
        model.addAttribute("channelsByKind", channelsByKind);
        model.addAttribute("deliveries", crossPosting.deliveries(id, 50));
        header.addTo(model, id, "site");
        return "crossposting/channels";
    }

    @PostMapping("/orgs/{id}/site/channels")
    String connect(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "false") boolean enabled,
            Model model,
            RedirectAttributes redirect) {
        // A kind the form never offers is no kind: refused in Russian by the service, not a 500.
        ChannelKind channelKind = Arrays.stream(ChannelKind.values())
                .filter(known -> known.name().equals(kind))
                .findFirst()
                .orElse(null);
        try {
            crossPosting.connect(id, new ChannelForm(channelKind, target, token, enabled));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "channelErrors", e);
            return "redirect:/orgs/" + id + "/site/channels";
        }
        redirect.addFlashAttribute("flash", texts.text("crosspost.saved"));
        return "redirect:/orgs/" + id + "/site/channels";
    }
}
