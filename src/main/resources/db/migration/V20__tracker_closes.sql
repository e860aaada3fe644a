-- Closing tickets from Debrief (debrief.tracker.close-on-done): when the weekly review marks an item with an open
-- linked ticket done or dropped, a tracker_close row is written in the transaction of the decision (the outbox) and
-- the closer job comments on the ticket and closes it. One caller claims a row at a time (claimed_at, claim_token),
-- on one instance or several; commented_at records that the comment is posted, so a retry only closes; a retry
-- after an unknown outcome first looks for the comment by its marker (debrief-close-<id>). A failed attempt waits
-- until next_attempt_at; after the last one the row is FAILED.
create sequence tracker_close_seq start with 1 increment by 50;

create table tracker_close (
    id              bigint                      not null,
    ticket_id       bigint                      not null,
    outcome         varchar(10)                 not null,
    comment_text    varchar(4000)               not null,
    status          varchar(10)                 not null,
    created_at      timestamp(6) with time zone not null,
    next_attempt_at timestamp(6) with time zone,
    claimed_at      timestamp(6) with time zone,
    claim_token     varchar(36),
    attempts        integer                     not null,
    commented_at    timestamp(6) with time zone,
    closed_at       timestamp(6) with time zone,
    last_error      varchar(200),
    constraint tracker_close_pk primary key (id),
    constraint tracker_close_ticket_fk foreign key (ticket_id) references tracker_ticket (id) on delete cascade,
    constraint tracker_close_outcome_ck check (outcome in ('DONE', 'DROPPED')),
    constraint tracker_close_status_ck check (status in ('PENDING', 'CLOSED', 'FAILED')),
    constraint tracker_close_due_ck check ((status = 'PENDING') = (next_attempt_at is not null))
);

create index tracker_close_due_ix on tracker_close (status, next_attempt_at);
create index tracker_close_ticket_ix on tracker_close (ticket_id);
