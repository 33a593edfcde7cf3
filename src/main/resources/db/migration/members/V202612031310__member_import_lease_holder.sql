-- Which process holds an APPLYING import's lease, and since when: the import's page names it, and a
-- holder proven dead (the same host, its process gone or the process id reused) is taken over at once
-- instead of after its lease runs out. Written as pid@host#start-of-process-in-epoch-milliseconds.
alter table member_import add column lease_holder varchar(300);
alter table member_import add column lease_since timestamp with time zone;
