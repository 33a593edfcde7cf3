package ru.profkom.mailings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.profkom.indicators.IndicatorProvider;
import ru.profkom.indicators.IndicatorValue;
import ru.profkom.indicators.Target;
import ru.profkom.organizations.Organization;
import ru.profkom.shared.MoscowTime;

/**
 * The indicator «Охват электронными каналами» (E2, the seeds' "share of members reachable electronically"): of
 * the current members of the organization's subtree who consented to the processing of their data, the share a
 * mailing reaches on at least one channel (e-mail, Telegram, VK or SMS: consent and a working address), as the
 * audience count of the mailings form computes it, on the last day of the month (today for the current one).
 */
@Configuration(proxyBeanMethods = false)
class ReachIndicator {

    static final String CODE = "ELECTRONIC_REACH";

    @Bean
    IndicatorProvider electronicReachIndicator(AudienceRepository audiences, Clock clock) {
        Target target = Target.atLeast(70);
        return IndicatorProvider.of(CODE, IndicatorProvider.Unit.PERCENT, target, 0, 44, (within, period) -> {
            LocalDate today = MoscowTime.today(clock);
            LocalDate on = period.atEndOfMonth().isAfter(today) ? today : period.atEndOfMonth();
            // One pass over the memberships of the organizations' common subtree: the rating of a union's
            // thousand organizations was a thousand audience counts, 20–36 s for the page.
            Map<Long, AudienceRepository.Reach> bySubtree = audiences.reachBySubtree(
                    commonAncestor(within),
                    within.stream().map(Organization::id).collect(java.util.stream.Collectors.toSet()),
                    on);
            Map<Long, IndicatorValue> values = new HashMap<>();
            for (Organization organization : within) {
                AudienceRepository.Reach reach = bySubtree.get(organization.id());
                if (reach != null && reach.counted() > 0) {
                    values.put(
                            organization.id(),
                            IndicatorValue.of(
                                    BigDecimal.valueOf(reach.reachable() * 100)
                                            .divide(BigDecimal.valueOf(reach.counted()), 2, RoundingMode.HALF_UP),
                                    target,
                                    "mailing.indicator.source.electronicReach",
                                    reach.reachable() + " / " + reach.counted()));
                }
            }
            return values;
        });
    }

    /** The deepest organization above or at every one of them (the root of the tree for none). */
    static String commonAncestor(List<Organization> organizations) {
        String common = null;
        for (Organization organization : organizations) {
            String path = organization.path();
            if (common == null) {
                common = path;
                continue;
            }
            int length = 0;
            for (int i = 0; i < Math.min(common.length(), path.length()); i++) {
                if (common.charAt(i) != path.charAt(i)) {
                    break;
                }
                if (common.charAt(i) == '/') {
                    length = i + 1;
                }
            }
            common = common.substring(0, length);
        }
        return common == null || common.isEmpty() ? "/" : common;
    }
}
