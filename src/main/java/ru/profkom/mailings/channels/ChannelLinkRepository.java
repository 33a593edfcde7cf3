package ru.profkom.mailings.channels;

import static profkom.schema.Tables.MAILING_BOT_OFFSET;
import static profkom.schema.Tables.MAILING_CHANNEL_LINK;
import static profkom.schema.Tables.MAILING_LINK_TOKEN;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import ru.profkom.mailings.Channel;

/** The member's linked Telegram chats and VK users, the one-time tokens that link them, and the bot's offset. */
@Repository
public class ChannelLinkRepository {

    private final DSLContext db;

    ChannelLinkRepository(DSLContext db) {
        this.db = db;
    }

    /** The linked addresses of a person by channel. */
    public Map<Channel, String> linksOf(long personId) {
        return db
                .select(MAILING_CHANNEL_LINK.CHANNEL, MAILING_CHANNEL_LINK.ADDRESS)
                .from(MAILING_CHANNEL_LINK)
                .where(MAILING_CHANNEL_LINK.PERSON_ID.eq(personId))
                .fetch()
                .stream()
                .collect(Collectors.toMap(r -> Channel.valueOf(r.value1()), r -> r.value2()));
    }

    public Optional<Long> personAt(Channel channel, String address) {
        return db.select(MAILING_CHANNEL_LINK.PERSON_ID)
                .from(MAILING_CHANNEL_LINK)
                .where(MAILING_CHANNEL_LINK.CHANNEL.eq(channel.name()))
                .and(MAILING_CHANNEL_LINK.ADDRESS.eq(address))
                .fetchOptional(MAILING_CHANNEL_LINK.PERSON_ID);
    }

    /**
     * Links the address to the person, replacing the person's earlier address on the channel and taking the
     * address from whoever had it before (one Telegram account, one person).
     */
    public void link(long personId, Channel channel, String address, Instant at) {
        db.deleteFrom(MAILING_CHANNEL_LINK)
                .where(MAILING_CHANNEL_LINK.CHANNEL.eq(channel.name()))
                .and(MAILING_CHANNEL_LINK.PERSON_ID.eq(personId).or(MAILING_CHANNEL_LINK.ADDRESS.eq(address)))
                .execute();
        db.insertInto(MAILING_CHANNEL_LINK)
                .set(MAILING_CHANNEL_LINK.PERSON_ID, personId)
                .set(MAILING_CHANNEL_LINK.CHANNEL, channel.name())
                .set(MAILING_CHANNEL_LINK.ADDRESS, address)
                .set(MAILING_CHANNEL_LINK.LINKED_AT, at)
                .execute();
    }

    public boolean unlink(long personId, Channel channel) {
        return db.deleteFrom(MAILING_CHANNEL_LINK)
                        .where(MAILING_CHANNEL_LINK.PERSON_ID.eq(personId))
                        .and(MAILING_CHANNEL_LINK.CHANNEL.eq(channel.name()))
                        .execute()
                > 0;
    }

    /** Drops the link of an address the peer refuses for good (a chat that blocked the bot); answers whose it was. */
    public Optional<Long> unlinkAddress(Channel channel, String address) {
        Optional<Long> person = personAt(channel, address);
        person.ifPresent(id -> db.deleteFrom(MAILING_CHANNEL_LINK)
                .where(MAILING_CHANNEL_LINK.CHANNEL.eq(channel.name()))
                .and(MAILING_CHANNEL_LINK.ADDRESS.eq(address))
                .execute());
        return person;
    }

    void insertToken(String token, long personId, Channel channel, Instant createdAt, Instant expiresAt) {
        db.insertInto(MAILING_LINK_TOKEN)
                .set(MAILING_LINK_TOKEN.TOKEN, token)
                .set(MAILING_LINK_TOKEN.PERSON_ID, personId)
                .set(MAILING_LINK_TOKEN.CHANNEL, channel.name())
                .set(MAILING_LINK_TOKEN.CREATED_AT, createdAt)
                .set(MAILING_LINK_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    /**
     * Uses a token once: the person it was issued to, if it is unused and not expired. The update is the check,
     * so two deliveries of the same {@code /start} link one chat at most once.
     */
    Optional<Long> useToken(String token, Channel channel, Instant now) {
        Optional<Long> person = db.select(MAILING_LINK_TOKEN.PERSON_ID)
                .from(MAILING_LINK_TOKEN)
                .where(MAILING_LINK_TOKEN.TOKEN.eq(token))
                .and(MAILING_LINK_TOKEN.CHANNEL.eq(channel.name()))
                .fetchOptional(MAILING_LINK_TOKEN.PERSON_ID);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        int used = db.update(MAILING_LINK_TOKEN)
                .set(MAILING_LINK_TOKEN.USED_AT, now)
                .where(MAILING_LINK_TOKEN.TOKEN.eq(token))
                .and(MAILING_LINK_TOKEN.USED_AT.isNull())
                .and(MAILING_LINK_TOKEN.EXPIRES_AT.gt(now))
                .execute();
        return used == 1 ? person : Optional.empty();
    }

    /** Tokens of a person not used yet are void once a new one is issued, so only the last link works. */
    void voidTokens(long personId, Channel channel, Instant now) {
        db.update(MAILING_LINK_TOKEN)
                .set(MAILING_LINK_TOKEN.EXPIRES_AT, now)
                .where(MAILING_LINK_TOKEN.PERSON_ID.eq(personId))
                .and(MAILING_LINK_TOKEN.CHANNEL.eq(channel.name()))
                .and(MAILING_LINK_TOKEN.USED_AT.isNull())
                .and(MAILING_LINK_TOKEN.EXPIRES_AT.gt(now))
                .execute();
    }

    long nextUpdateId(String bot) {
        return db.select(MAILING_BOT_OFFSET.NEXT_UPDATE_ID)
                .from(MAILING_BOT_OFFSET)
                .where(MAILING_BOT_OFFSET.BOT.eq(bot))
                .fetchOptional(MAILING_BOT_OFFSET.NEXT_UPDATE_ID)
                .orElse(0L);
    }

    void saveNextUpdateId(String bot, long next) {
        int updated = db.update(MAILING_BOT_OFFSET)
                .set(MAILING_BOT_OFFSET.NEXT_UPDATE_ID, next)
                .where(MAILING_BOT_OFFSET.BOT.eq(bot))
                .execute();
        if (updated == 0) {
            db.insertInto(MAILING_BOT_OFFSET)
                    .set(MAILING_BOT_OFFSET.BOT, bot)
                    .set(MAILING_BOT_OFFSET.NEXT_UPDATE_ID, next)
                    .execute();
        }
    }
}
