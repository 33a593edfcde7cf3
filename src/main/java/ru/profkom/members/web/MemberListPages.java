package ru.profkom.members.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import ru.profkom.members.ActivistContact;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberQuery;
import ru.profkom.members.MemberSummary;
import ru.profkom.members.Members;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Csv;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/**
 * The registry's lists for staff: the members of a subtree with its filters, their export to XLSX or CSV, and the
 * activists' contact base of a subtree with its export. The member card and its forms are {@link MemberPages}'.
 */
@Controller
class MemberListPages {

    /** The columns an export may hold, in the order they appear in the file. */
    static final List<String> EXPORT_FIELDS = List.of(
            "fullName",
            "birthDate",
            "gender",
            "snils",
            "phone",
            "email",
            "position",
            "department",
            "organization",
            "status",
            "category",
            "joinedOn",
            "cardNumber");

    private static final List<String> DEFAULT_EXPORT_FIELDS =
            List.of("fullName", "birthDate", "organization", "status", "category", "cardNumber");

    private final Members members;
    private final Organizations organizations;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final Formats formats;

    MemberListPages(
            Members members, Organizations organizations, OrganizationPageHeader header, Texts texts, Formats formats) {
        this.members = members;
        this.organizations = organizations;
        this.header = header;
        this.texts = texts;
        this.formats = formats;
    }

    /** The list's filters as typed; wrong numbers are ignored rather than refused, as a search box should. */
    public record Filter(String q, String status, String category, String ageFrom, String ageTo) {

        MemberQuery query(long organizationId) {
            return new MemberQuery(
                    q == null || q.isBlank() ? null : q,
                    organizationId,
                    enumOrNull(MembershipStatus.class, status),
                    enumOrNull(Category.class, category),
                    number(ageFrom),
                    number(ageTo));
        }

        String asQueryString() {
            return "q=" + enc(q) + "&status=" + enc(status) + "&category=" + enc(category) + "&ageFrom=" + enc(ageFrom)
                    + "&ageTo=" + enc(ageTo);
        }

        private static Integer number(String text) {
            if (text == null || !text.strip().matches("\\d{1,3}")) {
                return null;
            }
            return Integer.valueOf(text.strip());
        }

