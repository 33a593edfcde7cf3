-- Delivery tracking of e-mails (mailings.tracking): opens through the pixel and clicks through signed links are
-- counted on the outbox row itself (the first of each is already there: opened_at, clicked_at), so the report of
-- a mailing is one grouped scan of its rows and nothing grows per event.
alter table mailing_outbox add column open_count integer not null default 0;
alter table mailing_outbox add column machine_open_count integer not null default 0;
alter table mailing_outbox add column click_count integer not null default 0;

-- Addresses a mailbox said do not exist (a permanent bounce read over IMAP): later audiences skip them with the
-- reason «адрес не существует». Kept per channel and lower-cased address; the outbox row that bounced is named.
create table mailing_undeliverable (
    channel      varchar(16)   not null,
    address      varchar(320)  not null,
    reason       varchar(1000) not null,
    status_code  varchar(16),
    outbox_id    bigint,
    marked_at    timestamp with time zone not null,
    primary key (channel, address)
);

-- Secrets of the module generated once and shared by every node: the key that signs tracking links, pixels,
-- unsubscribe links and VERP return paths (profkom.mailings.tracking-secret overrides it).
create table mailing_secret (
    name        varchar(64)   not null primary key,
    secret      varchar(200)  not null,
    created_at  timestamp with time zone not null
);
