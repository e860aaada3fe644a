-- Importing a whole archive of Markdown post-mortems (docs/import.md). A batch is read from the archive in the
-- request that sends it; a worker then imports its documents one by one, each in its own transaction, and records
-- each file's outcome here, so any request (and any instance) can read the batch's progress.
create sequence import_batch_seq start with 1 increment by 50;

create table import_batch (
    id          bigint                      not null,
    archive     varchar(500)                not null,
    started_at  timestamp(6) with time zone not null,
    started_by  varchar(64)                 not null,
    constraint import_batch_pk primary key (id)
);

-- One row per entry of the archive worth reporting, in the archive's order. PENDING waits for the worker; CREATED
-- names the new post-mortem; SKIPPED names the post-mortem the same document was imported as before; FAILED and
-- IGNORED (not a Markdown file, a hidden file, an unsafe path) say why. The post-mortem may be deleted later, so it
-- is no foreign key.
create table import_batch_file (
    batch_id      bigint        not null,
    position      integer       not null,
    file          varchar(500)  not null,
    outcome       varchar(10)   not null,
    postmortem_id bigint,
    reason        varchar(2000),
    constraint import_batch_file_pk primary key (batch_id, position),
    constraint import_batch_file_batch_fk foreign key (batch_id) references import_batch (id) on delete cascade,
    constraint import_batch_file_outcome_ck check (outcome in ('PENDING', 'CREATED', 'SKIPPED', 'FAILED', 'IGNORED'))
);

-- The same document is imported once: a second import of it (the same archive run again, or the same file sent
-- alone) finds the first by this hash. The index was not unique before; the import that wrote those rows was not
-- released, so no instance holds the same document twice.
drop index imported_source_hash_ix;
create unique index imported_source_hash_uk on imported_source (content_hash);
