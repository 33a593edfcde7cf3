package ru.profkom.mailings.tracking;

import static profkom.schema.Tables.MAILING_UNDELIVERABLE;

import java.util.Collection;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.mailings.Channel;

/**
 * Addresses a bounce proved do not exist: an audience leaves them out with the reason {@link #REASON_KEY}
 * («адрес не существует»). Kept per channel, compared lower-cased.
 */
@Service
public class UndeliverableAddresses {

    /** The reason an audience gives for a person it leaves out because of this. */
    public static final String REASON_KEY = "mailing.audience.undeliverable";

    private final TrackingRepository repository;

    UndeliverableAddresses(TrackingRepository repository) {
        this.repository = repository;
    }

    /** Which of the addresses (lower-cased in the answer) are undeliverable, each with the bounce's reason. */
    @Transactional(readOnly = true)
    public Map<String, String> among(Channel channel, Collection<String> addresses) {
        return repository.undeliverable(channel, addresses);
    }

    @Transactional(readOnly = true)
    public boolean isUndeliverable(Channel channel, String address) {
        return address != null && !among(channel, java.util.List.of(address)).isEmpty();
    }

    /**
     * For an audience resolved in SQL inside the mailings module: true where the address on the channel is not
     * marked (both fields are the query's own, e.g. the e-mail column and a constant {@code 'EMAIL'}).
     */
    public static Condition deliverable(Field<String> channel, Field<String> address) {
        return DSL.notExists(DSL.selectOne()
                .from(MAILING_UNDELIVERABLE)
                .where(MAILING_UNDELIVERABLE.CHANNEL.eq(channel))
                .and(MAILING_UNDELIVERABLE.ADDRESS.eq(DSL.lower(DSL.trim(address)))));
    }
}
