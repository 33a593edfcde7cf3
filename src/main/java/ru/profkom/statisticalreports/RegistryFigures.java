package ru.profkom.statisticalreports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.UnionRole;
import ru.profkom.members.Members;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.statistics.ChildFigures;
import ru.profkom.statistics.ChildMovement;
import ru.profkom.statistics.MembershipFigures;
import ru.profkom.statistics.MembershipMovement;
import ru.profkom.statistics.MembershipStatistics;

/**
 * What the registry says for an organization's own lines of the yearly report. An organization reports itself
 * and the part of its subtree that does not report on its own (shops, which report within their primary
 * organization); its children that report are summed from their accepted reports instead. So the own figures
 * are the subtree's statistics less the subtrees of the reporting children: for a primary organization the whole
 * subtree, for a territorial one usually nothing but itself. Read as the current actor, whose access the
 * statistics, the tree and the registry check again.
 */
@Component
class RegistryFigures {

    private final MembershipStatistics statistics;
    private final Organizations organizations;
    private final Members members;

    RegistryFigures(MembershipStatistics statistics, Organizations organizations, Members members) {
        this.statistics = statistics;
        this.organizations = organizations;
        this.members = members;
    }

    /** Whether organizations of the kind submit a report of their own; shops report within their primary one. */
    static boolean reports(OrganizationKind kind) {
        return kind != OrganizationKind.SHOP;
    }

    /** The active children of an organization, every page of them. */
    List<OrganizationNode> children(long organizationId) {
        List<OrganizationNode> children = new ArrayList<>();
        Page<OrganizationNode> page = null;
        for (int number = 0; page == null || page.hasNext(); number++) {
            page = organizations.children(organizationId, false, new PageRequest(number, PageRequest.MAX_SIZE));
            children.addAll(page.items());
        }
        return children;
    }

    Map<ReportLine, Long> of(Organization organization, int year) {
        long id = organization.id();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = ReportRules.lastDay(year);
        Map<ReportLine, Long> values = new EnumMap<>(ReportLine.class);
        for (ReportLine line : ReportLine.values()) {
            if (line.fromRegistry()) {
                values.put(line, 0L);
            }
        }
        add(values, statistics.figures(id, last), 1);
        add(values, statistics.movement(id, first, last), 1);

        List<OrganizationNode> children = children(id);
        if (children.stream().anyMatch(child -> reports(child.kind()))) {
            Page<ChildFigures> figures = null;
            for (int number = 0; figures == null || figures.hasNext(); number++) {
                figures = statistics.childrenFigures(id, last, new PageRequest(number, PageRequest.MAX_SIZE));
                figures.items().stream()
                        .filter(child -> reports(child.kind()))
                        .forEach(child -> add(values, child.figures(), -1));
            }
            Page<ChildMovement> movements = null;
            for (int number = 0; movements == null || movements.hasNext(); number++) {
                movements = statistics.childrenMovement(id, first, last, new PageRequest(number, PageRequest.MAX_SIZE));
                movements.items().stream()
                        .filter(child -> reports(child.kind()))
                        .forEach(child -> add(values, child.movement(), -1));
            }
        }

        ReportLine own = organizationLine(organization.kind());
        if (own != null) {
            values.merge(own, 1L, Long::sum);
        }
        List<Long> ownOrganizations = new ArrayList<>();
        ownOrganizations.add(id);
        children.stream().filter(child -> !reports(child.kind())).forEach(child -> ownOrganizations.add(child.id()));
        values.merge(ReportLine.SHOP_ORGANIZATIONS, (long) ownOrganizations.size() - 1, Long::sum);

        Map<UnionRole, Long> roles = members.roleCounts(ownOrganizations, last);
        values.put(ReportLine.CHAIRS, roles.getOrDefault(UnionRole.CHAIR, 0L));
        values.put(ReportLine.DEPUTY_CHAIRS, roles.getOrDefault(UnionRole.DEPUTY_CHAIR, 0L));
        values.put(ReportLine.ELECTED_BODY_MEMBERS, roles.getOrDefault(UnionRole.ELECTED_BODY_MEMBER, 0L));
        values.put(ReportLine.YOUTH_COUNCIL_MEMBERS, roles.getOrDefault(UnionRole.YOUTH_COUNCIL_MEMBER, 0L));
        values.put(ReportLine.COMMISSION_MEMBERS, roles.getOrDefault(UnionRole.COMMISSION_MEMBER, 0L));
        values.put(ReportLine.ACTIVISTS, roles.getOrDefault(UnionRole.ACTIVIST, 0L));
        values.put(ReportLine.INFO_WORKERS, roles.getOrDefault(UnionRole.INFO_WORKER, 0L));
        return values;
    }

    /** The line that counts organizations of the kind; none for the union itself. */
    static ReportLine organizationLine(OrganizationKind kind) {
        return switch (kind) {
            case UNION -> null;
            case REGIONAL -> ReportLine.REGIONAL_ORGANIZATIONS;
            case TERRITORIAL -> ReportLine.TERRITORIAL_ORGANIZATIONS;
            case PRIMARY -> ReportLine.PRIMARY_ORGANIZATIONS;
            case SHOP -> ReportLine.SHOP_ORGANIZATIONS;
        };
    }

    private static void add(Map<ReportLine, Long> values, MembershipFigures figures, int sign) {
        values.merge(ReportLine.MEMBERS, sign * figures.members(), Long::sum);
        values.merge(ReportLine.WORKERS, sign * figures.category(Category.WORKER), Long::sum);
        values.merge(ReportLine.STUDENTS, sign * figures.category(Category.STUDENT), Long::sum);
        values.merge(ReportLine.PENSIONERS, sign * figures.category(Category.PENSIONER), Long::sum);
        values.merge(ReportLine.UNEMPLOYED, sign * figures.category(Category.UNEMPLOYED), Long::sum);
        values.merge(ReportLine.WOMEN, sign * figures.women(), Long::sum);
        values.merge(ReportLine.YOUTH, sign * figures.youth(), Long::sum);
        values.merge(ReportLine.HEADCOUNT, sign * figures.headcount(), Long::sum);
    }

    private static void add(Map<ReportLine, Long> values, MembershipMovement movement, int sign) {
        values.merge(ReportLine.JOINED, sign * movement.joined(), Long::sum);
        values.merge(ReportLine.TRANSFERS_IN, sign * movement.transfersIn(), Long::sum);
        values.merge(ReportLine.EXITED_OWN_WISH, sign * movement.exited(ExitReason.OWN_WISH), Long::sum);
        values.merge(ReportLine.EXITED_DISMISSAL, sign * movement.exited(ExitReason.DISMISSAL), Long::sum);
        values.merge(ReportLine.EXITED_RETIREMENT, sign * movement.exited(ExitReason.RETIREMENT), Long::sum);
        values.merge(ReportLine.EXITED_DEATH, sign * movement.exited(ExitReason.DEATH), Long::sum);
        values.merge(ReportLine.EXITED_EXPULSION, sign * movement.exited(ExitReason.EXPULSION), Long::sum);
        values.merge(ReportLine.TRANSFERS_OUT, sign * movement.transfersOut(), Long::sum);
    }
}
