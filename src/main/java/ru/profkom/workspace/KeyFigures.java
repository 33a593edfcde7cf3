package ru.profkom.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import ru.profkom.indicators.RankingRow;
import ru.profkom.indicators.Rating;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.statistics.MembershipFigures;
import ru.profkom.statistics.MembershipStatistics;

/**
 * The key figures of an organization on its home, from the statistics' and the rating's own queries: members,
 * membership level and youth share now against a year ago, and the rating place against last month.
 */
@Service
public class KeyFigures {

    private static final ZoneId MOSCOW = MoscowTime.ZONE;

    private final MembershipStatistics statistics;
    private final Rating rating;
    private final Organizations organizations;
    private final Clock clock;

    KeyFigures(MembershipStatistics statistics, Rating rating, Organizations organizations, Clock clock) {
        this.statistics = statistics;
        this.rating = rating;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The figures the current person may read; the statistics refuse an organization outside their subtrees. */
    public List<KeyFigure> of(long organizationId) {
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        List<KeyFigure> figures = new ArrayList<>();
        try {
            MembershipFigures now = statistics.figures(organizationId, today);
            MembershipFigures yearAgo = statistics.figures(organizationId, today.minusYears(1));
            figures.add(new KeyFigure("members", (double) now.members(), (double) yearAgo.members(), false, false));
            figures.add(new KeyFigure("level", now.membershipLevel(), yearAgo.membershipLevel(), true, false));
            figures.add(new KeyFigure(
                    "youth",
                    now.members() == 0 ? null : now.share(now.youth()),
                    yearAgo.members() == 0 ? null : yearAgo.share(yearAgo.youth()),
                    true,
                    false));
        } catch (ProfkomException refused) {
            return List.of();
        }
        ratingPlace(organizationId).ifPresent(figures::add);
        return figures;
    }

    private java.util.Optional<KeyFigure> ratingPlace(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (organization.kind() != OrganizationKind.PRIMARY || organization.parentId() == null) {
            return java.util.Optional.empty();
        }
        // The ranking is the parent's; its staff read all of it. The organization's own staff, who may read
        // their organization's figures above, learn its own row only: the place, not the others' scores.
        try {
            List<RankingRow> rows = CurrentActor.asSystem(() -> rating.ranking(
                            organization.parentId(),
                            YearMonth.now(clock.withZone(MOSCOW)),
                            organization.shortName(),
                            new PageRequest(0, 50))
                    .rows()
                    .items());
            return rows.stream()
                    .filter(row -> row.organizationId() == organizationId)
                    .findFirst()
                    .map(row -> new KeyFigure(
                            "place",
                            (double) row.place(),
                            row.previousPlace() == null ? null : (double) row.previousPlace(),
                            false,
                            true));
        } catch (ProfkomException refused) {
            return java.util.Optional.empty();
        }
    }
}
