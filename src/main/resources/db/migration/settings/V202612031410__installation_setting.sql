-- Settings of the whole installation that the union administrator changes on the settings page (the public
-- address). One row per setting; every node reads them from here, so they agree without a restart.
create table installation_setting (
    name varchar(64) primary key,
    setting_value varchar(500) not null,
    updated_at timestamp with time zone not null,
    updated_by varchar(100) not null
);
