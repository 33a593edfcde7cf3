package ru.profkom.statisticalreports.web;

import java.util.ArrayList;
import java.util.List;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.PdfReport.Section;
import ru.profkom.shared.web.Texts;
import ru.profkom.statisticalreports.ChildReport;
import ru.profkom.statisticalreports.OrganizationReportStatus;
import ru.profkom.statisticalreports.ReportLine;
import ru.profkom.statisticalreports.StatisticalReport;

/**
 * A yearly report as tables in the reader's language, for the XLSX and PDF files: the lines by section with
 * source, the registry's value, the own value and (for a consolidated report) the children's sum and the total;
 * then the accepted reports of the children, one row each.
 */
final class ReportTable {

    private final Texts texts;
    private final Formats formats;
    private final StatisticalReport report;

    ReportTable(Texts texts, Formats formats, StatisticalReport report) {
        this.texts = texts;
        this.formats = formats;
        this.report = report;
    }

    String title() {
        return texts.text(report.consolidates() ? "statreport.titleConsolidated" : "statreport.title");
    }

    /** The lines under the title: the organization, the year, the status. */
    List<String> heading() {
        List<String> heading = new ArrayList<>();
        heading.add(report.organizationName() + " (" + report.organizationCode() + ")");
        heading.add(
                texts.text("statreport.subtitle", String.valueOf(report.year()), String.valueOf(report.year() + 1)));
        String status = texts.text("statreport.status") + ": "
                + texts.text(report.status().messageKey());
        if (report.submittedAt() != null && report.status().submitted()) {
            status += " · "
                    + texts.text("statreport.submittedTo", report.parentName(), formats.dateTime(report.submittedAt()));
        }
        heading.add(status);
        if (report.consolidates()) {
            heading.add(
                    texts.text("statreport.childrenAccepted", report.accepted().size(), report.reportingChildren()));
        }
        return heading;
    }

    List<String> headers() {
        List<String> headers = new ArrayList<>(List.of(
                texts.text("statreport.column.line"),
                texts.text("statreport.column.source"),
                texts.text("statreport.column.registry")));
        if (report.consolidates()) {
            headers.add(texts.text("statreport.column.own"));
            headers.add(texts.text("statreport.column.children"));
            headers.add(texts.text("statreport.column.total"));
        } else {
            headers.add(texts.text("statreport.column.value"));
        }
        return headers;
    }

    /** The lines of one section of the form; the employers' section ends with the membership level. */
    List<List<Object>> rows(ReportLine.Section section) {
        List<List<Object>> rows = new ArrayList<>();
        for (StatisticalReport.Line line : report.lines()) {
            if (line.line().section() != section) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(texts.text(line.line().messageKey()));
            row.add(texts.text(line.source().messageKey()));
            row.add(line.registryValue() == null ? "" : line.registryValue());
            row.add(line.value() == null ? "" : line.value());
            if (report.consolidates()) {
                row.add(line.children());
                row.add(line.total());
            }
            rows.add(row);
        }
        if (section == ReportLine.Section.EMPLOYERS) {
            List<Object> level = new ArrayList<>(
                    List.of(texts.text("statreport.level"), "", "", percent(report.ownMembershipLevel())));
            if (report.consolidates()) {
                level.add("");
                level.add(percent(report.totalMembershipLevel()));
            }
            rows.add(level);
        }
        return rows;
    }

    /** The accepted children's reports: the organization, then every line's consolidated value. */
    List<String> childHeaders() {
        List<String> headers = new ArrayList<>();
        headers.add(texts.text("statreport.list.organization"));
        for (ReportLine line : ReportLine.values()) {
            headers.add(texts.text(line.messageKey()));
        }
        return headers;
    }

    List<List<Object>> childRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (ChildReport child : report.accepted()) {
            List<Object> row = new ArrayList<>();
            row.add(child.name());
            for (ReportLine line : ReportLine.values()) {
                row.add(child.value(line));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The spreadsheet: the heading, each section under its title, then the children's table. */
    List<List<?>> lines() {
        List<List<?>> lines = new ArrayList<>();
        heading().forEach(line -> lines.add(List.of(line)));
        for (ReportLine.Section section : ReportLine.Section.values()) {
            lines.add(List.of());
            lines.add(List.of(texts.text(section.messageKey())));
            lines.addAll(rows(section));
        }
        if (!report.accepted().isEmpty()) {
            lines.add(List.of());
            lines.add(List.of(texts.text("statreport.acceptedReports")));
            lines.add(childHeaders());
            lines.addAll(childRows());
        }
        return lines;
    }

    /** The PDF: a table per section, then the children with their main lines (all lines do not fit a page). */
    List<Section> sections() {
        float[] widths = report.consolidates() ? new float[] {6, 2, 2, 2, 2, 2} : new float[] {6, 2, 2, 2};
        List<Section> sections = new ArrayList<>();
        for (ReportLine.Section section : ReportLine.Section.values()) {
            sections.add(new Section(texts.text(section.messageKey()), headers(), rows(section), widths));
        }
        if (!report.accepted().isEmpty()) {
            List<ReportLine> main = List.of(
                    ReportLine.MEMBERS, ReportLine.WOMEN, ReportLine.YOUTH, ReportLine.JOINED, ReportLine.HEADCOUNT);
            List<String> headers = new ArrayList<>();
            headers.add(texts.text("statreport.list.organization"));
            main.forEach(line -> headers.add(texts.text(line.messageKey())));
            List<List<Object>> rows = new ArrayList<>();
            for (ChildReport child : report.accepted()) {
                List<Object> row = new ArrayList<>();
                row.add(child.name());
                main.forEach(line -> row.add(child.value(line)));
                rows.add(row);
            }
            sections.add(new Section(
                    texts.text("statreport.acceptedReports"), headers, rows, new float[] {6, 2, 2, 2, 2, 2}));
        }
        return sections;
    }

    /** A list of organizations with their report's status, for its spreadsheet. */
    static List<String> statusHeaders(Texts texts) {
        return List.of(
                texts.text("statreport.list.organization"),
                texts.text("statreport.list.parent"),
                texts.text("statreport.list.kind"),
                texts.text("statreport.list.status"),
                texts.text("statreport.list.updated"),
                texts.text("statreport.list.submitted"),
                texts.text("statreport.list.decided"));
    }

    static List<Object> statusRow(Texts texts, Formats formats, OrganizationReportStatus row) {
        return java.util.Arrays.asList(
                row.name(),
                row.parentChain(),
                texts.text(row.kind().messageKey()),
                texts.text(row.status().messageKey()),
                formats.dateTime(row.updatedAt()),
                formats.dateTime(row.submittedAt()),
                formats.dateTime(row.decidedAt()));
    }

    private static String percent(Double value) {
        return value == null ? "—" : value + " %";
    }
}
