-- Sign-in backs off per login and per source address (access_throttle) instead of locking the account:
-- the account's own lock was no longer set by anything, only read.
alter table account drop column failed_attempts;
alter table account drop column locked_until;
