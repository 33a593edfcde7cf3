package ru.profkom.mailings.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.mailings.Channel;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Scope;

/**
 * The delivery report of a mailing: delivered, opened, clicked, unsubscribed, bounced, failed and unknown, in total,
 * per channel and per organization of the recipients (each row carries the organization the person was reached
 * in). Only staff whose scope covers the sender organization read it; for others the mailing does not exist.
 */
@Service
@Transactional(readOnly = true)
public class MailingReports {

    private final ReportRepository repository;
    private final Organizations organizations;

    MailingReports(ReportRepository repository, Organizations organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    /** The totals and the counts per channel. */
    public record Summary(long mailingId, DeliveryCounts totals, Map<Channel, DeliveryCounts> channels) {}

    /**
     * One organization's rows.
     *
     * @param chain where it stands below the sender organization (names from the top, « › » between; empty for a
     *     direct child or the sender itself)
     */
    public record OrganizationLine(long organizationId, String organizationName, String chain, DeliveryCounts counts) {}

    public Summary summary(Scope scope, long mailingId) {
        readable(scope, mailingId);
        return new Summary(mailingId, repository.totals(mailingId), repository.byChannel(mailingId));
    }

    /** A page of the organizations, those with the most recipients first. */
    public Page<OrganizationLine> byOrganization(Scope scope, long mailingId, PageRequest page) {
        long sender = readable(scope, mailingId);
        Map<Long, DeliveryCounts> counts = repository.byOrganization(mailingId, page);
        Map<Long, String> names = organizations.shortNames(counts.keySet());
        Map<Long, String> chains = organizations.chainsBelow(sender, counts.keySet());
        List<OrganizationLine> lines = new ArrayList<>(counts.size());
        counts.forEach((id, line) -> lines.add(
                new OrganizationLine(id, names.getOrDefault(id, "№ " + id), chains.getOrDefault(id, ""), line)));
        return new Page<>(lines, page.page(), page.size(), repository.organizationCount(mailingId));
    }

    /** A mailing of the organization with rows that failed or whose fate is unknown: a task of its staff. */
    public record MailingProblem(long mailingId, String title, long organizationId, java.time.Instant at, long rows) {}

    /**
     * The organization's own mailings (it is their sender) with failed or unknown rows, newest first; none when
     * the actor's scope does not cover it.
     */
    public List<MailingProblem> problems(Scope scope, long organizationId, int limit) {
        String path = organizations.pathOf(organizationId).orElse(null);
        if (path == null || !scope.covers(path)) {
            return List.of();
        }
        return repository.withProblems(List.of(organizationId), limit).stream()
                .map(row -> new MailingProblem(
                        row.get(profkom.schema.Tables.MAILING.ID),
                        row.get(profkom.schema.Tables.MAILING.TITLE),
                        row.get(profkom.schema.Tables.MAILING.ORGANIZATION_ID),
                        row.get(profkom.schema.Tables.MAILING.UPDATED_AT),
                        ((Number) row.get("problems")).longValue()))
                .toList();
    }

    private long readable(Scope scope, long mailingId) {
        long sender = repository.senderOf(mailingId).orElseThrow(() -> ProfkomException.notFound("mailing.notFound"));
        String path = organizations.pathOf(sender).orElseThrow(() -> ProfkomException.notFound("mailing.notFound"));
        if (!scope.covers(path)) {
            throw ProfkomException.notFound("mailing.notFound");
        }
        return sender;
    }
}
