-- Membership statistics (A4), kept incrementally from the registry's events. A row of an organization
-- counts its whole subtree: a change is added to the organization's rows and to those of each
-- ancestor, so any organization, the union's root included, reads only its own rows.
--
-- Every counter is a change: members (net), joins, transfers in and out, exits by reason, and the
-- net change of members by category (worker, student, pensioner, unemployed), by gender (men, women;
-- the rest are of unknown gender) and of youth (under 35, which ends on a date known at joining, so a
-- member's ageing out is a change dated in the future). The figures at a date are the sum of the
-- changes up to it: the month rows before its month and the day rows of its month.

create table stat_day (
    organization_id bigint not null,
    change_day date not null,
    change_month date not null,
    members bigint not null,
    joined bigint not null,
    transfers_in bigint not null,
    transfers_out bigint not null,
    exited_own_wish bigint not null,
    exited_dismissal bigint not null,
    exited_retirement bigint not null,
    exited_death bigint not null,
    exited_expulsion bigint not null,
    worker bigint not null,
    student bigint not null,
    pensioner bigint not null,
    unemployed bigint not null,
    men bigint not null,
    women bigint not null,
    youth bigint not null,
    constraint stat_day_pk primary key (organization_id, change_day)
);

create table stat_month (
    organization_id bigint not null,
    change_month date not null,
    members bigint not null,
    joined bigint not null,
    transfers_in bigint not null,
    transfers_out bigint not null,
    exited_own_wish bigint not null,
    exited_dismissal bigint not null,
    exited_retirement bigint not null,
    exited_death bigint not null,
    exited_expulsion bigint not null,
    worker bigint not null,
    student bigint not null,
    pensioner bigint not null,
    unemployed bigint not null,
    men bigint not null,
    women bigint not null,
    youth bigint not null,
    constraint stat_month_pk primary key (organization_id, change_month)
);

-- The statistics' copy of the tree, kept from the tree's events: each organization's path, parent and
-- depth, the employer's headcount of its card (0 when closed or not given) and that summed over its subtree.
create table stat_organization (
    organization_id bigint primary key,
    parent_id bigint,
    depth int not null,
    path varchar(400) not null,
    headcount bigint not null,
    subtree_headcount bigint not null
);
create index stat_organization_path_idx on stat_organization (path, headcount);
create index stat_organization_depth_idx on stat_organization (depth);

-- A recount's result, rolled up like stat_day, compared with it and then emptied.
create table stat_recount_day (
    organization_id bigint not null,
    change_day date not null,
    change_month date not null,
    members bigint not null,
    joined bigint not null,
    transfers_in bigint not null,
    transfers_out bigint not null,
    exited_own_wish bigint not null,
    exited_dismissal bigint not null,
    exited_retirement bigint not null,
    exited_death bigint not null,
    exited_expulsion bigint not null,
    worker bigint not null,
    student bigint not null,
    pensioner bigint not null,
    unemployed bigint not null,
    men bigint not null,
    women bigint not null,
    youth bigint not null,
    constraint stat_recount_day_pk primary key (organization_id, change_day)
);
