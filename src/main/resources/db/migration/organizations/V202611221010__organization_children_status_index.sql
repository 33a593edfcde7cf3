-- The tree lists active children unless asked otherwise. With status in the index, both the page
-- and the count of a big city's active children are read from the index alone.
create index organization_active_children_idx on organization (parent_id, status, sort_name, id);
