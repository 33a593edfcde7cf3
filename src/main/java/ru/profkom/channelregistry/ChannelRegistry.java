package ru.profkom.channelregistry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.channelregistry.ChannelRegistryEvents.ChannelArchived;
import ru.profkom.channelregistry.ChannelRegistryEvents.ChannelChanged;
import ru.profkom.channelregistry.ChannelRegistryEvents.ChannelRegistered;
import ru.profkom.channelregistry.ChannelRegistryEvents.ChannelRestored;
import ru.profkom.channelregistry.ChannelRegistryEvents.SubscribersEntered;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * The channel registry's commands and queries. Every one checks first that the actor is staff of the organization
 * (its subtree for the lists): 404 outside their subtrees, 403 inside for a plain member.
 */
@Service
@Transactional
public class ChannelRegistry {

    /** How far back a chart goes at most. */
    public static final int MAX_CHART_DAYS = 731;

    private final ChannelRepository repository;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChannelRegistry(
            ChannelRepository repository,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<RegisteredChannel> channels(long organizationId, ChannelFilter filter, PageRequest page) {
        Organization organization = staffOnly(organizationId);
        return repository.page(organizationId, organization.path(), filter, page);
    }

    /** One channel of the organization (or, with {@code subtree}, of its subtree); 404 for any other. */
    @Transactional(readOnly = true)
    public RegisteredChannel channel(long organizationId, long channelId) {
        Organization organization = staffOnly(organizationId);
        return repository
                .find(channelId)
                .filter(channel -> channel.organizationId() == organizationId
                        || channel.organizationPath().startsWith(organization.path()))
                .orElseThrow(() -> ProfkomException.notFound("channels.notFound"));
    }

    public RegisteredChannel register(long organizationId, ChannelForm form) {
        Organization organization = staffOnly(organizationId);
        ChannelForm checked = ChannelRules.check(form);
        long id = repository.insert(organizationId, organization.path(), checked, clock.instant());
        RegisteredChannel channel = repository.find(id).orElseThrow();
        events.publishEvent(
                new ChannelRegistered(id, organizationId, organization.path(), describe(channel), currentActor.get()));
        return channel;
    }

    public RegisteredChannel update(long organizationId, long channelId, ChannelForm form) {
        RegisteredChannel before = own(organizationId, channelId);
        ChannelForm checked = ChannelRules.check(form);
        repository.update(channelId, checked, clock.instant());
        RegisteredChannel after = repository.find(channelId).orElseThrow();
        String changes = changes(before, after);
        if (!changes.isEmpty()) {
            events.publishEvent(new ChannelChanged(
                    channelId, organizationId, before.organizationPath(), changes, currentActor.get()));
        }
        return after;
    }

    /** Closes a channel: it leaves the lists, the daily read and the indicators, its history stays. */
    public RegisteredChannel archive(long organizationId, long channelId) {
        RegisteredChannel channel = own(organizationId, channelId);
        if (!channel.archived()) {
            repository.setArchived(channelId, clock.instant(), clock.instant());
            events.publishEvent(new ChannelArchived(
                    channelId, organizationId, channel.organizationPath(), describe(channel), currentActor.get()));
        }
        return repository.find(channelId).orElseThrow();
    }

    public RegisteredChannel restore(long organizationId, long channelId) {
        RegisteredChannel channel = own(organizationId, channelId);
        if (channel.archived()) {
            repository.setArchived(channelId, null, clock.instant());
            events.publishEvent(new ChannelRestored(
                    channelId, organizationId, channel.organizationPath(), describe(channel), currentActor.get()));
        }
        return repository.find(channelId).orElseThrow();
    }

    /** A count typed by hand for a day (today when not given), not in the future, replacing that day's reading. */
    public RegisteredChannel enterCount(long organizationId, long channelId, LocalDate date, Integer subscribers) {
        RegisteredChannel channel = own(organizationId, channelId);
        LocalDate today = MoscowTime.today(clock);
        LocalDate day = date == null ? today : date;
        Validation validation = new Validation();
        if (day.isAfter(today)) {
            validation.reject("date", "channels.date.future");
        }
        if (channel.archived()) {
            validation.reject(null, "channels.archived.noCount");
        }
        validation.throwIfInvalid();
        ChannelRules.checkCount(subscribers);
        repository.record(channelId, day, subscribers, ReadingSource.HAND);
        events.publishEvent(new SubscribersEntered(
                channelId,
                organizationId,
                channel.organizationPath(),
                channel.name() + " " + day + ": " + subscribers,
                currentActor.get()));
        return repository.find(channelId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<ChannelReading> readings(long organizationId, long channelId, LocalDate from, LocalDate to) {
        channel(organizationId, channelId);
        return repository.readings(channelId, from, limitedTo(from, to));
    }

    /** The organization's total subscribers on each day with a reading, for its chart. */
    @Transactional(readOnly = true)
    public List<DailyTotal> totals(long organizationId, LocalDate from, LocalDate to) {
        staffOnly(organizationId);
        return repository.totals(organizationId, from, limitedTo(from, to));
    }

    /**
     * The organization's channels open on {@code asOf} with their latest count up to that day: what the indicators
     * take for the month that ends then.
     */
    @Transactional(readOnly = true)
    public List<LatestCount> latestCounts(long organizationId, LocalDate asOf) {
        staffOnly(organizationId);
        return repository.latestCounts(
                organizationId,
                asOf,
                asOf.plusDays(1).atStartOfDay(MoscowTime.ZONE).toInstant());
    }

    /** The open channels of the organization's subtree with the Roskomnadzor warning, most subscribers first. */
    @Transactional(readOnly = true)
    public Page<RegisteredChannel> warnings(long organizationId, PageRequest page) {
        return channels(organizationId, new ChannelFilter(true, null, "", false, true), page);
    }

    /** The day a channel last went over 10,000 subscribers and stayed there, which starts the 10 working days. */
    @Transactional(readOnly = true)
    public java.util.Optional<LocalDate> passedRegistrationThreshold(long organizationId, long channelId) {
        channel(organizationId, channelId);
        return repository.passedOn(channelId, RoskomnadzorRule.REGISTRATION_OVER);
    }

    private LocalDate limitedTo(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProfkomException.invalid("to", "channels.range.invalid");
        }
        LocalDate last = from.plusDays(MAX_CHART_DAYS);
        return to.isAfter(last) ? last : to;
    }

    private RegisteredChannel own(long organizationId, long channelId) {
        staffOnly(organizationId);
        return repository
                .find(channelId)
                .filter(channel -> channel.organizationId() == organizationId)
                .orElseThrow(() -> ProfkomException.notFound("channels.notFound"));
    }

    private Organization staffOnly(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return organization;
    }

    private static String describe(RegisteredChannel channel) {
        return channel.kind().name() + " «" + channel.name() + "» " + channel.address();
    }

    private static String changes(RegisteredChannel before, RegisteredChannel after) {
        List<String> changes = new ArrayList<>();
        change(changes, "kind", before.kind(), after.kind());
        change(changes, "address", before.address(), after.address());
        change(changes, "name", before.name(), after.name());
        change(changes, "apiTarget", before.apiTarget(), after.apiTarget());
        change(changes, "connected", before.connected(), after.connected());
        return String.join("; ", changes);
    }

    private static void change(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": «" + (before == null ? "" : before) + "» → «" + (after == null ? "" : after) + "»");
        }
    }
}
