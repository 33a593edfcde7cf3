-- Imports keep the file's rows in chunks of a thousand lines instead of a row per line, and only
-- the problem rows one by one: a million-row file is a thousand writes to stage, and applying a
-- chunk is one transaction that inserts its people in bulk and marks the chunk applied.
create table member_import_chunk (
    import_id bigint not null references member_import (id) on delete cascade,
    chunk_no int not null,
    first_line int not null,
    last_line int not null,
    -- The chunk's rows separated by U+001E; each row is its line number, then its cells, separated by U+001F.
    lines text not null,
    applied boolean not null default false,
    primary key (import_id, chunk_no)
);

create table member_import_problem (
    import_id bigint not null references member_import (id) on delete cascade,
    line_no int not null,
    -- The row as it was in the file, for the error file.
    cells text not null,
    -- REJECTED in the preview, FAILED while applying.
    stage varchar(16) not null,
    errors text not null,
    primary key (import_id, line_no)
);

-- Imports staged the old way cannot be applied any more; they are closed with a reason.
update member_import
set status = 'FAILED', failure = 'Загрузите файл заново: формат хранения импорта изменился.'
where status in ('PREVIEWED', 'APPLYING', 'UPLOADED');

drop table member_import_row;

-- Identifiers of people and memberships are handed out in blocks, so that an import inserts a
-- thousand rows in one statement and still knows their ids, on H2 and PostgreSQL alike.
create table member_id_block (
    name varchar(32) primary key,
    next_id bigint not null
);
insert into member_id_block (name, next_id) select 'person', coalesce(max(id), 0) + 1 from person;
insert into member_id_block (name, next_id) select 'membership', coalesce(max(id), 0) + 1 from membership;
