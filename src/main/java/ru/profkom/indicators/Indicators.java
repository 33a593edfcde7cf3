package ru.profkom.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.indicators.IndicatorEvents.ChannelAdded;
import ru.profkom.indicators.IndicatorEvents.ChannelRemoved;
import ru.profkom.indicators.IndicatorEvents.IndicatorDataSaved;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * The indicators of an organization for a month from every {@link IndicatorProvider}, and the
 * hand-entered data behind the built-in ones. Staff of the organization's subtree read and enter;
 * anyone else gets 404 outside their subtrees and 403 inside.
 */
@Service
@Transactional
public class Indicators {

    static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");
    static final int MAX_SUBSCRIBERS = 100_000_000;
    public static final int MAX_CHANNELS = 50;

    private final IndicatorRepository repository;
    private final List<IndicatorProvider> providers;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Indicators(
            IndicatorRepository repository,
            List<IndicatorProvider> providers,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.providers = providers.stream()
                .sorted(Comparator.comparingInt(IndicatorProvider::order).thenComparing(IndicatorProvider::code))
                .toList();
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** Every indicator known, in page order. */
    @Transactional(readOnly = true)
    public List<IndicatorProvider> providers() {
        return providers;
    }

    @Transactional(readOnly = true)
    public YearMonth period(String text) {
        return Periods.parse(text, clock);
    }

    @Transactional(readOnly = true)
    public List<IndicatorReading> readings(long organizationId, YearMonth period) {
        Organization organization = staffOnly(organizationId);
        Periods.check(period, clock);
        return readings(List.of(organization), period).get(organizationId);
    }

    /** The readings of organizations the caller has already been allowed to read. */
    Map<Long, List<IndicatorReading>> readings(List<Organization> organizations, YearMonth period) {
        Map<Long, List<IndicatorReading>> readings = new java.util.HashMap<>();
        organizations.forEach(organization -> readings.put(organization.id(), new ArrayList<>()));
        for (IndicatorProvider provider : providers) {
            Map<Long, IndicatorValue> values = provider.values(organizations, period);
            for (Organization organization : organizations) {
                IndicatorValue value = values.get(organization.id());
                if (value == null) {
                    value = IndicatorValue.missing(BuiltInIndicators.NO_DATA);
                }
                readings.get(organization.id())
                        .add(new IndicatorReading(
                                provider.code(),
                                provider.nameKey(),
                                provider.unit(),
                                provider.target(),
                                value.value(),
                                value.normalized(),
                                provider.target().isMet(value.value()),
                                value.sourceKey(),
                                value.sourceDetail()));
            }
        }
        return readings;
    }

    @Transactional(readOnly = true)
    public IndicatorEntry entry(long organizationId, YearMonth period) {
        staffOnly(organizationId);
        return repository
                .entry(organizationId, period)
                .map(IndicatorRepository.StoredEntry::entry)
                .orElse(IndicatorEntry.EMPTY);
    }

    public IndicatorEntry saveEntry(long organizationId, YearMonth period, IndicatorEntry entry) {
        Organization organization = staffOnly(organizationId);
        Periods.check(period, clock);
        validate(entry, period);
        IndicatorEntry before = repository
                .entry(organizationId, period)
                .map(IndicatorRepository.StoredEntry::entry)
                .orElse(IndicatorEntry.EMPTY);
        repository.saveEntry(
                organizationId,
                period,
                entry,
                clock.instant(),
                currentActor.get().accountId());
        String fields = changedFields(before, entry);
        if (!fields.isEmpty()) {
            events.publishEvent(
                    new IndicatorDataSaved(organizationId, organization.path(), period, fields, currentActor.get()));
        }
        return entry;
    }

    private void validate(IndicatorEntry entry, YearMonth period) {
        Validation validation = new Validation();
        money(validation, "budget", entry.budget());
        money(validation, "infoSpending", entry.infoSpending());
        if (entry.infoSpending() != null && entry.infoSpending().signum() > 0) {
            if (entry.budget() == null) {
                validation.reject("budget", "indicator.entry.budgetMissing");
            } else if (entry.infoSpending().compareTo(entry.budget()) > 0) {
                validation.reject("infoSpending", "indicator.entry.spendingAboveBudget");
            }
        }
        count(validation, "stands", entry.stands(), 10_000);
        count(validation, "periodicalSubscriptions", entry.periodicalSubscriptions(), 1_000_000);
        count(validation, "trainedInfoWorkers", entry.trainedInfoWorkers(), 10_000);
        LocalDate updated = entry.standsUpdatedOn();
        if (updated != null) {
            LocalDate today = ru.profkom.shared.MoscowTime.today(clock);
            if (updated.isAfter(today)) {
                validation.reject("standsUpdatedOn", "indicator.entry.dateInFuture");
            } else if (updated.isAfter(period.atEndOfMonth())) {
                validation.reject("standsUpdatedOn", "indicator.entry.dateAfterPeriod");
            } else if (updated.getYear() < 2000) {
                validation.reject("standsUpdatedOn", "indicator.entry.dateTooOld");
            }
        }
        if (entry.stands() != null && entry.stands() > 0 && updated == null) {
            validation.reject("standsUpdatedOn", "indicator.entry.standsDateMissing");
        }
        validation.throwIfInvalid();
    }

    private static void money(Validation validation, String field, BigDecimal amount) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            validation.reject(field, "indicator.entry.negative");
        } else if (amount.compareTo(MAX_MONEY) >= 0) {
            validation.reject(field, "indicator.entry.moneyTooLarge");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            validation.reject(field, "indicator.entry.kopecks");
        }
    }

    private static void count(Validation validation, String field, Integer value, int max) {
        if (value == null) {
            return;
        }
        if (value < 0) {
            validation.reject(field, "indicator.entry.negative");
        } else if (value > max) {
            validation.reject(field, "indicator.entry.tooLarge", max);
        }
    }

    private static String changedFields(IndicatorEntry before, IndicatorEntry after) {
        List<String> fields = new ArrayList<>();
        compare(fields, "budget", before.budget(), after.budget());
        compare(fields, "infoSpending", before.infoSpending(), after.infoSpending());
        compare(fields, "stands", before.stands(), after.stands());
        compare(fields, "standsUpdatedOn", before.standsUpdatedOn(), after.standsUpdatedOn());
        compare(fields, "periodicalSubscriptions", before.periodicalSubscriptions(), after.periodicalSubscriptions());
        compare(fields, "trainedInfoWorkers", before.trainedInfoWorkers(), after.trainedInfoWorkers());
        return String.join(",", fields);
    }

    private static void compare(List<String> fields, String field, Object before, Object after) {
        boolean same = before instanceof BigDecimal a && after instanceof BigDecimal b
                ? a.compareTo(b) == 0
                : Objects.equals(before, after);
        if (!same) {
            fields.add(field);
        }
    }

    // ---- channels ---------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<Channel> channels(long organizationId, YearMonth period, Channel.Kind kind, PageRequest page) {
        staffOnly(organizationId);
        return repository.channels(organizationId, period, kind, page);
    }

    public Channel addChannel(
            long organizationId, YearMonth period, Channel.Kind kind, String address, Integer subscribers) {
        Organization organization = staffOnly(organizationId);
        Periods.check(period, clock);
        String clean = address == null ? "" : address.strip();
        Validation validation = new Validation();
        if (kind == null) {
            validation.reject("kind", "validation.required");
        }
        validation.required("address", clean).maxLength("address", clean, 300);
        if (subscribers == null) {
            validation.reject("subscribers", "validation.required");
        } else if (subscribers < 0) {
            validation.reject("subscribers", "indicator.entry.negative");
        } else if (subscribers > MAX_SUBSCRIBERS) {
            validation.reject("subscribers", "indicator.channel.tooManySubscribers");
        }
        if (repository.channelCount(organizationId, period) >= MAX_CHANNELS) {
            validation.reject(null, "indicator.channel.tooMany", MAX_CHANNELS);
        }
        validation.throwIfInvalid();
        Channel channel = repository.addChannel(organizationId, period, kind, clean, subscribers);
        events.publishEvent(
                new ChannelAdded(organizationId, organization.path(), period, describe(channel), currentActor.get()));
        return channel;
    }

    public void removeChannel(long organizationId, long channelId) {
        Organization organization = staffOnly(organizationId);
        Optional<Channel> channel =
                repository.channel(channelId).filter(found -> found.organizationId() == organizationId);
        if (channel.isEmpty()) {
            throw ProfkomException.notFound("indicator.channel.notFound");
        }
        YearMonth period = repository.periodOfChannel(channelId).orElseThrow();
        repository.removeChannel(channelId);
        events.publishEvent(new ChannelRemoved(
                organizationId, organization.path(), period, describe(channel.get()), currentActor.get()));
    }

    private static String describe(Channel channel) {
        return channel.kind().name() + " " + channel.address() + ": " + channel.subscribers();
    }

    // ---- access -----------------------------------------------------------------------------

    /** The organization when the actor is staff of its subtree: 404 outside their subtrees, 403 inside. */
    Organization staffOnly(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return organization;
    }
}
