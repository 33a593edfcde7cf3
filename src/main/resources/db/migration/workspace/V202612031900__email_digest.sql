-- The daily e-mail digests sent: one a person a Moscow day at most, the key making a second one impossible.
create table workspace_digest (
    account_id bigint not null,
    digest_date date not null,
    task_count int not null,
    sent_at timestamp with time zone not null,
    constraint workspace_digest_pk primary key (account_id, digest_date)
);

-- The tasks a person has already been sent in a digest, so that one with nothing new is not sent; a task no
-- longer open is forgotten, which keeps this to the person's current tasks.
create table workspace_digest_item (
    account_id bigint not null,
    item_key varchar(200) not null,
    first_sent_on date not null,
    constraint workspace_digest_item_pk primary key (account_id, item_key)
);
