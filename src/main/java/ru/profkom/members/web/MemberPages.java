package ru.profkom.members.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.Consent;
import ru.profkom.members.Member;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.OrganizationStatus;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormInput;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Texts;

/**
 * The member card for staff and its forms: registering a person, editing their data, the membership's status,
 * exit, transfer and category, union roles and consents. The lists and exports are {@link MemberListPages}'.
 */
@Controller
class MemberPages {

    private final Members members;
    private final Organizations organizations;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;
    private final Clock clock;
    private final HistoryLines historyLines;

    MemberPages(
            Members members,
            Organizations organizations,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            Formats formats,
            Clock clock,
            HistoryLines historyLines) {
        this.historyLines = historyLines;
        this.members = members;
        this.organizations = organizations;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
        this.clock = clock;
    }

    // ---- register ---------------------------------------------------------------------------

    @GetMapping("/orgs/{id}/members/new")
    String newMember(@PathVariable long id, Model model) {
        return registerForm(model, id, MemberForm.empty());
    }

    @PostMapping("/orgs/{id}/members/new")
    String register(@PathVariable long id, @ModelAttribute MemberForm form, Model model, RedirectAttributes redirect) {
        try {
            FormInput input = new FormInput();
            PersonData person = form.person(input);
            MembershipData membership = form.membership(input);
            Members.Enrolment enrolment = refusals.attempt(
                    input, () -> members.enrol(id, person, membership, ru.profkom.members.TransferSource.FORM));
            if (enrolment.transferRequested()) {
                // Nothing of the person is shown: the request waits in the organization's outgoing list.
                redirect.addFlashAttribute("flash", texts.text("member.transfer.requested"));
                return "redirect:/orgs/" + id + "/transfer-requests?side=outgoing";
            }
            redirect.addFlashAttribute("flash", texts.text("member.registered"));
            return "redirect:/members/" + enrolment.member().id();
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return registerForm(model, id, form);
        }
    }

    private String registerForm(Model model, long organizationId, MemberForm form) {
        Organization organization = header.addTo(model, organizationId, "members");
        if (!mayHoldMembers(organization)) {
            throw ProfkomException.invalid("organizationId", "member.organization.notPrimary");
        }
        model.addAttribute("form", form);
        model.addAttribute("creating", true);
        addChoices(model);
        return "members/form";
    }

    // ---- card and edit ----------------------------------------------------------------------

    @GetMapping("/members/{personId}")
    String card(@PathVariable long personId, Model model) {
        return showCard(model, members.get(personId));
    }

    private String showCard(Model model, Member member) {
        LocalDate today = MoscowTime.today(clock);
        model.addAttribute("member", member);
        model.addAttribute("youth", member.youthOn(today));
        model.addAttribute("history", historyLines.of(members.history(member.id())));
        Set<Long> ids = new java.util.HashSet<>();
        member.memberships().forEach(m -> ids.add(m.organizationId()));
        member.roles().forEach(r -> ids.add(r.organizationId()));
        model.addAttribute("organizationNames", organizations.shortNames(ids));
        model.addAttribute("today", today);
        model.addAttribute(
                "current",
                member.memberships().stream()
                        .filter(m -> m.status() != MembershipStatus.EXITED)
                        .findFirst()
                        .orElse(null));
        model.addAttribute(
                "crumbs",
                member.memberships().isEmpty()
                        ? List.of()
                        : organizations.breadcrumbs(
                                member.memberships().getFirst().organizationId()));
        model.addAttribute(
                "exitReasons",
                List.of(ExitReason.values()).stream()
                        .filter(r -> r != ExitReason.TRANSFER)
                        .toList());
        addChoices(model);
        return "members/card";
    }

    @GetMapping("/members/{personId}/edit")
    String edit(@PathVariable long personId, Model model) {
        Member member = members.get(personId);
        return editForm(model, member, MemberForm.of(member, formats));
    }

