-- Failed sign-ins and password-reset requests counted per source address and per login, so that every node
-- of the application sees the same counts and the same back-off (issue 13, item 18 and 21).
-- throttle_key is "<kind>:<source or login>", the login lower-cased whether an account has it or not.
create table access_throttle (
    throttle_key varchar(300) primary key,
    attempts int not null,
    blocked_until timestamp with time zone,
    last_attempt_at timestamp with time zone not null
);
create index access_throttle_last_attempt_idx on access_throttle (last_attempt_at);
