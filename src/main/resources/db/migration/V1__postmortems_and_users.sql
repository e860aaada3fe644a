-- Debrief's schema. It runs unchanged on H2 and PostgreSQL: standard types only, no vendor syntax.
-- Rules the aggregate enforces are backed here by constraints, so no other path can break them.

create sequence postmortem_seq start with 1 increment by 50;
create sequence action_item_seq start with 1 increment by 50;

create table postmortem (
    id                   bigint                   not null,
    title                varchar(200)             not null,
    severity             varchar(8)               not null,
    started_at           timestamp(6) with time zone not null,
    detected_at          timestamp(6) with time zone,
    resolved_at          timestamp(6) with time zone,
    detection_source     varchar(16),
    summary              varchar(100000),
    impact               varchar(100000),
    what_happened        varchar(100000),
    why_detection_failed varchar(100000),
    why_response_failed  varchar(100000),
    what_we_change       varchar(100000),
    status               varchar(16)              not null,
    published_at         timestamp(6) with time zone,
    created_at           timestamp(6) with time zone not null,
    updated_at           timestamp(6) with time zone not null,
    version              bigint                   not null,
    constraint postmortem_pk primary key (id),
    constraint postmortem_severity_ck check (severity in ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    constraint postmortem_source_ck check (detection_source in ('MONITORING', 'SYNTHETIC', 'CUSTOMER', 'STAFF', 'OTHER')),
    constraint postmortem_status_ck check (status in ('DRAFT', 'PUBLISHED')),
    constraint postmortem_published_ck check ((status = 'PUBLISHED' and published_at is not null)
                                            or (status = 'DRAFT' and published_at is null)),
    constraint postmortem_detected_order_ck check (detected_at is null or detected_at >= started_at),
    constraint postmortem_resolved_order_ck check (resolved_at is null or resolved_at >= started_at),
    constraint postmortem_resolved_after_detected_ck check (resolved_at is null or detected_at is null
                                                          or resolved_at >= detected_at)
);

create index postmortem_started_at_ix on postmortem (started_at);
create index postmortem_status_ix on postmortem (status, resolved_at);
create index postmortem_published_at_ix on postmortem (published_at);

create table postmortem_service (
    postmortem_id bigint       not null,
    position      integer      not null,
    name          varchar(100) not null,
    constraint postmortem_service_pk primary key (postmortem_id, position),
    constraint postmortem_service_pm_fk foreign key (postmortem_id) references postmortem (id) on delete cascade
);

create index postmortem_service_name_ix on postmortem_service (name, postmortem_id);

create table timeline_entry (
    postmortem_id bigint                      not null,
    position      integer                     not null,
    at            timestamp(6) with time zone not null,
    event         varchar(2000)               not null,
    constraint timeline_entry_pk primary key (postmortem_id, position),
    constraint timeline_entry_pm_fk foreign key (postmortem_id) references postmortem (id) on delete cascade
);

create table considered_idea (
    postmortem_id bigint        not null,
    position      integer       not null,
    idea          varchar(2000) not null,
    constraint considered_idea_pk primary key (postmortem_id, position),
    constraint considered_idea_pm_fk foreign key (postmortem_id) references postmortem (id) on delete cascade
);

-- priority is null only between the two flushed steps of a reorder (see PostMortem.reorder).
create table action_item (
    id            bigint                      not null,
    postmortem_id bigint                      not null,
    priority      integer,
    title         varchar(200)                not null,
    owner         varchar(100),
    due_date      date,
    kind          varchar(16)                 not null,
    ticket_url    varchar(2000),
    status        varchar(16)                 not null,
    completed_at  timestamp(6) with time zone,
    drop_reason   varchar(2000),
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    version       bigint                      not null,
    constraint action_item_pk primary key (id),
    constraint action_item_pm_fk foreign key (postmortem_id) references postmortem (id),
    constraint action_item_rank_uq unique (postmortem_id, priority),
    constraint action_item_priority_ck check (priority between 1 and 3),
    constraint action_item_kind_ck check (kind in ('DETECTION', 'RESPONSE', 'PREVENTION')),
    constraint action_item_status_ck check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    constraint action_item_done_ck check ((status = 'DONE') = (completed_at is not null)),
    constraint action_item_dropped_ck check (status <> 'DROPPED' or drop_reason is not null)
);

create index action_item_open_due_ix on action_item (status, due_date);
create index action_item_completed_at_ix on action_item (completed_at);

create table app_user (
    username      varchar(64)                 not null,
    password_hash varchar(100)                not null,
    role          varchar(16)                 not null,
    created_at    timestamp(6) with time zone not null,
    constraint app_user_pk primary key (username),
    constraint app_user_role_ck check (role in ('VIEWER', 'EDITOR', 'ADMIN'))
);
