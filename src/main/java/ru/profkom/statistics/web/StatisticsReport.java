package ru.profkom.statistics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.organizations.Organization;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.PdfReport;
import ru.profkom.shared.web.PdfReport.Section;
import ru.profkom.shared.web.Texts;
import ru.profkom.statistics.ChildFigures;
import ru.profkom.statistics.MembershipFigures;
import ru.profkom.statistics.MembershipMovement;
import ru.profkom.statistics.MonthlyPoint;
import ru.profkom.statistics.web.StatisticsPages.Dashboard;
import ru.profkom.statistics.web.StatisticsPages.Selection;

/**
 * The dashboard as lines of a report, in the user's language: the same lines go to XLSX (two columns)
 * and to PDF (sections of tables, {@link PdfReport}).
 */
final class StatisticsReport {

    private final Texts texts;
    private final Formats formats;
    private final Organization organization;
    private final Selection selection;
    private final Dashboard dashboard;

    StatisticsReport(
            Texts texts, Formats formats, Organization organization, Selection selection, Dashboard dashboard) {
        this.texts = texts;
        this.formats = formats;
        this.organization = organization;
        this.selection = selection;
        this.dashboard = dashboard;
    }

    List<Section> sections() {
        MembershipFigures figures = dashboard.figures();
        List<List<Object>> structure = new ArrayList<>();
        structure.add(row("statistics.members", figures.members(), null));
        for (Category category : Category.values()) {
            long value = figures.category(category);
            structure.add(row(category.messageKey(), value, figures.share(value)));
        }
        structure.add(row("statistics.women", figures.women(), figures.share(figures.women())));
        structure.add(row("statistics.men", figures.men(), figures.share(figures.men())));
        structure.add(row("statistics.genderUnknown", figures.genderUnknown(), figures.share(figures.genderUnknown())));
        structure.add(row("statistics.youth", figures.youth(), figures.share(figures.youth())));
        structure.add(row("statistics.headcount", figures.headcount(), null));
        structure.add(List.of(
                texts.text("statistics.level"),
                figures.membershipLevel() == null ? "—" : figures.membershipLevel() + " %",
                ""));
        MembershipMovement movement = dashboard.movement();
        List<List<Object>> moves = new ArrayList<>();
        moves.add(row("statistics.joined", movement.joined(), null));
        moves.add(row("statistics.transfersIn", movement.transfersIn(), null));
        for (ExitReason reason : ExitReason.values()) {
            if (reason != ExitReason.TRANSFER) {
                moves.add(row(reason.messageKey(), movement.exited(reason), null));
            }
        }
        moves.add(row("statistics.transfersOut", movement.transfersOut(), null));
        moves.add(row("statistics.net", movement.net(), null));
        List<List<Object>> months = new ArrayList<>();
        for (MonthlyPoint point : dashboard.series()) {
            months.add(List.of(
                    String.format(
                            "%02d.%d",
                            point.month().getMonthValue(), point.month().getYear()),
                    point.members(),
                    point.joined() + point.transfersIn(),
                    point.exited() + point.transfersOut()));
        }
        List<List<Object>> children = new ArrayList<>();
        for (ChildFigures child : dashboard.children().items()) {
            MembershipFigures f = child.figures();
            children.add(List.of(
                    child.shortName(),
                    f.members(),
                    f.youth(),
                    f.membershipLevel() == null ? "—" : f.membershipLevel() + " %"));
        }
        String value = texts.text("statistics.export.value");
        String share = texts.text("statistics.share");
        return List.of(
                new Section(
                        texts.text("statistics.structure.title", formats.date(selection.date())),
                        List.of(texts.text("statistics.export.indicator"), value, share),
                        structure),
                new Section(
                        texts.text(
                                "statistics.movement.title",
                                formats.date(selection.from()),
                                formats.date(selection.to())),
                        List.of(texts.text("statistics.export.indicator"), value),
                        moves),
                new Section(
                        texts.text("statistics.dynamics.title"),
                        List.of(
                                texts.text("statistics.month"),
                                texts.text("statistics.members"),
                                texts.text("statistics.in"),
                                texts.text("statistics.out")),
                        months),
                new Section(
                        texts.text("statistics.children.title"),
                        List.of(
                                texts.text("statistics.organization"),
                                texts.text("statistics.members"),
                                texts.text("statistics.youth"),
                                texts.text("statistics.level")),
                        children));
    }

    /** The report as two-column lines for a spreadsheet: each section's title, then its rows. */
    List<List<?>> lines() {
        List<List<?>> lines = new ArrayList<>();
        lines.add(List.of(organization.shortName(), organization.code()));
        for (Section section : sections()) {
            lines.add(List.of());
            lines.add(List.of(section.title()));
            lines.add(section.headers());
            lines.addAll(section.rows());
        }
        return lines;
    }

    void pdf(OutputStream out) throws IOException {
        PdfReport.write(out, organization.fullName(), List.of(texts.text("statistics.title")), sections());
    }

    private List<Object> row(String key, long value, Double share) {
        List<Object> row = new ArrayList<>();
        row.add(texts.text(key));
        row.add(value);
        row.add(share == null ? "" : share + " %");
        return row;
    }
}
