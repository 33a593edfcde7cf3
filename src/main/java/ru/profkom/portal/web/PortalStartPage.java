package ru.profkom.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.profkom.portal.PortalSites;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.web.Paged;

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
    String start(@Paged(size = SITES_PAGE) PageRequest page, Model model) {
        model.addAttribute("sites", sites.directory(page));
        return "portal/start";
    }
}
