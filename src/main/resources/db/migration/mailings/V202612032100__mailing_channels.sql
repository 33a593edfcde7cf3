-- The member's channels: one-time tokens that link a Telegram chat through the bot's deep link
-- (t.me/<bot>?start=<token>), and where the bot's polling of getUpdates stopped, so that two nodes or a
-- restart neither skip nor answer an update twice.
create table mailing_link_token (
    token       varchar(64)  not null primary key,
    person_id   bigint       not null,
    channel     varchar(16)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index mailing_link_token_person on mailing_link_token (person_id, channel);

create table mailing_bot_offset (
    bot             varchar(64) not null primary key,
    next_update_id  bigint      not null
);
