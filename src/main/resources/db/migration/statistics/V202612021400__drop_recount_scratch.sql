-- The recount compares in memory and rewrites only the organizations that differ: no scratch table.
drop table stat_recount_day;
