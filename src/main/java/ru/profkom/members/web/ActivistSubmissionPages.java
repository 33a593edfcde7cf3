package ru.profkom.members.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.activists.ActivistSubmission;
import ru.profkom.members.activists.ActivistSubmissionRow;
import ru.profkom.members.activists.ActivistSubmissions;
import ru.profkom.members.activists.ActivistSubmissions.State;
import ru.profkom.members.activists.SubmissionStatus;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/**
 * The yearly submission of the activists' base upward (A3): a primary organization's staff send it from the
 * activists tab; a higher organization's staff see, under the same tab, who sent it for a year, open a snapshot
 * and download it or the consolidated base of their subtree.
 */
@Controller
class ActivistSubmissionPages {

    private final ActivistSubmissions submissions;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;

    ActivistSubmissionPages(
            ActivistSubmissions submissions,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            Formats formats) {
        this.submissions = submissions;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
    }

    @PostMapping("/orgs/{id}/activists/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        int chosen = year == null ? submissions.currentYear() : year;
        try {
            ActivistSubmission done = submissions.submit(id, chosen);
            redirect.addFlashAttribute(
                    "flash",
                    texts.text("activists.submitted", String.valueOf(done.year()), done.version(), done.rows()));
            return "redirect:/activist-snapshots/" + done.id();
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
            return "redirect:/orgs/" + id + "/activist-submissions?year=" + chosen;
        }
    }

    @GetMapping("/orgs/{id}/activist-submissions")
    String list(
            @PathVariable long id,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(required = false) Long within,
            @Paged(size = 50) PageRequest page,
            Model model) {
        Organization organization = header.addTo(model, id, "activists");
        int chosen = year == null ? submissions.currentYear() : year;
        State filter = State.of(state);
        Page<SubmissionStatus> found = submissions.statuses(id, chosen, q, filter, within, page);
        model.addAttribute("levels", submissions.levels(id));
        model.addAttribute("within", within);
        long[] counts = submissions.counts(id, chosen);
        model.addAttribute("found", found);
        model.addAttribute("year", chosen);
        model.addAttribute("years", years());
        model.addAttribute("q", q);
        model.addAttribute("state", filter.name());
        model.addAttribute("states", State.values());
        model.addAttribute("total", counts[0]);
        model.addAttribute("submittedCount", counts[1]);
        model.addAttribute(
                "query",
                "year=" + chosen + "&q=" + enc(q) + "&state=" + filter.name()
                        + (within == null ? "" : "&within=" + within));
        boolean primary = organization.kind() == OrganizationKind.PRIMARY;
        model.addAttribute("primary", primary && organization.active());
        model.addAttribute("versions", primary ? submissions.versions(id, chosen) : List.of());
        return "members/activist-submissions";
    }

    @GetMapping("/orgs/{id}/activist-submissions.xlsx")
    void listXlsx(
            @PathVariable long id,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String state,
            @RequestParam(required = false) Long within,
            HttpServletResponse response)
            throws IOException {
        int chosen = year == null ? submissions.currentYear() : year;
        State filter = State.of(state);
        Page<SubmissionStatus> first =
                submissions.statuses(id, chosen, q, filter, within, new PageRequest(0, PageRequest.MAX_SIZE));
        XlsxExport.write(
                response,
                "activist-submissions-" + chosen + ".xlsx",
                texts.text("activists.submissions.sheet"),
                List.of(
                        texts.text("activists.field.organization"),
                        texts.text("activists.field.parents"),
                        texts.text("activists.field.code"),
                        texts.text("activists.field.state"),
                        texts.text("activists.field.version"),
                        texts.text("activists.field.submittedAt"),
                        texts.text("activists.field.submittedBy"),
                        texts.text("activists.field.rows")),
                rows -> {
                    Page<SubmissionStatus> current = first;
                    while (true) {
                        current.items().forEach(s -> rows.add(statusCells(s)));
                        if (!current.hasNext()) {
                            break;
                        }
                        current = submissions.statuses(
                                id,
                                chosen,
                                q,
                                filter,
                                within,
                                new PageRequest(current.page() + 1, PageRequest.MAX_SIZE));
                    }
                });
    }

    private List<Object> statusCells(SubmissionStatus status) {
        ActivistSubmission latest = status.latest();
        return List.of(
                status.organization().shortName(),
                status.parentChain() == null ? "" : status.parentChain(),
                status.organization().code(),
                texts.text(status.submitted() ? "activists.state.SUBMITTED" : "activists.state.MISSING"),
                latest == null ? "" : latest.version(),
                latest == null ? "" : formats.dateTime(latest.submittedAt()),
                latest == null ? "" : latest.submittedBy(),
                latest == null ? "" : latest.rows());
    }

    @GetMapping("/orgs/{id}/activist-submissions/consolidated.xlsx")
    void consolidatedXlsx(
            @PathVariable long id, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        int chosen = year == null ? submissions.currentYear() : year;
        // Access is checked before the download starts, so that a refusal is still an error page.
        submissions.counts(id, chosen);
        XlsxExport.write(
                response,
                "activists-" + chosen + ".xlsx",
                texts.text("activists.consolidated.sheet"),
                rowHeaders(),
                rows -> submissions.exportConsolidated(id, chosen, "XLSX", row -> rows.add(rowCells(row))));
    }

    @GetMapping("/activist-snapshots/{snapshotId}")
    String snapshot(@PathVariable long snapshotId, @Paged(size = 50) PageRequest page, Model model) {
        ActivistSubmission snapshot = submissions.get(snapshotId);
        header.addTo(model, snapshot.organizationId(), "activists");
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("found", submissions.rows(snapshotId, page));
        return "members/activist-snapshot";
    }

    @GetMapping("/activist-snapshots/{snapshotId}.xlsx")
    void snapshotXlsx(@PathVariable long snapshotId, HttpServletResponse response) throws IOException {
        ActivistSubmission snapshot = submissions.get(snapshotId);
        XlsxExport.write(
                response,
                "activists-" + snapshot.year() + "-v" + snapshot.version() + ".xlsx",
                texts.text("activists.consolidated.sheet"),
                rowHeaders(),
                rows -> submissions.export(snapshotId, "XLSX", row -> rows.add(rowCells(row))));
    }

    private List<String> rowHeaders() {
        return ActivistColumns.headers(texts);
    }

    private List<String> rowCells(ActivistSubmissionRow row) {
        return ActivistColumns.cells(row, texts, formats);
    }

    private List<Integer> years() {
        int current = submissions.currentYear();
        return IntStream.rangeClosed(0, 5).map(i -> current + 1 - i).boxed().toList();
    }

    private static String enc(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
