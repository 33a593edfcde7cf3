package ru.profkom.members.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.CorrectionRequests;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;

/** The open correction requests of an organization's subtree, for its staff to work through. */
@Controller
class CorrectionPages {

    private final CorrectionRequests corrections;
    private final OrganizationPageHeader header;
    private final Texts texts;

    CorrectionPages(CorrectionRequests corrections, OrganizationPageHeader header, Texts texts) {
        this.corrections = corrections;
        this.header = header;
        this.texts = texts;
    }

    @GetMapping("/orgs/{id}/corrections")
    String open(@PathVariable long id, @Paged(size = 50) PageRequest page, Model model) {
        // The registry's check first: a member's grant opens the organization's card, not its requests.
        model.addAttribute("corrections", corrections.openIn(id, page));
        header.addTo(model, id, "corrections");
        return "members/corrections";
    }

    @PostMapping("/corrections/{correctionId}/resolve")
    String resolve(@PathVariable long correctionId, @RequestParam long organizationId, RedirectAttributes redirect) {
        try {
            corrections.resolve(correctionId);
            redirect.addFlashAttribute("flash", texts.text("member.correction.resolved"));
        } catch (ProfkomException e) {
            if (e.kind() != ProfkomException.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("flash", texts.text("member.correction.alreadyResolved"));
        }
        return "redirect:/orgs/" + organizationId + "/corrections";
    }
}
