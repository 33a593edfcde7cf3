-- Membership statistics (A4), kept incrementally from the registry's events. Every counter row of an
-- organization counts its whole subtree: a change is added to the organization's rows and to those of
-- each ancestor, so any organization, the union's root included, reads only its own rows.

-- Members now, by category, gender ('M', 'F', 'U' unknown) and birth month (yyyymm, 0 unknown).
create table stat_count (
    organization_id bigint not null,
    category varchar(16) not null,
    gender varchar(1) not null,
    birth_month int not null,
    members bigint not null,
    constraint stat_count_pk primary key (organization_id, category, gender, birth_month)
);

-- What changed on a day: the net change of members, joins, transfers in and out, exits by reason.
-- Figures at a past date are the current counts minus the changes after it.
create table stat_change (
    organization_id bigint not null,
    change_day date not null,
    category varchar(16) not null,
    gender varchar(1) not null,
    birth_month int not null,
    members bigint not null,
    joined bigint not null,
    transfers_in bigint not null,
    transfers_out bigint not null,
    exited_own_wish bigint not null,
    exited_dismissal bigint not null,
    exited_retirement bigint not null,
    exited_death bigint not null,
    exited_expulsion bigint not null,
    constraint stat_change_pk primary key (organization_id, change_day, category, gender, birth_month)
);

-- The statistics' copy of the tree: each organization's path (kept from the tree's events) and the
-- employer's headcount of its card, own and summed over its subtree (active organizations only).
create table stat_organization (
    organization_id bigint primary key,
    path varchar(400) not null,
    headcount bigint not null,
    subtree_headcount bigint not null
);
create index stat_organization_path_idx on stat_organization (path);
