package ru.profkom.mailings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
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
            Map<Long, IndicatorValue> values = new HashMap<>();
            for (Organization organization : within) {
                AudienceReach reach = audiences.reach(
                        organization.path(),
                        Audience.EVERYONE,
                        EnumSet.allOf(Channel.class),
                        Delivery.FIRST_AVAILABLE,
                        on);
                long counted = reach.people() - reach.withoutProcessingConsent();
                if (counted > 0) {
                    values.put(
                            organization.id(),
                            IndicatorValue.of(
                                    BigDecimal.valueOf(reach.recipients() * 100)
                                            .divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP),
                                    target,
                                    "mailing.indicator.source.electronicReach",
                                    reach.recipients() + " / " + counted));
                }
            }
            return values;
        });
    }
}
