package ru.profkom.portal.web;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.JoinApplications;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.SiteForm;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;

/**
 * The organization's tab «Сайт» for its staff: the public page's address and texts, documents,
 * feedback from visitors and the applications to join that arrived through the page.
 */
@Controller
class SitePages {

    private static final int FEEDBACK_PAGE = 20;

    private static final int APPLICATIONS_PAGE = 20;

    private final PortalSites sites;
    private final Members members;
    private final JoinApplications applications;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;

    SitePages(
            PortalSites sites,
            Members members,
            JoinApplications applications,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals) {
        this.sites = sites;
        this.members = members;
        this.applications = applications;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
    }

    @GetMapping("/orgs/{id}/site")
    String site(
            @PathVariable long id,
            @Paged(size = FEEDBACK_PAGE) PageRequest page,
            @Paged(value = "applicationsPage", size = APPLICATIONS_PAGE) PageRequest applicationsPage,
            Model model) {
        return page(model, id, sites.form(id), page, applicationsPage);
    }

    @PostMapping("/orgs/{id}/site")
    String save(@PathVariable long id, @ModelAttribute SiteFormFields form, Model model, RedirectAttributes redirect) {
        try {
            sites.save(id, form.toForm());
            redirect.addFlashAttribute("flash", texts.text("portal.site.saved"));
            return "redirect:/orgs/" + id + "/site";
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return page(
                    model, id, form.toForm(), new PageRequest(0, FEEDBACK_PAGE), new PageRequest(0, APPLICATIONS_PAGE));
        }
    }

    @PostMapping("/orgs/{id}/site/documents")
    String addDocument(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            byte[] content = file == null || file.isEmpty() ? new byte[0] : file.getBytes();
            sites.addDocument(id, title, file == null ? null : file.getOriginalFilename(), content);
            redirect.addFlashAttribute("flash", texts.text("portal.document.added"));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "documentErrors", e);
        }
        return "redirect:/orgs/" + id + "/site#documents";
    }

    @PostMapping("/orgs/{id}/site/documents/{documentId}/delete")
    String removeDocument(@PathVariable long id, @PathVariable long documentId, RedirectAttributes redirect) {
        sites.removeDocument(id, documentId);
        redirect.addFlashAttribute("flash", texts.text("portal.document.removed"));
        return "redirect:/orgs/" + id + "/site#documents";
    }

    @PostMapping("/orgs/{id}/site/applications/{membershipId}/accept")
    String accept(@PathVariable long id, @PathVariable long membershipId, RedirectAttributes redirect) {
        sites.site(id);
        members.changeStatus(membershipId, MembershipStatus.ACTIVE);
        redirect.addFlashAttribute("flash", texts.text("portal.application.accepted"));
        return "redirect:/orgs/" + id + "/site#applications";
    }

    @PostMapping("/orgs/{id}/site/applications/{membershipId}/decline")
    String decline(@PathVariable long id, @PathVariable long membershipId, RedirectAttributes redirect) {
        sites.site(id);
        applications.decline(membershipId);
        redirect.addFlashAttribute("flash", texts.text("portal.application.declined"));
        return "redirect:/orgs/" + id + "/site#applications";
    }

    private String page(Model model, long id, SiteForm form, PageRequest page, PageRequest applicationsPage) {
        // The portal's check first: the page's staff may read its feedback; header after it.
        model.addAttribute("feedback", sites.feedback(id, page));
        model.addAttribute("documents", sites.documents(id));
        model.addAttribute("applications", applications.pending(id, applicationsPage));
        header.addTo(model, id, "site");
        model.addAttribute("form", form);
        model.addAttribute("published", sites.site(id).isPresent());
        return "portal/site";
    }

    /** The settings form as posted. */
    public static class SiteFormFields {
        private String slug;
        private String about;
        private String contacts;
        private Integer version;

        SiteForm toForm() {
            return new SiteForm(slug, about, contacts, version);
        }

        public String getSlug() {
            return slug;
        }

        public void setSlug(String value) {
            slug = value;
        }

        public String getAbout() {
            return about;
        }

        public void setAbout(String value) {
            about = value;
        }

        public String getContacts() {
            return contacts;
        }

        public void setContacts(String value) {
            contacts = value;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer value) {
            version = value;
        }
    }
}
