-- Action items linked to tickets in an issue tracker (GitHub, GitLab, Jira).
--
-- tracker_ticket holds at most one ticket per item. Its row is written before the tracker is called (state PENDING,
-- the intent), with the marker that the ticket's body will carry; a call that timed out is followed by a look-up of
-- the marker before any second creation, so an item never gets two tickets. A creation in progress holds a claim
-- (claimed_at, claim_token) that one caller wins, on one instance or several. next_attempt_at is set on the intents
-- that the creator job retries (those made on publishing). last_event_at is the tracker's time of the last state
-- applied to the item, so a replayed or late webhook changes nothing.
create sequence tracker_ticket_seq start with 1 increment by 50;
create sequence tracker_history_seq start with 1 increment by 50;

create table tracker_ticket (
    id              bigint                      not null,
    action_item_id  bigint                      not null,
    tracker         varchar(10)                 not null,
    marker          varchar(100)                not null,
    state           varchar(10)                 not null,
    ticket_key      varchar(200),
    remote_id       varchar(100),
    url             varchar(2000),
    closed_at       timestamp(6) with time zone,
    last_event_at   timestamp(6) with time zone,
    created_at      timestamp(6) with time zone not null,
    claimed_at      timestamp(6) with time zone,
    claim_token     varchar(36),
    attempts        integer                     not null,
    next_attempt_at timestamp(6) with time zone,
    last_error      varchar(200),
    constraint tracker_ticket_pk primary key (id),
    constraint tracker_ticket_item_uk unique (action_item_id),
    constraint tracker_ticket_item_fk foreign key (action_item_id) references action_item (id) on delete cascade,
    constraint tracker_ticket_tracker_ck check (tracker in ('github', 'gitlab', 'jira')),
    constraint tracker_ticket_state_ck check (state in ('PENDING', 'OPEN', 'CLOSED')),
    constraint tracker_ticket_linked_ck check ((state = 'PENDING') = (ticket_key is null))
);

create index tracker_ticket_remote_ix on tracker_ticket (tracker, remote_id);
create index tracker_ticket_due_ix on tracker_ticket (state, next_attempt_at);

-- What the trackers did to items ("closed in GitHub acme/web#12"), for the item's history on its post-mortem page.
create table tracker_history (
    id             bigint                      not null,
    action_item_id bigint                      not null,
    at             timestamp(6) with time zone not null,
    what           varchar(300)                not null,
    constraint tracker_history_pk primary key (id),
    constraint tracker_history_item_fk foreign key (action_item_id) references action_item (id) on delete cascade
);

create index tracker_history_item_ix on tracker_history (action_item_id, at);

-- The reconcile job's lease: one instance at a time holds it until held_until, so the job runs once per period
-- across instances.
create table tracker_lease (
    name        varchar(40)                 not null,
    holder      varchar(36),
    held_until  timestamp(6) with time zone not null,
    constraint tracker_lease_pk primary key (name)
);

insert into tracker_lease (name, holder, held_until) values ('reconcile', null, timestamp with time zone '1970-01-01 00:00:00+00');
