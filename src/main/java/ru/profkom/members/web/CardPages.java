package ru.profkom.members.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.CardCheck;
import ru.profkom.members.MemberAccountLinks;
import ru.profkom.members.UnionCards;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Texts;

/**
 * The electronic union card: the public verification page its QR code leads to, and the printable
 * card with issue, revoke and account link for the staff of the member's subtree.
 */
@Controller
class CardPages {

    private final UnionCards cards;
    private final MemberAccountLinks accountLinks;
    private final Texts texts;
    private final FormRefusals refusals;

    CardPages(UnionCards cards, MemberAccountLinks accountLinks, Texts texts, FormRefusals refusals) {
        this.cards = cards;
        this.accountLinks = accountLinks;
        this.texts = texts;
        this.refusals = refusals;
    }

    /** Open to anyone: valid or not and the organization; no name, no number, not for search engines. */
    @GetMapping("/card/{token}")
    String verify(@PathVariable String token, Model model, HttpServletResponse response) {
        CardCheck check = cards.check(token);
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("check", check);
        return "members/verify";
    }

    @GetMapping("/members/{personId}/card")
    String card(@PathVariable long personId, Model model) {
        model.addAttribute("card", cards.card(personId));
        model.addAttribute("accountLinked", accountLinks.linked(personId));
        return "members/union-card";
    }

    @GetMapping("/members/{personId}/card.png")
    ResponseEntity<byte[]> qrCode(@PathVariable long personId) {
        return png(cards.qrCode(personId));
    }

    @PostMapping("/members/{personId}/card/issue")
    String issue(@PathVariable long personId, RedirectAttributes redirect) {
        return act(personId, redirect, "member.card.issued", () -> cards.issue(personId));
    }

    @PostMapping("/members/{personId}/card/revoke")
    String revoke(@PathVariable long personId, RedirectAttributes redirect) {
        return act(personId, redirect, "member.card.revoked", () -> cards.revoke(personId));
    }

    @PostMapping("/members/{personId}/account")
    String linkAccount(
            @PathVariable long personId, @RequestParam(defaultValue = "") String login, RedirectAttributes redirect) {
        return act(personId, redirect, "member.account.linked", () -> accountLinks.link(personId, login));
    }

    /** Runs a change and returns to the card: its reason shown there, a stranger's person still a 404. */
    private String act(long personId, RedirectAttributes redirect, String doneKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", texts.text(doneKey));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/members/" + personId + "/card";
    }

    /** Personal: the browser keeps no copy for the next user of the computer. */
    static ResponseEntity<byte[]> png(byte[] image) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(image);
    }
}
