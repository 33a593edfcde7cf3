package ru.profkom.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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

    static final List<String> ACTIONS = List.of(
            "SIGNED_IN",
            "SIGN_IN_FAILED",
            "SIGN_IN_WHILE_LOCKED",
            "ACCOUNT_LOCKED",
            "ACCOUNT_CREATED",
            "ROLE_GRANTED",
            "ROLE_REVOKED",
            "PASSWORD_RESET_REQUESTED",
            "PASSWORD_CHANGED",
            "ORGANIZATION_CREATED",
            "ORGANIZATION_UPDATED",
            "ORGANIZATION_MOVED",
            "ORGANIZATIONS_MERGED",
            "ORGANIZATION_LIQUIDATED",
            "ORGANIZATIONS_LOADED",
            "BODY_ATTACHED",
            "BODY_DETACHED",
            "MEMBER_JOINED",
            "MEMBER_EXITED",
            "MEMBER_TRANSFERRED",
            "TRANSFER_REQUESTED",
            "TRANSFER_REQUEST_ACCEPTED",
            "TRANSFER_REQUEST_DECLINED",
            "MEMBER_UPDATED",
            "MEMBER_CARD_READ",
            "MEMBER_HISTORY_READ",
            "ACTIVISTS_READ",
            "IMPORT_ERRORS_READ",
            "JOIN_APPLICATIONS_READ",
            "CORRECTIONS_READ",
            "FEEDBACK_READ",
            "MEMBERS_EXPORTED",
            "MEMBERS_IMPORTED",
            "ACTIVISTS_SUBMITTED",
            "ACTIVIST_SNAPSHOT_READ",
            "INDICATORS_SAVED",
            "INDICATOR_CHANNEL_ADDED",
            "INDICATOR_CHANNEL_REMOVED",
            "RATING_WEIGHTS_CHANGED",
            "INFO_REPORT_SENT",
            "STATISTICAL_REPORT_SAVED",
            "STATISTICAL_REPORT_SUBMITTED",
            "STATISTICAL_REPORT_ACCEPTED",
            "STATISTICAL_REPORT_RETURNED",
            "PUBLICATION_SAVED",
            "PUBLICATION_PUBLISHED",
            "PUBLICATION_UNPUBLISHED",
            "PUBLICATION_SENT_UPWARD",
            "PUBLICATION_ROUTE_HANDLED",
            "INFO_PACKAGE_SENT",
            "PUBLIC_ADDRESS_CHANGED",
            "SITE_UPDATED",
            "SITE_DOCUMENT_ADDED",
            "SITE_DOCUMENT_REMOVED",
            "JOIN_APPLIED",
            "ALBUM_CREATED",
            "ALBUM_UPDATED",
            "ALBUM_PUBLISHED",
            "ALBUM_UNPUBLISHED",
            "ALBUM_DELETED",
            "ALBUM_PHOTOS_ADDED",
            "ALBUM_PHOTO_CHANGED",
            "ALBUM_PHOTO_REMOVED");

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
                ACTIONS.contains(action) ? action : null,
                login.isBlank() ? null : login,
                Formats.parseDate(from).orElse(null),
                Formats.parseDate(to).orElse(null));
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
