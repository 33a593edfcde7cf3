-- The notifications a person has marked read: a task's stable key (kind:id), so a task read once stays read.
create table workspace_read (
    account_id bigint not null,
    item_key varchar(200) not null,
    read_at timestamp with time zone not null,
    constraint workspace_read_pk primary key (account_id, item_key)
);

-- A person's choices about notifications: the e-mail digest is on unless switched off here.
create table workspace_setting (
    account_id bigint primary key,
    digest_enabled boolean not null,
    updated_at timestamp with time zone not null
);