    @PostMapping("/members/{personId}/edit")
    String update(
            @PathVariable long personId, @ModelAttribute MemberForm form, Model model, RedirectAttributes redirect) {
        try {
            FormInput input = new FormInput();
            PersonData person = form.person(input);
            refusals.attempt(
                    input, () -> members.update(personId, person, form.version() == null ? -1 : form.version()));
            redirect.addFlashAttribute("flash", texts.text("member.saved"));
            return "redirect:/members/" + personId;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return editForm(model, members.get(personId), form);
        }
    }

    private String editForm(Model model, Member member, MemberForm form) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("creating", false);
        model.addAttribute(
                "crumbs",
                member.memberships().isEmpty()
                        ? List.of()
                        : organizations.breadcrumbs(
                                member.memberships().getFirst().organizationId()));
        addChoices(model);
        return "members/form";
    }

    // ---- membership actions -----------------------------------------------------------------

    @PostMapping("/memberships/{membershipId}/status")
    String changeStatus(
            @PathVariable long membershipId,
            @RequestParam(defaultValue = "") String status,
            @RequestParam long personId,
            Model model,
            RedirectAttributes redirect) {
        return act(
                personId,
                model,
                redirect,
                () -> members.changeStatus(membershipId, MemberForm.enumOf(MembershipStatus.class, status)));
    }

    @PostMapping("/memberships/{membershipId}/exit")
    String exit(
            @PathVariable long membershipId,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String date,
            @RequestParam long personId,
            Model model,
            RedirectAttributes redirect) {
        FormInput input = new FormInput();
        ExitReason why = input.choice("reason", ExitReason.class, reason);
        LocalDate on = input.date("date", date);
        return act(personId, model, redirect, () -> refusals.attempt(input, () -> members.exit(membershipId, why, on)));
    }

    @PostMapping("/memberships/{membershipId}/transfer")
    String transfer(
            @PathVariable long membershipId,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam long personId,
            Model model,
            RedirectAttributes redirect) {
        FormInput input = new FormInput();
        LocalDate on = input.date("date", date);
        return act(personId, model, redirect, () -> {
            if (organizationId == null) {
                throw new ProfkomException(
                        ProfkomException.Kind.INVALID,
                        java.util.stream.Stream.concat(
                                        input.problems().stream(),
                                        java.util.stream.Stream.of(new ProfkomException.Problem(
                                                "organizationId", "member.transfer.chooseOrganization")))
                                .toList());
            }
            return refusals.attempt(input, () -> members.transfer(membershipId, organizationId, on));
        });
    }

    @PostMapping("/memberships/{membershipId}/category")
    String changeCategory(
            @PathVariable long membershipId,
            @RequestParam(defaultValue = "") String category,
            @RequestParam long personId,
            Model model,
            RedirectAttributes redirect) {
        return act(
                personId,
                model,
                redirect,
                () -> members.changeCategory(membershipId, MemberForm.enumOf(Category.class, category)));
    }

    /** Primary and shop organizations of the user's subtrees to transfer a member to, found by name or code. */
    @GetMapping("/members/{personId}/transfer-targets")
    String transferTargets(@PathVariable long personId, @RequestParam(defaultValue = "") String q, Model model) {
        members.requireVisible(personId);
        List<OrganizationNode> found = q.isBlank()
                ? List.of()
                : organizations.search(q, new PageRequest(0, 30)).items().stream()
                        .filter(node -> node.status() == OrganizationStatus.ACTIVE)
                        .filter(node -> node.kind() == OrganizationKind.PRIMARY || node.kind() == OrganizationKind.SHOP)
                        .toList();
        model.addAttribute("targets", found);
        model.addAttribute("query", q);
        return "members/card :: targets";
    }

    // ---- union roles and consents -----------------------------------------------------------

    @PostMapping("/members/{personId}/roles")
    String assignRole(
            @PathVariable long personId,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String from,
            Model model,
            RedirectAttributes redirect) {
        FormInput input = new FormInput();
        UnionRole chosen = input.choice("role", UnionRole.class, role);
        LocalDate since = input.date("from", from);
        return act(personId, model, redirect, () -> {
            long where = organizationId != null
                    ? organizationId
                    : members.get(personId).memberships().getFirst().organizationId();
            return refusals.attempt(input, () -> members.assignRole(personId, where, chosen, since));
        });
    }

    @PostMapping("/member-roles/{roleId}/end")
    String endRole(
            @PathVariable long roleId,
            @RequestParam(defaultValue = "") String date,
            @RequestParam long personId,
            Model model,
            RedirectAttributes redirect) {
        return act(personId, model, redirect, () -> members.endRole(roleId, MemberForm.date("date", date)));
    }

    @PostMapping("/members/{personId}/consents")
    String giveConsent(
            @PathVariable long personId,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String form,
            @RequestParam(defaultValue = "") String givenOn,
            @RequestParam(defaultValue = "") String document,
            Model model,
            RedirectAttributes redirect) {
        FormInput input = new FormInput();
        ConsentPurpose chosenPurpose = input.choice("purpose", ConsentPurpose.class, purpose);
        LocalDate given = input.date("givenOn", givenOn);
        ConsentForm chosenForm = input.choice("form", ConsentForm.class, form);
        return act(
                personId,
                model,
                redirect,
                () -> refusals.attempt(
                        input, () -> members.giveConsent(personId, chosenPurpose, given, chosenForm, document)));
    }

    /** The confirmation step: what withdrawing this consent means, before anything changes. */
    @GetMapping("/consents/{consentId}/withdraw")
    String confirmWithdrawal(@PathVariable long consentId, @RequestParam(required = false) Long personId, Model model) {
        if (personId == null) {
            throw ProfkomException.notFound("member.consent.notFound");
        }
        Member member = members.get(personId);
        Consent consent = member.consents().stream()
                .filter(c -> c.id() == consentId && c.active())
                .findFirst()
                .orElseThrow(() -> ProfkomException.notFound("member.consent.notFound"));
        model.addAttribute("withdrawal", ConsentWithdrawal.of(consent, member.fullName()));
        model.addAttribute("action", "/consents/" + consentId + "/withdraw");
        model.addAttribute("personId", personId);
        model.addAttribute("back", "/members/" + personId);
        return "members/consent-withdraw";
    }

    @PostMapping("/consents/{consentId}/withdraw")
    String withdrawConsent(
            @PathVariable long consentId,
            @RequestParam long personId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            return "redirect:/consents/" + consentId + "/withdraw?personId=" + personId;
        }
        return act(personId, model, redirect, () -> members.withdrawConsent(consentId, null));
    }

    /**
     * Runs an action of the card and returns to it; a refusal is shown on the card above its sections. The person
     * named in the form only says where to return: the action checks access on the object it changes.
     */
    private String act(
            long personId, Model model, RedirectAttributes redirect, java.util.function.Supplier<Member> action) {
        try {
            Member member = action.get();
            redirect.addFlashAttribute("flash", texts.text("member.saved"));
            return "redirect:/members/" + member.id();
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return showCard(model, members.get(personId));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void addChoices(Model model) {
        model.addAttribute("genders", Gender.values());
        model.addAttribute("statuses", MembershipStatus.values());
        model.addAttribute("joiningStatuses", List.of(MembershipStatus.ACTIVE, MembershipStatus.APPLICATION));
        model.addAttribute("categories", Category.values());
        model.addAttribute("unionRoles", UnionRole.values());
        model.addAttribute("consentPurposes", ConsentPurpose.values());
        model.addAttribute("consentForms", ConsentForm.values());
    }

    static boolean mayHoldMembers(Organization organization) {
        return organization.active()
                && (organization.kind() == OrganizationKind.PRIMARY || organization.kind() == OrganizationKind.SHOP);
    }
}
