package ru.profkom.members.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.Member;
import ru.profkom.members.MemberCabinet;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Snils;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Texts;

/** The member's own cabinet: own data, memberships, consents, card, history and correction requests. */
@Controller
class CabinetPages {

    private final MemberCabinet cabinet;
    private final Texts texts;
    private final FormRefusals refusals;
    private final HistoryLines historyLines;

    CabinetPages(MemberCabinet cabinet, Texts texts, FormRefusals refusals, HistoryLines historyLines) {
        this.cabinet = cabinet;
        this.texts = texts;
        this.refusals = refusals;
        this.historyLines = historyLines;
    }

    @GetMapping("/cabinet")
    String cabinet(Model model) {
        if (!cabinet.linked()) {
            return "members/cabinet-not-linked";
        }
        Member member = cabinet.me();
        model.addAttribute("member", member);
        model.addAttribute("snils", Snils.display(member.snils()));
        model.addAttribute("card", cabinet.myCard());
        model.addAttribute("history", historyLines.of(cabinet.myHistory()));
        model.addAttribute("corrections", cabinet.myCorrections());
        return "members/cabinet";
    }

    @GetMapping("/cabinet/card.png")
    ResponseEntity<byte[]> qrCode() {
        return CardPages.png(cabinet.myCardQrCode());
    }

    /** The confirmation step: what withdrawing this consent means, before anything changes. */
    @GetMapping("/cabinet/consents/{consentId}/withdraw")
    String confirmWithdrawal(@PathVariable long consentId, Model model) {
        if (!cabinet.linked()) {
            throw ProfkomException.notFound("member.consent.notFound");
        }
        Member member = cabinet.me();
        ru.profkom.members.Consent consent = member.consents().stream()
                .filter(c -> c.id() == consentId && c.active())
                .findFirst()
                .orElseThrow(() -> ProfkomException.notFound("member.consent.notFound"));
        model.addAttribute("withdrawal", ConsentWithdrawal.of(consent, member.fullName()));
        model.addAttribute("action", "/cabinet/consents/" + consentId + "/withdraw");
        model.addAttribute("back", "/cabinet");
        return "members/consent-withdraw";
    }

    @PostMapping("/cabinet/consents/{consentId}/withdraw")
    String withdrawConsent(
            @PathVariable long consentId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return "redirect:/cabinet/consents/" + consentId + "/withdraw";
        }
        try {
            cabinet.withdrawConsent(consentId);
            redirect.addFlashAttribute("flash", texts.text("cabinet.consent.withdrawn"));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/cabinet";
    }

    @GetMapping("/cabinet/correction")
    String correctionForm(Model model) {
        if (!cabinet.linked()) {
            return "members/cabinet-not-linked";
        }
        model.addAttribute("maxLength", 2000);
        return "members/correction";
    }

    @PostMapping("/cabinet/correction")
    String requestCorrection(@RequestParam(defaultValue = "") String text, Model model, RedirectAttributes redirect) {
        if (!cabinet.linked()) {
            return "members/cabinet-not-linked";
        }
        try {
            cabinet.requestCorrection(text);
            redirect.addFlashAttribute("flash", texts.text("cabinet.correction.sent"));
            return "redirect:/cabinet";
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("text", text);
            model.addAttribute("maxLength", 2000);
            return "members/correction";
        }
    }
}
