-- A member's feed shows each story once: a republication is left out when its source, or an earlier copy of the
-- same source, is in the same feed; this finds the copies of a source without reading the feed's organizations.
create index publication_source_idx on publication (source_publication_id);
