package ru.profkom.mailings.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.mailings.Audience;
import ru.profkom.mailings.AudienceReach;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.Delivery;
import ru.profkom.mailings.MailingControl;
import ru.profkom.mailings.MailingForm;
import ru.profkom.mailings.MailingLines.TestSent;
import ru.profkom.mailings.MailingStatus;
import ru.profkom.mailings.MailingTestSends;
import ru.profkom.mailings.MailingView;
import ru.profkom.mailings.Mailings;
import ru.profkom.mailings.OutboxStatus;
import ru.profkom.mailings.channels.SmsSender;
import ru.profkom.mailings.tracking.MailingReports;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/**
 * «Рассылки» under «Информация»: the organization's mailings, a draft's form with the live count per channel and
 * the preview, and a mailing under way with its progress, the report by organization and who did not receive.
 */
@Controller
class MailingPages {

    private final Mailings mailings;
    private final MailingControl control;
    private final Organizations organizations;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;
    private final MailingReports reports;
    private final SmsSender smsSender;
    private final MailingTestSends testSends;

    MailingPages(
            Mailings mailings,
            MailingTestSends testSends,
            MailingControl control,
            Organizations organizations,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            Formats formats,
            MailingReports reports,
            SmsSender smsSender) {
        this.reports = reports;
        this.smsSender = smsSender;
        this.mailings = mailings;
        this.control = control;
        this.organizations = organizations;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
        this.testSends = testSends;
    }

    @GetMapping("/orgs/{id}/mailings")
    String list(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String status,
            @Paged PageRequest page,
            Model model) {
        header.addTo(model, id, "mailings");
        MailingStatus filter = parse(status);
        model.addAttribute("mailings", mailings.list(id, filter, page));
        model.addAttribute("statuses", MailingStatus.values());
        model.addAttribute("filterStatus", filter == null ? "" : filter.name());
        return "mailings/list";
    }