        private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
            try {
                return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static String enc(String value) {
            return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    // ---- the registry list ------------------------------------------------------------------

    @GetMapping("/orgs/{id}/members")
    String list(
            @PathVariable long id,
            @ModelAttribute Filter filter,
            @Paged(size = 50) PageRequest page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        Organization organization = header.addTo(model, id, "members");
        Page<MemberSummary> found = members.search(filter.query(id), page);
        model.addAttribute("found", found);
        model.addAttribute(
                "organizationNames",
                organizations.shortNames(found.items().stream()
                        .map(MemberSummary::organizationId)
                        .collect(Collectors.toSet())));
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.asQueryString());
        model.addAttribute("statuses", MembershipStatus.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("mayRegister", MemberPages.mayHoldMembers(organization));
        // The search box asks for the results only; restoring the browser's history needs the whole page.
        return htmx != null && historyRestore == null ? "members/list :: results" : "members/list";
    }

    @GetMapping("/orgs/{id}/members/export")
    String exportForm(@PathVariable long id, @ModelAttribute Filter filter, Model model) {
        header.addTo(model, id, "members");
        model.addAttribute("filter", filter);
        model.addAttribute("fields", EXPORT_FIELDS);
        model.addAttribute("checked", DEFAULT_EXPORT_FIELDS);
        return "members/export";
    }

    @GetMapping("/orgs/{id}/members.xlsx")
    void exportXlsx(
            @PathVariable long id,
            @ModelAttribute Filter filter,
            @RequestParam(required = false) List<String> fields,
            HttpServletResponse response)
            throws IOException {
        Organization organization = organizations.get(id);
        MemberQuery query = filter.query(id);
        // Access is checked before the download starts, so that a refusal is still an error page.
        members.search(query, new PageRequest(0, 1));
        List<String> columns = columns(fields);
        ExportLine line = new ExportLine(columns);
        XlsxExport.write(
                response,
                "members-" + organization.code() + ".xlsx",
                texts.text("member.export.sheet"),
                headers(columns),
                rows -> members.export(query, "XLSX", row -> rows.add(line.cells(row))));
    }

    @GetMapping("/orgs/{id}/members.csv")
    void exportCsv(
            @PathVariable long id,
            @ModelAttribute Filter filter,
            @RequestParam(required = false) List<String> fields,
            HttpServletResponse response)
            throws IOException {
        Organization organization = organizations.get(id);
        MemberQuery query = filter.query(id);
        members.search(query, new PageRequest(0, 1));
        List<String> columns = columns(fields);
        ExportLine line = new ExportLine(columns);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"members.csv\"; filename*=UTF-8''"
                        + URLEncoder.encode("members-" + organization.code() + ".csv", StandardCharsets.UTF_8));
        var writer = new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        // The byte order mark makes Excel read the file as UTF-8 rather than the Windows code page.
        writer.write('\uFEFF');
        Csv.writeLine(writer, headers(columns));
        members.export(query, "CSV", row -> Csv.writeLine(writer, line.cells(row)));
        writer.flush();
    }

    private List<String> columns(List<String> requested) {
        List<String> chosen = requested == null
                ? DEFAULT_EXPORT_FIELDS
                : EXPORT_FIELDS.stream().filter(requested::contains).toList();
        return chosen.isEmpty() ? DEFAULT_EXPORT_FIELDS : chosen;
    }

    private List<String> headers(List<String> columns) {
        return columns.stream().map(c -> texts.text("member.field." + c)).toList();
    }

    /** Turns an export row into the chosen cells; organization names are looked up once per organization. */
    private final class ExportLine {
        private final List<String> columns;
        private final Map<Long, String> names = new java.util.HashMap<>();

        ExportLine(List<String> columns) {
            this.columns = columns;
        }

        List<String> cells(ru.profkom.members.MemberExportRow row) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String column : columns) {
                cells.add(
                        switch (column) {
                            case "fullName" -> row.fullName();
                            case "birthDate" -> formats.date(row.birthDate());
                            case "gender" ->
                                row.gender() == null
                                        ? ""
                                        : texts.text(row.gender().messageKey());
                            case "snils" -> row.snils() == null ? "" : ru.profkom.shared.Snils.display(row.snils());
                            case "phone" -> row.phone() == null ? "" : formats.phone(row.phone());
                            case "email" -> nullToEmpty(row.email());
                            case "position" -> nullToEmpty(row.position());
                            case "department" -> nullToEmpty(row.department());
                            case "organization" ->
                                names.computeIfAbsent(
                                        row.organizationId(),
                                        id -> organizations
                                                .shortNames(List.of(id))
                                                .getOrDefault(id, ""));
                            case "status" -> texts.text(row.status().messageKey());
                            case "category" -> texts.text(row.category().messageKey());
                            case "joinedOn" -> formats.date(row.joinedOn());
                            case "cardNumber" -> nullToEmpty(row.cardNumber());
                            default -> "";
                        });
            }
            return cells;
        }
    }

    // ---- activists --------------------------------------------------------------------------

    @GetMapping("/orgs/{id}/activists")
    String activists(@PathVariable long id, @Paged(size = 50) PageRequest page, Model model) {
        header.addTo(model, id, "activists");
        Page<ActivistContact> found = members.activists(id, page);
        Set<Long> ids = new java.util.HashSet<>();
        found.items().forEach(a -> {
            ids.add(a.membershipOrganizationId());
            ids.add(a.roleOrganizationId());
        });
        model.addAttribute("found", found);
        model.addAttribute("organizationNames", organizations.shortNames(ids));
        return "members/activists";
    }

    @GetMapping("/orgs/{id}/activists.xlsx")
    void exportActivists(@PathVariable long id, HttpServletResponse response) throws IOException {
        Organization organization = organizations.get(id);
        members.activists(id, new PageRequest(0, 1));
        Map<Long, String> names = new java.util.HashMap<>();
        java.util.function.Function<Long, String> nameOf = orgId -> names.computeIfAbsent(
                orgId, key -> organizations.shortNames(List.of(key)).getOrDefault(key, ""));
        XlsxExport.write(
                response,
                "activists-" + organization.code() + ".xlsx",
                texts.text("member.activists.sheet"),
                ActivistColumns.headers(texts),
                rows -> members.exportActivists(
                        id,
                        "XLSX",
                        a -> rows.add(ActivistColumns.cells(
                                new ru.profkom.members.activists.ActivistSubmissionRow(
                                        0,
                                        a.personId(),
                                        a.fullName(),
                                        a.role(),
                                        nameOf.apply(a.roleOrganizationId()),
                                        a.startedOn(),
                                        a.phone(),
                                        a.email(),
                                        a.position(),
                                        nameOf.apply(a.membershipOrganizationId())),
                                texts,
                                formats))));
    }

    /** A line of the card's history with values as the user reads them elsewhere on the card. */
    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
