package ru.profkom.publications.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.publications.Images;
import ru.profkom.publications.InfoPackage;
import ru.profkom.publications.InfoPackageDraft;
import ru.profkom.publications.InfoPackages;
import ru.profkom.publications.Publication;
import ru.profkom.publications.Receipt;
import ru.profkom.publications.Route;
import ru.profkom.publications.RouteStatus;
import ru.profkom.publications.UpwardRoutes;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/** The "Входящие" tab: publications sent up from below, packages received from above, packages sent down. */
@Controller
class InboxPages {

    private final UpwardRoutes routes;
    private final InfoPackages packages;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;

    InboxPages(
            UpwardRoutes routes,
            InfoPackages packages,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            Formats formats) {
        this.routes = routes;
        this.packages = packages;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
    }

    @GetMapping("/orgs/{id}/inbox")
    String inbox(
            @PathVariable long id,
            @RequestParam(required = false) RouteStatus status,
            @RequestParam(required = false) Boolean opened,
            @Paged(size = 20) PageRequest page,
            @Paged(value = "packagePage", size = 20) PageRequest packagePage,
            @Paged(value = "sentPage", size = 10) PageRequest sentPage,
            Model model) {
        header.addTo(model, id, "inbox");
        Set<RouteStatus> statuses = status == null ? Set.of() : EnumSet.of(status);
        model.addAttribute("incoming", routes.incoming(id, statuses, page));
        model.addAttribute("outgoing", routes.journeys(id, new PageRequest(0, 10)));
        model.addAttribute("passing", routes.passingThrough(id, new PageRequest(0, 20)));
        model.addAttribute("received", packages.inbox(id, opened, packagePage));
        model.addAttribute("sent", packages.sent(id, sentPage));
        model.addAttribute("routeStatuses", RouteStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("opened", opened);
        return "publications/inbox";
    }

    @GetMapping("/orgs/{id}/inbox.xlsx")
    void exportIncoming(
            @PathVariable long id, @RequestParam(required = false) RouteStatus status, HttpServletResponse response)
            throws IOException {
        Set<RouteStatus> statuses = status == null ? Set.of() : EnumSet.of(status);
        Page<Route> first = routes.incoming(id, statuses, new PageRequest(0, PageRequest.MAX_SIZE));
        XlsxExport.write(
                response,
                texts.text("inbox.export.file") + ".xlsx",
                texts.text("inbox.incoming"),
                List.of(
                        texts.text("route.field.sentAt"),
                        texts.text("route.field.publication"),
                        texts.text("route.field.origin"),
                        texts.text("route.field.from"),
                        texts.text("route.field.purpose"),
                        texts.text("route.field.status"),
                        texts.text("route.field.note")),
                rows -> {
                    Page<Route> current = first;
                    while (true) {
                        for (Route r : current.items()) {
                            rows.add(Arrays.asList(
                                    formats.dateTime(r.sentAt()),
                                    r.publicationTitle(),
                                    r.originOrganizationName(),
                                    r.fromOrganizationName(),
                                    texts.text(r.purpose().messageKey()),
                                    texts.text(r.status().messageKey()),
                                    r.note()));
                        }
                        if (!current.hasNext()) {
                            break;
                        }
                        current = routes.incoming(
                                id, statuses, new PageRequest(current.page() + 1, PageRequest.MAX_SIZE));
                    }
                });
    }

    @PostMapping("/routes/{routeId}/republish")
    String republish(@PathVariable long routeId, @RequestParam long organizationId, RedirectAttributes redirect) {
        try {
            Publication copy = routes.republish(routeId);
            redirect.addFlashAttribute("flash", texts.text("route.republished"));
            return "redirect:/publications/" + copy.id();
        } catch (ProfkomException e) {
            return refused(e, organizationId, redirect);
        }
    }

    @PostMapping("/routes/{routeId}/forward")
    String forward(
            @PathVariable long routeId,
            @RequestParam long organizationId,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            routes.forward(routeId, note);
            redirect.addFlashAttribute("flash", texts.text("route.forwarded"));
        } catch (ProfkomException e) {
            return refused(e, organizationId, redirect);
        }
        return "redirect:/orgs/" + organizationId + "/inbox";
    }

    @PostMapping("/routes/{routeId}/return")
    String returnToSender(
            @PathVariable long routeId,
            @RequestParam long organizationId,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        try {
            routes.returnToSender(routeId, comment);
            redirect.addFlashAttribute("flash", texts.text("route.returned"));
        } catch (ProfkomException e) {
            return refused(e, organizationId, redirect);
        }
        return "redirect:/orgs/" + organizationId + "/inbox";
    }

