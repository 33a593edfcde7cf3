package ru.profkom.organizations.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.organizations.BodyKind;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationForm;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/** The tree, the organization card and the forms that change the structure. */
@Controller
@RequestMapping("/orgs")
class OrganizationPages {

    private final Organizations organizations;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;
    private final OrganizationPageHeader header;
    private final Clock clock;

    OrganizationPages(
            Organizations organizations,
            Texts texts,
            FormRefusals refusals,
            Formats formats,
            OrganizationPageHeader header,
            Clock clock) {
        this.clock = clock;
        this.organizations = organizations;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
    }

    /** A search result with the path to it, so that equal names in different regions can be told apart. */
    record SearchHit(OrganizationNode node, List<ru.profkom.organizations.Crumb> crumbs) {}

    // ---- tree and search -------------------------------------------------------------------

    @GetMapping
    String tree(Model model) {
        model.addAttribute("roots", organizations.scopeRoots());
        return "organizations/tree";
    }

    @GetMapping("/{id}/children")
    String childrenFragment(
            @PathVariable long id,
            @Paged(size = 100) PageRequest page,
            @RequestParam(defaultValue = "false") boolean includeClosed,
            Model model) {
        model.addAttribute("parentId", id);
        model.addAttribute("includeClosed", includeClosed);
        model.addAttribute("children", organizations.children(id, includeClosed, page));
        return "organizations/tree :: children";
    }

    @GetMapping("/search")
    String searchFragment(@RequestParam(defaultValue = "") String q, Model model) {
        Page<OrganizationNode> found =
                q.isBlank() ? new Page<>(List.of(), 0, 20, 0) : organizations.search(q, new PageRequest(0, 20));
        model.addAttribute("query", q);
        model.addAttribute("total", found.total());
        model.addAttribute(
                "hits",
                found.items().stream()
                        .map(node -> new SearchHit(node, organizations.breadcrumbs(node.id())))
                        .toList());
        return "organizations/tree :: results";
    }

    // ---- card ------------------------------------------------------------------------------

    @GetMapping("/{id}")
    String card(
            @PathVariable long id,
            @Paged(size = 50) PageRequest page,
            @RequestParam(defaultValue = "false") boolean includeClosed,
            Model model) {
        Organization organization = header.addTo(model, id, "card");
        model.addAttribute("bodies", organizations.bodies(id));
        model.addAttribute("bodyKinds", BodyKind.values());
        model.addAttribute("includeClosed", includeClosed);
        model.addAttribute("children", organizations.children(id, includeClosed, page));
        if (organization.mergedIntoId() != null && organizations.canRead(organization.mergedIntoId())) {
            model.addAttribute("mergedInto", organizations.get(organization.mergedIntoId()));
        }
        return "organizations/card";
    }

    @GetMapping("/{id}/children.xlsx")
    void exportChildren(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean includeClosed,
            HttpServletResponse response)
            throws IOException {
        Organization parent = organizations.get(id);
        List<String> headers = List.of(
                texts.text("organization.field.code"),
                texts.text("organization.field.shortName"),
                texts.text("organization.field.kind"),
                texts.text("organization.field.status"));
        // Pages are read before the response starts, so an access refusal still becomes an error page.
        Page<OrganizationNode> first =
                organizations.children(id, includeClosed, new PageRequest(0, PageRequest.MAX_SIZE));
        XlsxExport.write(response, parent.code() + ".xlsx", texts.text("organization.export.sheet"), headers, rows -> {
            Page<OrganizationNode> current = first;
            while (true) {
                for (OrganizationNode node : current.items()) {
                    rows.add(List.of(
                            node.code(),
                            node.shortName(),
                            texts.text(node.kind().messageKey()),
                            texts.text(node.status().messageKey())));
                }
                if (!current.hasNext()) {
                    break;
                }
                current = organizations.children(
                        id, includeClosed, new PageRequest(current.page() + 1, PageRequest.MAX_SIZE));
            }
        });
    }

    // ---- create and edit -------------------------------------------------------------------

