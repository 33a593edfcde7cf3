package ru.profkom.members.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.TransferRequest;
import ru.profkom.members.TransferRequests;
import ru.profkom.members.TransferStatus;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;

/** An organization's transfer requests: incoming to accept or decline, outgoing to follow; access in the service. */
@Controller
class TransferRequestPages {

    private final TransferRequests transferRequests;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;

    TransferRequestPages(
            TransferRequests transferRequests, OrganizationPageHeader header, Texts texts, FormRefusals refusals) {
        this.transferRequests = transferRequests;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
    }

    @GetMapping("/orgs/{id}/transfer-requests")
    String list(
            @PathVariable long id,
            @RequestParam(defaultValue = "incoming") String side,
            @RequestParam(defaultValue = "PENDING") String status,
            @Paged(size = 50) PageRequest request,
            Model model) {
        boolean incoming = !"outgoing".equals(side);
        TransferStatus chosen = statusOrAll(status);
        Page<TransferRequest> found = incoming
                ? transferRequests.incoming(id, chosen, request)
                : transferRequests.outgoing(id, chosen, request);
        header.addTo(model, id, "members");
        model.addAttribute("found", found);
        model.addAttribute("incoming", incoming);
        model.addAttribute("side", incoming ? "incoming" : "outgoing");
        model.addAttribute("status", chosen == null ? "ALL" : chosen.name());
        model.addAttribute("statuses", TransferStatus.values());
        model.addAttribute(
                "baseUrl",
                "/orgs/" + id + "/transfer-requests?side=" + (incoming ? "incoming" : "outgoing") + "&status="
                        + (chosen == null ? "ALL" : chosen.name()));
        return "members/transfer-requests";
    }

    @PostMapping("/transfer-requests/{requestId}/accept")
    String accept(
            @PathVariable long requestId,
            @RequestParam(defaultValue = "") String note,
            @RequestParam long organizationId,
            RedirectAttributes redirect) {
        return decide(requestId, note, organizationId, redirect, true);
    }

    @PostMapping("/transfer-requests/{requestId}/decline")
    String decline(
            @PathVariable long requestId,
            @RequestParam(defaultValue = "") String note,
            @RequestParam long organizationId,
            RedirectAttributes redirect) {
        return decide(requestId, note, organizationId, redirect, false);
    }

    private String decide(
            long requestId, String note, long organizationId, RedirectAttributes redirect, boolean accept) {
        try {
            if (accept) {
                transferRequests.accept(requestId, note);
            } else {
                transferRequests.decline(requestId, note);
            }
            redirect.addFlashAttribute(
                    "flash", texts.text(accept ? "member.transfer.accepted" : "member.transfer.declined"));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/orgs/" + organizationId + "/transfer-requests?side=incoming";
    }

    private static TransferStatus statusOrAll(String status) {
        try {
            return status == null || status.isBlank() || "ALL".equals(status) ? null : TransferStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return TransferStatus.PENDING;
        }
    }
}
