package ru.profkom.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.profkom.indicators.IndicatorProvider.Unit;
import ru.profkom.indicators.IndicatorRepository.StoredEntry;
import ru.profkom.organizations.Organization;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.web.Formats;

/**
 * The indicators this module brings: the information worker from the organization's card, and the
 * hand-entered data (budget share, channels, subscriber coverage, stands, periodicals, training),
 * plus the digital-maturity score. Their default weights add up to 100.
 */
@Configuration(proxyBeanMethods = false)
class BuiltInIndicators {

    static final String NO_DATA = "indicator.source.noData";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A provider from a name, a unit, a target, a default weight, a place on the page and a function. */
    record BuiltIn(
            String code,
            Unit unit,
            Target target,
            int defaultWeight,
            int order,
            BiFunction<List<Organization>, YearMonth, Map<Long, IndicatorValue>> function)
            implements IndicatorProvider {

        @Override
        public String nameKey() {
            return "indicator.name." + code;
        }

        @Override
        public Map<Long, IndicatorValue> values(List<Organization> organizations, YearMonth period) {
            return organizations.isEmpty() ? Map.of() : function.apply(organizations, period);
        }
    }

    @Bean
    IndicatorProvider infoWorkerIndicator() {
        Target target = Target.atLeast(1);
        return new BuiltIn("INFO_WORKER", Unit.YES_NO, target, 15, 10, (organizations, period) -> {
            Map<Long, IndicatorValue> values = new HashMap<>();
            for (Organization organization : organizations) {
                String name = organization.infoWorkerName();
                boolean appointed = name != null && !name.isBlank();
                values.put(
                        organization.id(),
                        appointed
                                ? IndicatorValue.of(BigDecimal.ONE, target, "indicator.source.card", name)
                                : IndicatorValue.of(BigDecimal.ZERO, target, "indicator.source.cardEmpty", ""));
            }
            return values;
        });
    }

    @Bean
    IndicatorProvider budgetShareIndicator(IndicatorRepository repository) {
        Target target = Target.atLeast(5);
        return new BuiltIn("BUDGET_SHARE", Unit.PERCENT, target, 20, 20, (organizations, period) -> {
            Map<Long, IndicatorValue> values = new HashMap<>();
            repository.entries(ids(organizations), period).forEach((id, stored) -> {
                IndicatorEntry entry = stored.entry();
                if (entry.budget() != null && entry.budget().signum() > 0 && entry.infoSpending() != null) {
                    BigDecimal share =
                            entry.infoSpending().multiply(HUNDRED).divide(entry.budget(), 2, RoundingMode.HALF_UP);
                    values.put(id, IndicatorValue.of(share, target, "indicator.source.entry", entered(stored)));
                }
            });
            return values;
        });
    }

    @Bean
    IndicatorProvider channelsIndicator(IndicatorRepository repository) {
        Target target = Target.atLeast(3);
        return new BuiltIn("CHANNELS", Unit.COUNT, target, 10, 30, (organizations, period) -> {
            Map<Long, IndicatorValue> values = new HashMap<>();
            repository.channels(ids(organizations), period).forEach((id, channels) -> {
                values.put(
                        id,
                        IndicatorValue.of(
                                BigDecimal.valueOf(channels.size()),
                                target,
                                "indicator.source.channels",
                                String.valueOf(channels.size())));
            });
            return values;
        });
    }

    @Bean
    IndicatorProvider subscriberCoverageIndicator(IndicatorRepository repository) {
        Target target = Target.atLeast(50);
        return new BuiltIn("SUBSCRIBER_COVERAGE", Unit.PERCENT, target, 20, 40, (organizations, period) -> {
            Map<Long, IndicatorValue> values = new HashMap<>();
            Map<Long, List<Channel>> channels = repository.channels(ids(organizations), period);
            for (Organization organization : organizations) {
                List<Channel> own = channels.getOrDefault(organization.id(), List.of());
                if (own.isEmpty()) {
                    continue;
                }
                long subscribers = subscribers(own);
                if (organization.headcount() == null || organization.headcount() <= 0) {
                    values.put(
                            organization.id(),
                            new IndicatorValue(
                                    null,
                                    BigDecimal.ZERO,
                                    "indicator.source.noHeadcount",
                                    String.valueOf(subscribers)));
                    continue;
                }
                values.put(
                        organization.id(),
                        IndicatorValue.of(
                                coverage(subscribers, organization.headcount()),
                                target,
                                "indicator.source.coverage",
                                subscribers + " / " + organization.headcount()));
            }
            return values;
        });
    }