    @GetMapping("/{id}/new")
    String newChild(@PathVariable long id, @RequestParam(required = false) OrganizationKind kind, Model model) {
        Organization parent = organizations.get(id);
        List<OrganizationKind> kinds = allowedKinds(parent);
        OrganizationKind chosen =
                kind != null && kinds.contains(kind) ? kind : kinds.isEmpty() ? null : kinds.getFirst();
        return childForm(model, parent, OrganizationForm.empty(chosen));
    }

    @PostMapping("/{id}/new")
    String createChild(
            @PathVariable long id, @ModelAttribute OrganizationForm form, Model model, RedirectAttributes redirect) {
        Organization parent = organizations.get(id);
        try {
            Organization created = organizations.createChild(id, form);
            redirect.addFlashAttribute("flash", texts.text("organization.created"));
            return "redirect:/orgs/" + created.id();
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return childForm(model, parent, form);
        }
    }

    private String childForm(Model model, Organization parent, OrganizationForm form) {
        model.addAttribute("parent", parent);
        model.addAttribute("crumbs", organizations.breadcrumbs(parent.id()));
        model.addAttribute("kinds", allowedKinds(parent));
        model.addAttribute("form", form);
        model.addAttribute("values", values(form));
        model.addAttribute("creating", true);
        return "organizations/form";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Organization organization = organizations.get(id);
        return editForm(model, organization, organization.toForm());
    }

    @PostMapping("/{id}/edit")
    String update(
            @PathVariable long id, @ModelAttribute OrganizationForm form, Model model, RedirectAttributes redirect) {
        Organization organization = organizations.get(id);
        try {
            organizations.update(id, form);
            redirect.addFlashAttribute("flash", texts.text("organization.saved"));
            return "redirect:/orgs/" + id;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return editForm(model, organization, form);
        }
    }

    private String editForm(Model model, Organization organization, OrganizationForm form) {
        model.addAttribute("organization", organization);
        model.addAttribute("crumbs", organizations.breadcrumbs(organization.id()));
        model.addAttribute("form", form);
        model.addAttribute("values", values(form));
        model.addAttribute("creating", false);
        return "organizations/form";
    }

    // ---- move, merge, liquidate ------------------------------------------------------------

    @GetMapping("/{id}/move")
    String moveForm(@PathVariable long id, Model model) {
        Organization organization = header.addTo(model, id, "card");
        // By name only: the parent may lie outside what the user reads (a region's administrator moves nothing
        // out of the union's root, a town's out of its region), and the page then says who may move it.
        model.addAttribute(
                "currentParentName",
                organization.parentId() == null
                        ? null
                        : organizations
                                .shortNames(List.of(organization.parentId()))
                                .get(organization.parentId()));
        return "organizations/move";
    }