    @GetMapping("/orgs/{id}/packages/new")
    String newPackage(@PathVariable long id, Model model) {
        header.addTo(model, id, "inbox");
        model.addAttribute("kinds", OrganizationKind.values());
        model.addAttribute("remindAfterDays", 3);
        return "publications/package-form";
    }

    @PostMapping("/orgs/{id}/packages")
    String sendPackage(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) List<OrganizationKind> kinds,
            @RequestParam(required = false) Integer remindAfterDays,
            @RequestParam(required = false) List<MultipartFile> files,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            List<MultipartFile> uploads = files == null
                    ? List.of()
                    : files.stream().filter(f -> !f.isEmpty()).toList();
            for (MultipartFile file : uploads) {
                if (file.getSize() > Images.MAX_ATTACHMENT_BYTES) {
                    throw ProfkomException.invalid(
                            "files", "attachment.tooLarge", Images.MAX_ATTACHMENT_BYTES / 1024 / 1024);
                }
            }
            InfoPackage sent = packages.send(
                    id,
                    new InfoPackageDraft(title, body, kinds == null ? Set.of() : Set.copyOf(kinds), remindAfterDays));
            for (MultipartFile file : uploads) {
                packages.addAttachment(sent.id(), file.getOriginalFilename(), file.getBytes());
            }
            redirect.addFlashAttribute("flash", texts.text("package.sent", sent.recipientCount()));
            return "redirect:/packages/" + sent.id();
        } catch (ProfkomException e) {
            refusals.show(model, e);
            header.addTo(model, id, "inbox");
            model.addAttribute("kinds", OrganizationKind.values());
            model.addAttribute("title", title);
            model.addAttribute("body", body);
            model.addAttribute("chosenKinds", kinds == null ? List.of() : kinds);
            model.addAttribute("remindAfterDays", remindAfterDays);
            return "publications/package-form";
        }
    }

    @GetMapping("/packages/{packageId}")
    String openPackage(
            @PathVariable long packageId,
            @RequestParam(required = false) Boolean opened,
            @Paged(size = 50) PageRequest page,
            @RequestParam(name = "in", required = false) Long recipientOrganizationId,
            Model model) {
        InfoPackage infoPackage = packages.open(packageId, recipientOrganizationId);
        boolean sender = packages.isSender(packageId);
        model.addAttribute("infoPackage", infoPackage);
        model.addAttribute("sender", sender);
        model.addAttribute("opened", opened);
        if (sender) {
            model.addAttribute("receipts", packages.receipts(packageId, opened, page));
        }
        return "publications/package-view";
    }

    @PostMapping("/packages/{packageId}/remind")
    String remind(@PathVariable long packageId, RedirectAttributes redirect) {
        int reminded = packages.remind(packageId);
        redirect.addFlashAttribute("flash", texts.text("package.reminded", reminded));
        return "redirect:/packages/" + packageId;
    }

    @GetMapping("/packages/{packageId}/receipts.xlsx")
    void exportReceipts(@PathVariable long packageId, HttpServletResponse response) throws IOException {
        Page<Receipt> first = packages.receipts(packageId, null, new PageRequest(0, PageRequest.MAX_SIZE));
        XlsxExport.write(
                response,
                texts.text("package.receipts.file") + ".xlsx",
                texts.text("package.receipts"),
                List.of(
                        texts.text("package.receipt.organization"),
                        texts.text("package.receipt.openedAt"),
                        texts.text("package.receipt.openedBy"),
                        texts.text("package.receipt.remindedAt")),
                rows -> {
                    Page<Receipt> current = first;
                    while (true) {
                        for (Receipt r : current.items()) {
                            rows.add(Arrays.asList(
                                    r.organizationName(),
                                    r.firstOpenedAt() == null ? null : formats.dateTime(r.firstOpenedAt()),
                                    r.firstOpenedBy(),
                                    r.remindedAt() == null ? null : formats.dateTime(r.remindedAt())));
                        }
                        if (!current.hasNext()) {
                            break;
                        }
                        current = packages.receipts(
                                packageId, null, new PageRequest(current.page() + 1, PageRequest.MAX_SIZE));
                    }
                });
    }

    private String refused(ProfkomException e, long organizationId, RedirectAttributes redirect) {
        refusals.flash(redirect, "formErrors", e);
        return "redirect:/orgs/" + organizationId + "/inbox";
    }
}
