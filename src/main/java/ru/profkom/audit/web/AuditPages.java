package ru.profkom.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.profkom.audit.AuditAction;
import ru.profkom.audit.AuditFilter;
import ru.profkom.audit.AuditLog;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.AccountDirectory;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

@Controller
class AuditPages {

    static final List<AuditAction> ACTIONS = List.of(AuditAction.values());

    private final AuditLog auditLog;
    private final Organizations organizations;
    private final Texts texts;
    private final Formats formats;
    private final OrganizationPageHeader header;
    private final AccountDirectory accounts;

    AuditPages(
            AuditLog auditLog,
            Organizations organizations,
            Texts texts,
            Formats formats,
            OrganizationPageHeader header,
            AccountDirectory accounts) {
        this.accounts = accounts;
        this.header = header;
        this.auditLog = auditLog;
        this.organizations = organizations;
        this.texts = texts;
        this.formats = formats;
    }

    @GetMapping("/orgs/{id}/audit")
    String audit(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String login,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @Paged(size = 50) PageRequest page,
            Model model) {
        header.addTo(model, id, "audit");
        AuditFilter filter = filter(action, login, from, to);
        var entries = auditLog.forSubtree(id, filter, page);
        model.addAttribute("entries", entries);
        // Who acted, by name: a login says little to the reader of the log.
        model.addAttribute(
                "actorNames",
                accounts.fullNamesOf(entries.items().stream()
                        .map(entry -> entry.actorLogin())
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("filterAction", action);
        model.addAttribute("filterLogin", login);
        model.addAttribute("filterFrom", from);
        model.addAttribute("filterTo", to);
        model.addAttribute(
                "query", "action=" + enc(action) + "&login=" + enc(login) + "&from=" + enc(from) + "&to=" + enc(to));
        return "audit/log";
    }

    @GetMapping("/orgs/{id}/audit.xlsx")
    void export(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String login,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            HttpServletResponse response)
            throws IOException {
        Organization organization = organizations.get(id);
        AuditFilter filter = filter(action, login, from, to);
        // The first page checks access before the download starts.
        auditLog.forSubtree(id, filter, new PageRequest(0, 1));
        List<String> headers = List.of(
                texts.text("audit.when"),
                texts.text("audit.who"),
                texts.text("audit.address"),
                texts.text("audit.action"),
                texts.text("audit.organization"),
                texts.text("audit.details"));
        XlsxExport.write(
                response,
                "audit-" + organization.code() + ".xlsx",
                texts.text("audit.sheet"),
                headers,
                rows -> auditLog.exportSubtree(
                        id,
                        filter,
                        entry -> rows.add(List.of(
                                formats.dateTime(entry.occurredAt()),
                                entry.actorLogin() == null ? "" : entry.actorLogin(),
                                entry.remoteAddress() == null ? "" : entry.remoteAddress(),
                                texts.text(entry.actionKey()),
                                entry.organizationName() == null ? "" : entry.organizationName(),
                                entry.details() == null ? "" : entry.details()))));
    }

    private static AuditFilter filter(String action, String login, String from, String to) {
        return new AuditFilter(
                known(action),
                login.isBlank() ? null : login,
                Formats.parseDate(from).orElse(null),
                Formats.parseDate(to).orElse(null));
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The action the filter names, or none when it names no action (a stale link, a typed address). */
    private static String known(String action) {
        return ACTIONS.stream()
                .map(AuditAction::name)
                .filter(name -> name.equals(action))
                .findFirst()
                .orElse(null);
    }
}
