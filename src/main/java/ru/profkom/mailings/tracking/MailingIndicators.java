package ru.profkom.mailings.tracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.profkom.indicators.IndicatorProvider;
import ru.profkom.indicators.IndicatorValue;
import ru.profkom.indicators.Target;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;

/**
 * The mailings' indicator for information work (E2) and the rating: «Охват рассылками» — of the messages of the
 * month's mailings addressed to members of the organization's subtree (its primary and shop organizations, where
 * members are registered), the share delivered, whole percent; no value in a month without messages.
 */
@Configuration(proxyBeanMethods = false)
class MailingIndicators {

    static final String CODE = "MAILING_REACH";
    private static final int CHUNK = 1000;

    @Bean
    IndicatorProvider mailingReachIndicator(ReportRepository repository, Organizations organizations) {
        Target target = Target.atLeast(90);
        return IndicatorProvider.of(CODE, IndicatorProvider.Unit.PERCENT, target, 0, 45, (within, period) -> {
            Instant from = MoscowTime.startOf(period.atDay(1));
            Instant to = MoscowTime.startOf(period.plusMonths(1).atDay(1));
            Map<Long, IndicatorValue> values = new HashMap<>();
            for (Organization organization : within) {
                List<Long> holders = new ArrayList<>();
                holders.add(organization.id());
                organizations.membershipHoldersWithin(organization.id()).forEach(holder -> holders.add(holder.id()));
                DeliveryCounts counts = DeliveryCounts.NONE;
                for (int start = 0; start < holders.size(); start += CHUNK) {
                    List<Long> part = holders.subList(start, Math.min(holders.size(), start + CHUNK));
                    for (DeliveryCounts line :
                            repository.byOrganizationBetween(part, from, to).values()) {
                        counts = counts.plus(line);
                    }
                }
                if (counts.total() > 0) {
                    BigDecimal share = BigDecimal.valueOf(counts.delivered() * 100)
                            .divide(BigDecimal.valueOf(counts.total()), 2, RoundingMode.HALF_UP);
                    values.put(
                            organization.id(),
                            IndicatorValue.of(
                                    share,
                                    target,
                                    "mailing.indicator.source.reach",
                                    counts.delivered() + " / " + counts.total()));
                }
            }
            return values;
        });
    }
}
