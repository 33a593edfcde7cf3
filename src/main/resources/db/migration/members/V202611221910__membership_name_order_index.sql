-- A search by name reads a subtree's members in name order from one index: the name key, then the
-- id (the list's full order), then the organization path, so that the subtree condition is checked
-- inside the index and a page of 50 stops after a few hundred entries even in a registry of ten
-- million. It replaces the index on the name key alone.
create index membership_name_order_idx on membership (name_key, id, organization_path);
drop index membership_name_idx;
