package ru.profkom.accounts.web;

import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.Role;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;

/** Sign-in, password reset, the profile and the roles of an organization. */
@Controller
class AccountPages {

    private static final int GRANTS_PAGE = 50;

    private final Accounts accounts;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final PublicAddress publicAddress;

    AccountPages(
            Accounts accounts,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            PublicAddress publicAddress) {
        this.accounts = accounts;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.publicAddress = publicAddress;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error, @RequestParam(required = false) String wait, Model model) {
        model.addAttribute("error", error);
        model.addAttribute("wait", wait != null && wait.matches("\\d{1,7}") ? Long.parseLong(wait) : 1L);
        return "accounts/login";
    }

    @GetMapping("/me")
    String me(Model model) {
        model.addAttribute("me", accounts.me());
        model.addAttribute("grants", accounts.myGrants());
        return "accounts/me";
    }

    @PostMapping("/me/password")
    String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            Model model,
            RedirectAttributes redirect) {
        try {
            accounts.changePassword(currentPassword, newPassword);
            redirect.addFlashAttribute("flash", texts.text("password.changed"));
            return "redirect:/me";
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return me(model);
        }
    }

    // ---- password reset --------------------------------------------------------------------

    @GetMapping("/password/forgot")
    String forgot() {
        return "accounts/forgot";
    }

    @PostMapping("/password/forgot")
    String requestReset(@RequestParam(defaultValue = "") String login, Model model) {
        try {
            accounts.requestPasswordReset(login, baseUrl(), LocaleContextHolder.getLocale());
            model.addAttribute("sent", true);
        } catch (ProfkomException e) {
            refusals.show(model, e);
        }
        return "accounts/forgot";
    }

    @GetMapping("/password/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("usable", accounts.resetTokenUsable(token));
        return "accounts/reset";
    }

    @PostMapping("/password/reset")
    String reset(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat,
            Model model) {
        try {
            if (!password.equals(repeat)) {
                throw ProfkomException.invalid("repeat", "reset.mismatch");
            }
            accounts.resetPassword(token, password);
            return "redirect:/login?passwordReset";
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("token", token);
            model.addAttribute("usable", accounts.resetTokenUsable(token));
            return "accounts/reset";
        }
    }

    // ---- roles of an organization ----------------------------------------------------------

    @GetMapping("/orgs/{id}/roles")
    String roles(
            @PathVariable long id,
            @Paged(size = GRANTS_PAGE) PageRequest page,
            @RequestParam(defaultValue = "false") boolean includeRevoked,
            Model model) {
        Organization organization = header.addTo(model, id, "roles");
        model.addAttribute("grants", accounts.grantsIn(id, includeRevoked, page));
        model.addAttribute("includeRevoked", includeRevoked);
        model.addAttribute("roles", grantableRoles(organization));
        return "accounts/roles";
    }

    @PostMapping("/orgs/{id}/roles")
    String grant(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String login,
            @RequestParam(required = false) Role role,
            Model model,
            RedirectAttributes redirect) {
        try {
            accounts.grant(id, login, role);
            redirect.addFlashAttribute("flash", texts.text("account.role.granted"));
            return "redirect:/orgs/" + id + "/roles";
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("grantLogin", login);
            return roles(id, new PageRequest(0, GRANTS_PAGE), false, model);
        }
    }

    @PostMapping("/orgs/{id}/accounts")
    String createAccount(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String login,
            @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) Role role,
            Model model,
            RedirectAttributes redirect) {
        try {
            accounts.createAccount(id, new NewAccount(login, fullName, email, password, role));
            redirect.addFlashAttribute("flash", texts.text("account.created"));
            return "redirect:/orgs/" + id + "/roles";
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("newAccount", new NewAccount(login, fullName, email, "", role));
            return roles(id, new PageRequest(0, GRANTS_PAGE), false, model);
        }
    }

    @PostMapping("/roles/{grantId}/revoke")
    String revoke(@PathVariable long grantId, @RequestParam long organizationId, RedirectAttributes redirect) {
        try {
            accounts.revoke(grantId);
            redirect.addFlashAttribute("flash", texts.text("account.role.revoked"));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/orgs/" + organizationId + "/roles";
    }

    private static List<Role> grantableRoles(Organization organization) {
        return java.util.Arrays.stream(Role.values())
                .filter(role -> role != Role.UNION_ADMIN || organization.kind() == OrganizationKind.UNION)
                .toList();
    }

    /**
     * Where links in e-mail point: the installation's public address, never the request's Host header, which a
     * stranger could forge to receive somebody's reset link.
     */
    private String baseUrl() {
        return publicAddress.base();
    }
}
