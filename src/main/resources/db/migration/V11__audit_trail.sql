-- The audit trail: one row per change, appended and never updated or deleted by the application. A row names
-- who (actor), when (at), what was done (action) and to what (subject). An event about a post-mortem or one of its
-- action items keeps the post-mortem's id without a foreign key, so its history outlives a deleted post-mortem.
create sequence audit_event_seq start with 1 increment by 50;

create table audit_event (
    id            bigint                      not null,
    at            timestamp(6) with time zone not null,
    actor         varchar(100)                not null,
    action        varchar(40)                 not null,
    subject_type  varchar(20)                 not null,
    subject_key   varchar(100)                not null,
    subject_name  varchar(200),
    postmortem_id bigint,
    address       varchar(64),
    constraint audit_event_pk primary key (id)
);

create index audit_event_at_ix on audit_event (at);
create index audit_event_postmortem_ix on audit_event (postmortem_id, at);

-- For an edit, each field it changed with the value before and after (null where there was none); values are
-- text as the history shows them, the longest a post-mortem field can hold.
create table audit_change (
    event_id   bigint        not null,
    position   integer       not null,
    field      varchar(100)  not null,
    from_value varchar(1000000),
    to_value   varchar(1000000),
    constraint audit_change_pk primary key (event_id, position),
    constraint audit_change_event_fk foreign key (event_id) references audit_event (id)
);
