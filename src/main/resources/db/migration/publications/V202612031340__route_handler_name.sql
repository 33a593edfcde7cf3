-- Who decided a step, by name as it was then: the author reads who returned the publication without the
-- publications module reading the accounts' table.
alter table publication_route add column handled_by_name varchar(300);