    @GetMapping("/orgs/{id}/mailings/new")
    String create(@PathVariable long id, @RequestParam(required = false) Long audience, Model model) {
        header.addTo(model, id, "mailings");
        MailingForm blank = new MailingForm(
                "",
                startingAudience(id, audience),
                Delivery.ALL_CHANNELS,
                "",
                "",
                Map.of(Channel.EMAIL, ""),
                null,
                null,
                null);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MailingForms.values(blank));
        }
        addChoices(model, id);
        model.addAttribute("mailing", null);
        return "mailings/edit";
    }

    private Audience startingAudience(long organizationId, Long savedId) {
        if (savedId == null) {
            return Audience.EVERYONE;
        }
        return mailings.savedAudiences(organizationId).stream()
                .filter(saved -> saved.id() == savedId)
                .findFirst()
                .map(saved -> saved.audience())
                .orElse(Audience.EVERYONE);
    }

    @PostMapping("/orgs/{id}/mailings")
    String createDraft(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        try {
            long mailingId = mailings.createDraft(id, MailingForms.form(parameters));
            redirect.addFlashAttribute("flash", texts.text("mailing.saved"));
            return "redirect:/orgs/" + id + "/mailings/" + mailingId;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("form", MailingForms.values(parameters));
            return create(id, null, model);
        }
    }

    @GetMapping("/orgs/{id}/mailings/{mailingId}")
    String mailing(@PathVariable long id, @PathVariable long mailingId, @Paged PageRequest page, Model model) {
        MailingView mailing = owned(id, mailingId);
        header.addTo(model, id, "mailings");
        model.addAttribute("mailing", mailing);
        if (mailing.status().editable()) {
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", MailingForms.values(mailing.form()));
            }
            addChoices(model, id);
            model.addAttribute("previews", mailings.preview(mailingId, 5));
            return "mailings/edit";
        }
        addReport(model, mailingId, page);
        return "mailings/mailing";
    }

    /** What the page polls while the mailing runs: the figures, the report and the actions the state allows. */
    @GetMapping("/orgs/{id}/mailings/{mailingId}/progress")
    String progress(@PathVariable long id, @PathVariable long mailingId, @Paged PageRequest page, Model model) {
        model.addAttribute("mailing", owned(id, mailingId));
        model.addAttribute("organization", organizations.get(id));
        addReport(model, mailingId, page);
        return "mailings/mailing :: progress";
    }

    private void addReport(Model model, long mailingId, PageRequest page) {
        model.addAttribute("outboxStatuses", OutboxStatus.values());
        model.addAttribute("report", reports.summary(organizations.scope(), mailingId));
        model.addAttribute("organizationsReport", reports.byOrganization(organizations.scope(), mailingId, page));
    }

    @PostMapping("/orgs/{id}/mailings/{mailingId}")
    String save(
            @PathVariable long id,
            @PathVariable long mailingId,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return submit(id, mailingId, parameters, false, model, redirect);
    }

    /** Saves the draft's form and, when asked, schedules it; a refusal shows the form again with what was typed. */
    private String submit(
            long id,
            long mailingId,
            MultiValueMap<String, String> parameters,
            boolean schedule,
            Model model,
            RedirectAttributes redirect) {
        owned(id, mailingId);
        try {
            mailings.updateDraft(mailingId, MailingForms.form(parameters));
            if (schedule) {
                mailings.schedule(mailingId);
            }
            redirect.addFlashAttribute("flash", texts.text(schedule ? "mailing.scheduled" : "mailing.saved"));
            return "redirect:/orgs/" + id + "/mailings/" + mailingId;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            model.addAttribute("form", MailingForms.values(parameters));
            return mailing(id, mailingId, PageRequest.of(0, null), model);
        }
    }

    /** The live count of the form (htmx): how many the audience reaches on each chosen channel, and why not. */
    @PostMapping("/orgs/{id}/mailings/reach")
    String reach(@PathVariable long id, @RequestParam MultiValueMap<String, String> parameters, Model model) {
        try {
            Audience audience = MailingForms.audience(parameters);
            AudienceReach reach =
                    mailings.reach(id, audience, MailingForms.channels(parameters), MailingForms.delivery(parameters));
            model.addAttribute("reach", reach);
            AudienceReach.ChannelReach sms = reach.channels().get(Channel.SMS);
            String smsText = parameters.getFirst("text." + Channel.SMS.name());
            if (sms != null && smsText != null && !smsText.isBlank()) {
                model.addAttribute("smsEstimate", smsSender.estimate(smsText, sms.reachable()));
            }
        } catch (ProfkomException e) {
            refusals.show(model, e);
        }
        return "mailings/edit :: reach";
    }

    @PostMapping("/orgs/{id}/mailings/{mailingId}/schedule")
    String schedule(
            @PathVariable long id,
            @PathVariable long mailingId,
            @RequestParam MultiValueMap<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        return submit(id, mailingId, parameters, true, model, redirect);
    }

    /** The mailing to oneself as it stands (saved), personalised as a person of the preview or as oneself. */
    @PostMapping("/orgs/{id}/mailings/{mailingId}/test-send")
    String testSend(
            @PathVariable long id,
            @PathVariable long mailingId,
            @RequestParam(required = false) Long asPerson,
            RedirectAttributes redirect) {
        owned(id, mailingId);
        try {
            TestSent sent = testSends.send(mailingId, asPerson);
            redirect.addFlashAttribute(
                    "flash",
                    texts.text(
                            "mailing.testSend.done",
                            sent.deliveries().stream()
                                    .map(delivery -> delivery.sent()
                                            ? delivery.address()
                                            : texts.text(
                                                    "mailing.testSend.deliveryRefused",
                                                    delivery.address(),
                                                    delivery.refusal()))
                                    .collect(java.util.stream.Collectors.joining("; "))));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/orgs/" + id + "/mailings/" + mailingId;
    }

    @PostMapping("/orgs/{id}/mailings/{mailingId}/delete")
    String delete(@PathVariable long id, @PathVariable long mailingId, RedirectAttributes redirect) {
        owned(id, mailingId);
        mailings.deleteDraft(mailingId);
        redirect.addFlashAttribute("flash", texts.text("mailing.deleted"));
        return "redirect:/orgs/" + id + "/mailings";
    }

    @PostMapping("/orgs/{id}/mailings/{mailingId}/{action:pause|resume|cancel|resend}")
    String control(
            @PathVariable long id,
            @PathVariable long mailingId,
            @PathVariable String action,
            @RequestParam(defaultValue = "false") boolean includeUnknown,
            RedirectAttributes redirect) {
        owned(id, mailingId);
        try {
            var scope = organizations.scope();
            switch (action) {
                case "pause" -> control.pause(scope, mailingId);
                case "resume" -> control.resume(scope, mailingId);
                case "cancel" -> control.cancel(scope, mailingId);
                default -> control.resend(scope, mailingId, includeUnknown);
            }
            redirect.addFlashAttribute("flash", texts.text("mailing.control." + action + ".done"));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/orgs/" + id + "/mailings/" + mailingId;
    }

    @PostMapping("/orgs/{id}/mailings/{mailingId}/attachments")
    String attach(
            @PathVariable long id,
            @PathVariable long mailingId,
            @RequestParam(value = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        owned(id, mailingId);
        try {
            if (file == null || file.isEmpty()) {
                throw ProfkomException.invalid("attachment", "mailing.attachment.empty");
            }
            mailings.addAttachment(mailingId, file.getOriginalFilename(), file.getContentType(), file.getBytes());
            redirect.addFlashAttribute("flash", texts.text("mailing.attachment.added"));
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/orgs/" + id + "/mailings/" + mailingId;
    }

    @PostMapping("/orgs/{id}/mailings/{mailingId}/attachments/{attachmentId}/delete")
    String detach(
            @PathVariable long id,
            @PathVariable long mailingId,
            @PathVariable long attachmentId,
            RedirectAttributes redirect) {
        owned(id, mailingId);
        mailings.removeAttachment(mailingId, attachmentId);
        return "redirect:/orgs/" + id + "/mailings/" + mailingId;
    }

    @PostMapping("/orgs/{id}/mailing-audiences")
    String saveAudience(
            @PathVariable long id,
            @RequestParam MultiValueMap<String, String> parameters,
            RedirectAttributes redirect) {
        try {
            Audience audience = MailingForms.audience(parameters);
            long saved = mailings.saveAudience(id, parameters.getFirst("audienceName"), audience);
            redirect.addFlashAttribute("flash", texts.text("mailing.audience.savedFlash"));
            return "redirect:/orgs/" + id + "/mailings/new?audience=" + saved;
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
            return "redirect:/orgs/" + id + "/mailings/new";
        }
    }

    @GetMapping("/orgs/{id}/mailings/{mailingId}/recipients")
    String recipients(
            @PathVariable long id,
            @PathVariable long mailingId,
            @RequestParam(defaultValue = "") String status,
            @Paged PageRequest page,
            Model model) {
        MailingView mailing = owned(id, mailingId);
        header.addTo(model, id, "mailings");
        model.addAttribute("mailing", mailing);
        List<OutboxStatus> statuses = statuses(status);
        model.addAttribute("recipients", mailings.recipients(mailingId, statuses, page));
        model.addAttribute("outboxStatuses", OutboxStatus.values());
        model.addAttribute("filterStatus", status);
        return "mailings/recipients";
    }

    @GetMapping("/orgs/{id}/mailings/{mailingId}/recipients.xlsx")
    void recipientsXlsx(
            @PathVariable long id,
            @PathVariable long mailingId,
            @RequestParam(defaultValue = "") String status,
            HttpServletResponse response)
            throws IOException {
        MailingView mailing = owned(id, mailingId);
        List<OutboxStatus> statuses = statuses(status);
        XlsxExport.write(
                response,
                mailing.form().title() + ".xlsx",
                texts.text("mailing.recipients.title"),
                List.of(
                        texts.text("mailing.recipients.name"),
                        texts.text("mailing.recipients.organization"),
                        texts.text("mailing.recipients.channel"),
                        texts.text("mailing.recipients.address"),
                        texts.text("mailing.recipients.status"),
                        texts.text("mailing.recipients.sentAt"),
                        texts.text("mailing.recipients.error")),
                rows -> mailings.exportRecipients(
                        mailingId,
                        statuses,
                        line -> rows.add(java.util.Arrays.asList(
                                line.recipientName(),
                                line.organizationName(),
                                texts.text(line.channel().messageKey()),
                                line.address(),
                                texts.text(line.status().messageKey()),
                                line.sentAt() == null ? "" : formats.dateTime(line.sentAt()),
                                line.error() == null ? "" : line.error()))));
    }

    private MailingView owned(long organizationId, long mailingId) {
        MailingView mailing = mailings.get(mailingId);
        if (mailing.organizationId() != organizationId) {
            throw ProfkomException.notFound("mailing.notFound");
        }
        return mailing;
    }

    private void addChoices(Model model, long organizationId) {
        model.addAttribute("kinds", OrganizationKind.values());
        model.addAttribute("unionRoles", UnionRole.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("memberStatuses", MembershipStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("savedAudiences", mailings.savedAudiences(organizationId));
    }

    private static MailingStatus parse(String status) {
        for (MailingStatus candidate : MailingStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<OutboxStatus> statuses(String status) {
        if ("NOT_RECEIVED".equals(status)) {
            return List.of(OutboxStatus.FAILED, OutboxStatus.UNKNOWN, OutboxStatus.QUEUED);
        }
        for (OutboxStatus candidate : OutboxStatus.values()) {
            if (candidate.name().equals(status)) {
                return List.of(candidate);
            }
        }
        return List.of();
    }
}
