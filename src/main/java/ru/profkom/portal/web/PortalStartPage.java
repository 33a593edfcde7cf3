package ru.profkom.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.profkom.portal.PortalSites;
import ru.profkom.shared.PageRequest;

/**
 * Where the public lands at the application's address ({@code /} sends visitors who are not signed in
 * here): the pages of the union's organizations, and the staff's way to sign in.
 */
@Controller
class PortalStartPage {

    static final String PATH = "/portal";
    private static final int SITES_PAGE = 50;

    private final PortalSites sites;

    PortalStartPage(PortalSites sites) {
        this.sites = sites;
    }

    @GetMapping(PATH)
    String start(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("sites", sites.directory(PageRequest.of(page, SITES_PAGE)));
        return "portal/start";
    }
}