    @Bean
    IndicatorProvider standsIndicator(IndicatorRepository repository, Clock clock) {
        Target target = Target.atMost(7);
        return new BuiltIn("STANDS_WEEKLY", Unit.DAYS, target, 15, 50, (organizations, period) -> {
            Map<Long, IndicatorValue> values = new HashMap<>();
            LocalDate reference = referenceDate(period, clock);
            repository.entries(ids(organizations), period).forEach((id, stored) -> {
                IndicatorEntry entry = stored.entry();
                if (entry.stands() != null && entry.stands() > 0 && entry.standsUpdatedOn() != null) {
                    long days = Math.max(0, ChronoUnit.DAYS.between(entry.standsUpdatedOn(), reference));
                    values.put(
                            id,
                            IndicatorValue.of(
                                    BigDecimal.valueOf(days),
                                    target,
                                    "indicator.source.stands",
                                    entry.stands() + "; " + new Formats().date(entry.standsUpdatedOn())));
                }
            });
            return values;
        });
    }

    @Bean
    IndicatorProvider periodicalsIndicator(IndicatorRepository repository) {
        return countIndicator("PERIODICAL_SUBSCRIPTIONS", 10, 60, repository, IndicatorEntry::periodicalSubscriptions);
    }

    @Bean
    IndicatorProvider trainedInfoWorkersIndicator(IndicatorRepository repository) {
        return countIndicator("TRAINED_INFO_WORKERS", 10, 70, repository, IndicatorEntry::trainedInfoWorkers);
    }

    @Bean
    IndicatorProvider digitalMaturityIndicator(IndicatorRepository repository) {
        Target target = Target.atLeast(60);
        return new BuiltIn("DIGITAL_MATURITY", Unit.SCORE, target, 0, 80, (organizations, period) -> {
            Map<Long, IndicatorValue> values = new HashMap<>();
            Map<Long, List<Channel>> channels = repository.channels(ids(organizations), period);
            Map<Long, StoredEntry> entries = repository.entries(ids(organizations), period);
            for (Organization organization : organizations) {
                List<Channel> own = channels.getOrDefault(organization.id(), List.of());
                StoredEntry stored = entries.get(organization.id());
                Integer trained = stored == null ? null : stored.entry().trainedInfoWorkers();
                BigDecimal score = DigitalMaturity.score(
                        organization.infoWorkerName() != null
                                && !organization.infoWorkerName().isBlank(),
                        own,
                        organization.headcount(),
                        trained != null && trained > 0);
                values.put(
                        organization.id(),
                        new IndicatorValue(
                                score,
                                score.divide(HUNDRED, 4, RoundingMode.HALF_UP),
                                "indicator.source.maturity",
                                ""));
            }
            return values;
        });
    }

    private static IndicatorProvider countIndicator(
            String code,
            int weight,
            int order,
            IndicatorRepository repository,
            java.util.function.Function<IndicatorEntry, Integer> field) {
        Target target = Target.atLeast(1);
        return new BuiltIn(code, Unit.COUNT, target, weight, order, (organizations, period) -> {
            Map<Long, IndicatorValue> values = new HashMap<>();
            repository.entries(ids(organizations), period).forEach((id, stored) -> {
                Integer count = field.apply(stored.entry());
                if (count != null) {
                    values.put(
                            id,
                            IndicatorValue.of(
                                    BigDecimal.valueOf(count), target, "indicator.source.entry", entered(stored)));
                }
            });
            return values;
        });
    }

    static long subscribers(List<Channel> channels) {
        return channels.stream().mapToLong(Channel::subscribers).sum();
    }

    static BigDecimal coverage(long subscribers, int headcount) {
        return BigDecimal.valueOf(subscribers)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(headcount), 2, RoundingMode.HALF_UP);
    }

    /** The day the weekly rule is judged at: the month's last day, or today in the current month. */
    static LocalDate referenceDate(YearMonth period, Clock clock) {
        LocalDate today = MoscowTime.today(clock);
        LocalDate end = period.atEndOfMonth();
        return today.isBefore(end) ? today : end;
    }

    private static String entered(StoredEntry stored) {
        return new Formats().date(stored.updatedAt());
    }

    private static List<Long> ids(List<Organization> organizations) {
        return organizations.stream().map(Organization::id).toList();
    }
}
