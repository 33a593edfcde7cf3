package ru.profkom.settings.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.settings.InstallationSettings;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormErrors;

/** The union administrator's settings of the whole installation: the public address of every absolute link. */
@Controller
class SettingsPage {

    private final InstallationSettings settings;
    private final FormErrors formErrors;

    SettingsPage(InstallationSettings settings, FormErrors formErrors) {
        this.settings = settings;
        this.formErrors = formErrors;
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
            redirect.addFlashAttribute("flash", formErrors.text("settings.publicAddress.saved"));
            return "redirect:/admin/settings";
        } catch (ProfkomException e) {
            if (e.kind() != ProfkomException.Kind.INVALID) {
                throw e;
            }
            formErrors.show(model, e);
            model.addAttribute("typedAddress", publicAddress);
            return page(model);
        }
    }
}
