package ru.profkom.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.indicators.IndicatorEvents.InfoReportSent;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.RussianText;

/**
 * The monthly information-work report to the higher organization: generated from the data (the
 * indicators, the hand-entered figures, the channels and the ranking of the primary organizations
 * inside), sent upward by marking it sent, and listed for the parent with who sent and who did not.
 */
@Service
@Transactional
public class InfoReports {

    private final Indicators indicators;
    private final Rating rating;
    private final IndicatorRepository repository;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InfoReports(
            Indicators indicators,
            Rating rating,
            IndicatorRepository repository,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.indicators = indicators;
        this.rating = rating;
        this.repository = repository;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** Everything the report shows; {@code ranking} holds every primary organization inside. */
    public record InfoReport(
            Organization organization,
            YearMonth period,
            List<IndicatorReading> readings,
            IndicatorEntry entry,
            List<Channel> channels,
            Ranking ranking,
            Instant sentAt) {}

    @Transactional(readOnly = true)
    public InfoReport report(long organizationId, YearMonth period) {
        Organization organization = indicators.staffOnly(organizationId);
        List<IndicatorReading> readings = indicators.readings(organizationId, period);
        return new InfoReport(
                organization,
                period,
                readings,
                indicators.entry(organizationId, period),
                indicators
                        .channels(organizationId, period, null, new PageRequest(0, Indicators.MAX_CHANNELS))
                        .items(),
                rating.ranking(organizationId, period, null, new PageRequest(0, PageRequest.MAX_SIZE)),
                repository.reportSentAt(organizationId, period).orElse(null));
    }

    /** Marks the month's report sent to the parent; sending again replaces the time. */
    public Instant send(long organizationId, YearMonth period) {
        Organization organization = indicators.staffOnly(organizationId);
        Periods.check(period, clock);
        if (organization.parentId() == null) {
            throw ProfkomException.conflict("report.noParent");
        }
        Instant now = clock.instant();
        repository.markReportSent(
                organizationId,
                period,
                organization.parentId(),
                now,
                currentActor.get().accountId());
        events.publishEvent(new InfoReportSent(
                organizationId, organization.path(), period, organization.parentId(), currentActor.get()));
        return now;
    }

    @Transactional(readOnly = true)
    public Instant sentAt(long organizationId, YearMonth period) {
        indicators.staffOnly(organizationId);
        return repository.reportSentAt(organizationId, period).orElse(null);
    }

    /** Which children sent their report for the month; filter by a part of the name and by sent or not. */
    @Transactional(readOnly = true)
    public Page<ChildReport> childReports(
            long organizationId, YearMonth period, String query, Boolean sent, PageRequest page) {
        indicators.staffOnly(organizationId);
        List<OrganizationNode> children = rating.allChildren(organizationId);
        Map<Long, Instant> sentAt = children.isEmpty()
                ? Map.of()
                : repository.reportsSent(
                        children.stream().map(OrganizationNode::id).toList(), period);
        String needle = RussianText.foldedKey(query);
        List<ChildReport> all = children.stream()
                .filter(child -> needle.isEmpty()
                        || RussianText.foldedKey(child.shortName()).contains(needle))
                .map(child -> new ChildReport(child.id(), child.shortName(), sentAt.get(child.id())))
                .filter(report -> sent == null || sent == (report.sentAt() != null))
                .toList();
        return new Page<>(
                all.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(), all.size());
    }
}
