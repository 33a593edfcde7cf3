-- A node's children in display order, straight off one index: with (parent_id, sort_name, id) the
-- first page of a big city's 5,000 children reads 50 index entries instead of sorting them all.
-- H2 only reads an index in order when the ORDER BY starts with the index's first column, so the
-- children query orders by parent_id too. It replaces the shorter index it extends.
create index organization_children_idx on organization (parent_id, sort_name, id);
drop index organization_parent_idx;
