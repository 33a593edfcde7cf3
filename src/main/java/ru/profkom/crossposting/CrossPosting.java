package ru.profkom.crossposting;

import static profkom.schema.Tables.CROSSPOST_CHANNEL;
import static profkom.schema.Tables.CROSSPOST_DELIVERY;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.CrosspostChannelRecord;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.Validation;

/**
 * An organization's channels and what went to them. Staff who edit the organization's card connect
 * channels and read the deliveries; tokens go in and never come out.
 */
@Service
@Transactional
public class CrossPosting {

    public static final int MAX_ATTEMPTS = 8;

    private final DSLContext dsl;
    private final Organizations organizations;
    private final Clock clock;

    CrossPosting(DSLContext dsl, Organizations organizations, Clock clock) {
        this.dsl = dsl;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Channel> channels(long organizationId) {
        editable(organizationId);
        return dsl.selectFrom(CROSSPOST_CHANNEL)
                .where(CROSSPOST_CHANNEL.ORGANIZATION_ID.eq(organizationId))
                .orderBy(CROSSPOST_CHANNEL.KIND)
                .fetch(CrossPosting::toChannel);
    }

    /** Connects or changes the organization's channel of a kind; a blank token keeps the stored one. */
    public Channel connect(long organizationId, ChannelForm form) {
        editable(organizationId);
        String target = form.target() == null ? null : form.target().strip();
        String token = form.token() == null ? null : form.token().strip();
        Optional<CrosspostChannelRecord> existing = form.kind() == null
                ? Optional.empty()
                : dsl.selectFrom(CROSSPOST_CHANNEL)
                        .where(CROSSPOST_CHANNEL.ORGANIZATION_ID.eq(organizationId))
                        .and(CROSSPOST_CHANNEL.KIND.eq(form.kind().name()))
                        .fetchOptional();
        Validation validation = new Validation();
        if (form.kind() == null) {
            validation.reject("kind", "validation.required");
        }
        validation.required("target", target).maxLength("target", target, 100);
        if (target != null && !target.matches("@?[A-Za-z0-9_-]+")) {
            validation.reject("target", "crosspost.target.invalid");
        }
        if (existing.isEmpty()) {
            validation.required("token", token);
        }
        validation.maxLength("token", token, 500);
        if (token != null && !token.isEmpty() && !token.matches("[A-Za-z0-9:_.\\-]+")) {
            validation.reject("token", "crosspost.token.invalid");
        }
        validation.throwIfInvalid();
        Instant now = clock.instant();
        CrosspostChannelRecord record = existing.orElseGet(() -> {
            CrosspostChannelRecord created = dsl.newRecord(CROSSPOST_CHANNEL);
            created.setOrganizationId(organizationId);
            created.setKind(form.kind().name());
            return created;
        });
        record.setTarget(target);
        if (token != null && !token.isEmpty()) {
            record.setToken(token);
        }
        record.setEnabled(form.enabled());
        record.setUpdatedAt(now);
        record.store();
        return toChannel(record);
    }

    /** The latest deliveries of the organization's publications, failures with their reasons. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(long organizationId, int limit) {
        editable(organizationId);
        return dsl.select(CROSSPOST_DELIVERY.asterisk(), CROSSPOST_CHANNEL.KIND)
                .from(CROSSPOST_DELIVERY)
                .join(CROSSPOST_CHANNEL)
                .on(CROSSPOST_CHANNEL.ID.eq(CROSSPOST_DELIVERY.CHANNEL_ID))
                .where(CROSSPOST_DELIVERY.ORGANIZATION_ID.eq(organizationId))
                .orderBy(CROSSPOST_DELIVERY.CREATED_AT.desc(), CROSSPOST_DELIVERY.ID.desc())
                .limit(Math.min(limit, 200))
                .fetch(CrossPosting::toDelivery);
    }

    /**
     * The organization's deliveries given up since the moment, the latest first, for the home of its staff:
     * the news did not reach that channel and someone has to look at the channel's settings.
     */
    @Transactional(readOnly = true)
    public List<Delivery> failedSince(long organizationId, Instant since, int limit) {
        editable(organizationId);
        return dsl.select(CROSSPOST_DELIVERY.asterisk(), CROSSPOST_CHANNEL.KIND)
                .from(CROSSPOST_DELIVERY)
                .join(CROSSPOST_CHANNEL)
                .on(CROSSPOST_CHANNEL.ID.eq(CROSSPOST_DELIVERY.CHANNEL_ID))
                .where(CROSSPOST_DELIVERY.ORGANIZATION_ID.eq(organizationId))
                .and(CROSSPOST_DELIVERY.STATUS.eq(DeliveryStatus.FAILED.name()))
                .and(CROSSPOST_DELIVERY.NEXT_ATTEMPT_AT.ge(since))
                .orderBy(CROSSPOST_DELIVERY.NEXT_ATTEMPT_AT.desc(), CROSSPOST_DELIVERY.ID.desc())
                .limit(Math.min(limit, 200))
                .fetch(CrossPosting::toDelivery);
    }

    /**
     * The organization's enabled connection of a kind with its token, for background work running as the system
     * (the channel registry reads subscriber counts with it); refused to anyone else.
     */
    @Transactional(readOnly = true)
    public Optional<ReadingConnection> readingConnection(long organizationId, ChannelKind kind) {
        if (!CurrentActor.insideSystemScope()) {
            throw ProfkomException.forbidden("access.denied");
        }
        return dsl.selectFrom(CROSSPOST_CHANNEL)
                .where(CROSSPOST_CHANNEL.ORGANIZATION_ID.eq(organizationId))
                .and(CROSSPOST_CHANNEL.KIND.eq(kind.name()))
                .and(CROSSPOST_CHANNEL.ENABLED.isTrue())
                .fetchOptional(r -> new ReadingConnection(kind, r.getTarget(), r.getToken()));
    }

    private Organization editable(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canEdit(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return organization;
    }

    private static Delivery toDelivery(org.jooq.Record r) {
        return new Delivery(
                r.get(CROSSPOST_DELIVERY.ID),
                ChannelKind.valueOf(r.get(CROSSPOST_CHANNEL.KIND)),
                r.get(CROSSPOST_DELIVERY.PUBLICATION_ID),
                r.get(CROSSPOST_DELIVERY.TITLE),
                DeliveryStatus.valueOf(r.get(CROSSPOST_DELIVERY.STATUS)),
                r.get(CROSSPOST_DELIVERY.ATTEMPTS),
                r.get(CROSSPOST_DELIVERY.NEXT_ATTEMPT_AT),
                r.get(CROSSPOST_DELIVERY.LAST_ERROR),
                r.get(CROSSPOST_DELIVERY.SENT_AT),
                r.get(CROSSPOST_DELIVERY.CREATED_AT));
    }

    private static Channel toChannel(CrosspostChannelRecord r) {
        return new Channel(
                r.getId(),
                r.getOrganizationId(),
                ChannelKind.valueOf(r.getKind()),
                r.getTarget(),
                Channel.mask(r.getToken()),
                r.getEnabled(),
                r.getUpdatedAt());
    }
}
