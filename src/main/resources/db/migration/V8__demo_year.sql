-- DEBRIEF_DEMO=true fills an empty instance with a demo year, once. demo_year holds the one row that claims
-- the load (two instances starting together load it once), and demo_record lists every record the load wrote,
-- so that an admin can remove exactly those and keep everything written since.
create table demo_year (
    id         integer                     not null,
    loaded_at  timestamp(6) with time zone not null,
    removed_at timestamp(6) with time zone,
    constraint demo_year_pk primary key (id),
    constraint demo_year_single_ck check (id = 1)
);

create table demo_record (
    kind      varchar(16) not null,
    record_id bigint      not null,
    constraint demo_record_pk primary key (kind, record_id),
    constraint demo_record_kind_ck check (kind in ('POSTMORTEM', 'REVIEW'))
);
