-- The signed tokens of public forms (join, feedback) already accepted once: a token is refused a second time
-- until it would have expired anyway, whichever node it comes back to.
create table used_form_token (
    token_hash varchar(64) primary key,
    expires_at timestamp with time zone not null
);
create index used_form_token_expires_idx on used_form_token (expires_at);