    /** Candidates for a new parent or a merge target: found by name, filtered to what the action accepts. */
    @GetMapping("/{id}/candidates")
    String candidates(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "move") String purpose,
            Model model) {
        Organization organization = organizations.get(id);
        List<OrganizationNode> found = q.isBlank()
                ? List.of()
                : organizations.search(q, new PageRequest(0, 30)).items().stream()
                        .filter(node -> node.status() == ru.profkom.organizations.OrganizationStatus.ACTIVE)
                        .filter(node -> node.id() != organization.id())
                        .filter(node -> "merge".equals(purpose)
                                ? node.kind() == organization.kind()
                                : node.kind().mayContain(organization.kind())
                                        && !java.util.Objects.equals(node.id(), organization.parentId()))
                        .filter(node -> !organizations.isWithin(node.id(), organization.id()))
                        .filter(node -> organizations.canManage(node.id()))
                        .toList();
        model.addAttribute("candidates", found);
        model.addAttribute("purpose", purpose);
        model.addAttribute("query", q);
        return "organizations/move :: candidates";
    }

    @PostMapping("/{id}/move")
    String move(
            @PathVariable long id,
            @RequestParam(required = false) Long newParentId,
            Model model,
            RedirectAttributes redirect) {
        try {
            organizations.move(id, newParentId == null ? -1 : newParentId);
            redirect.addFlashAttribute("flash", texts.text("organization.moved"));
            return "redirect:/orgs/" + id + "/history";
        } catch (ProfkomException e) {
            refusals.showWithChoiceNotFound(model, e);
            return moveForm(id, model);
        }
    }

    @GetMapping("/{id}/merge")
    String mergeForm(@PathVariable long id, Model model) {
        header.addTo(model, id, "card");
        return "organizations/merge";
    }

    @PostMapping("/{id}/merge")
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) Long targetId,
            Model model,
            RedirectAttributes redirect) {
        try {
            Organization target = organizations.merge(id, targetId == null ? -1 : targetId);
            redirect.addFlashAttribute("flash", texts.text("organization.merged"));
            return "redirect:/orgs/" + target.id();
        } catch (ProfkomException e) {
            refusals.showWithChoiceNotFound(model, e);
            return mergeForm(id, model);
        }
    }

    @GetMapping("/{id}/liquidate")
    String liquidateForm(@PathVariable long id, Model model) {
        header.addTo(model, id, "card");
        if (!model.containsAttribute("date")) {
            model.addAttribute("date", formats.date(MoscowTime.today(clock)));
        }
        return "organizations/liquidate";
    }

    @PostMapping("/{id}/liquidate")
    String liquidate(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String date,
            Model model,
            RedirectAttributes redirect) {
        try {
            LocalDate on = Formats.parseDate(date)
                    .orElseThrow(() -> ProfkomException.invalid(
                            "date", date.isBlank() ? "validation.required" : "validation.date"));
            organizations.liquidate(id, on);
            redirect.addFlashAttribute("flash", texts.text("organization.liquidated"));
            return "redirect:/orgs/" + id;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("date", date);
            return liquidateForm(id, model);
        }
    }

    // ---- bodies ----------------------------------------------------------------------------

    @PostMapping("/{id}/bodies")
    String attachBody(
            @PathVariable long id,
            @RequestParam(required = false) BodyKind kind,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String chairName,
            RedirectAttributes redirect) {
        try {
            organizations.attachBody(id, kind, name, chairName);
            redirect.addFlashAttribute("flash", texts.text("organization.bodyAdded"));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "bodyErrors", e);
        }
        return "redirect:/orgs/" + id + "#bodies";
    }

    @PostMapping("/{id}/bodies/{bodyId}/delete")
    String detachBody(@PathVariable long id, @PathVariable long bodyId, RedirectAttributes redirect) {
        organizations.detachBody(id, bodyId);
        redirect.addFlashAttribute("flash", texts.text("organization.bodyRemoved"));
        return "redirect:/orgs/" + id + "#bodies";
    }

    // ---- history ---------------------------------------------------------------------------

    @GetMapping("/{id}/history")
    String history(@PathVariable long id, @RequestParam(required = false) String date, Model model) {
        Organization organization = header.addTo(model, id, "history");
        model.addAttribute("placements", organizations.placementHistory(id));
        if (date != null && !date.isBlank()) {
            model.addAttribute("date", date);
            Formats.parseDate(date)
                    .ifPresentOrElse(
                            d -> model.addAttribute("crumbsAt", organizations.breadcrumbsAt(id, d)),
                            () -> model.addAttribute("dateError", texts.text("validation.date")));
        }
        return "organizations/history";
    }

    private static java.util.Map<String, Object> values(OrganizationForm form) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("code", form.code());
        values.put("shortName", form.shortName());
        values.put("fullName", form.fullName());
        values.put("inn", form.inn());
        values.put("address", form.address());
        values.put("phone", form.phone());
        values.put("email", form.email());
        values.put("website", form.website());
        values.put("employerName", form.employerName());
        values.put("employerInn", form.employerInn());
        values.put("headcount", form.headcount());
        values.put("chairName", form.chairName());
        values.put("infoWorkerName", form.infoWorkerName());
        return values;
    }

    private static List<OrganizationKind> allowedKinds(Organization parent) {
        return parent.kind().childKinds();
    }
}
