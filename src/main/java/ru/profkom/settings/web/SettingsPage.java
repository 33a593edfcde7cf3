package ru.profkom.settings.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.settings.InstallationSettings;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Texts;

/** The union administrator's settings of the whole installation: the public address of every absolute link. */
@Controller
class SettingsPage {

    private final InstallationSettings settings;
    private final Texts texts;
    private final FormRefusals refusals;

    SettingsPage(InstallationSettings settings, Texts texts, FormRefusals refusals) {
        this.settings = settings;
        this.texts = texts;
        this.refusals = refusals;
    }

    @GetMapping("/admin/settings")
    String page(Model model) {
        model.addAttribute("address", settings.publicAddress());
        return "settings/settings";
    }

    @PostMapping("/admin/settings/public-address")
    String changePublicAddress(
            @RequestParam(defaultValue = "") String publicAddress, Model model, RedirectAttributes redirect) {
        try {
            settings.changePublicAddress(publicAddress);
            redirect.addFlashAttribute("flash", texts.text("settings.publicAddress.saved"));
            return "redirect:/admin/settings";
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("typedAddress", publicAddress);
            return page(model);
        }
    }
}
