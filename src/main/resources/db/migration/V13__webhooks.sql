-- Signed outbound webhooks. An admin registers a subscriber (webhook) for some events (webhook_event); each event
-- that happens adds one pending delivery per subscriber that wants it, in the transaction of the change that made it
-- (the outbox, webhook_delivery); the sender claims due deliveries with a conditional update and keeps each attempt
-- (webhook_attempt). The secret signs the bodies, so it is stored as given.
create sequence webhook_seq start with 1 increment by 50;
create sequence webhook_delivery_seq start with 1 increment by 50;

create table webhook (
    id         bigint                      not null,
    url        varchar(2000)               not null,
    secret     varchar(200)                not null,
    created_at timestamp(6) with time zone not null,
    created_by varchar(100)                not null,
    constraint webhook_pk primary key (id)
);

create table webhook_event (
    webhook_id bigint      not null,
    event      varchar(40) not null,
    constraint webhook_event_pk primary key (webhook_id, event),
    constraint webhook_event_webhook_fk foreign key (webhook_id) references webhook (id),
    constraint webhook_event_name_ck check (event in ('postmortem.published', 'action_item.created',
        'action_item.completed', 'action_item.overdue', 'action_item.redated', 'review.finished'))
);

-- event_key is set for events that the sender finds rather than a change makes (an item overdue on a due date):
-- the unique key makes each such event go once per subscriber, whatever the number of instances looking. data is
-- the JSON of what the event is about, as the API showed it when the event happened; every attempt sends the same
-- body made of id, event, created_at and data.
create table webhook_delivery (
    id              bigint                      not null,
    webhook_id      bigint                      not null,
    event           varchar(40)                 not null,
    event_key       varchar(200),
    data            varchar(1048576)            not null,
    status          varchar(10)                 not null,
    created_at      timestamp(6) with time zone not null,
    next_attempt_at timestamp(6) with time zone,
    claimed_at      timestamp(6) with time zone,
    claim_token     varchar(36),
    delivered_at    timestamp(6) with time zone,
    constraint webhook_delivery_pk primary key (id),
    constraint webhook_delivery_webhook_fk foreign key (webhook_id) references webhook (id),
    constraint webhook_delivery_status_ck check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint webhook_delivery_due_ck check ((status = 'PENDING') = (next_attempt_at is not null)),
    constraint webhook_delivery_once_uk unique (webhook_id, event_key)
);

create index webhook_delivery_due_ix on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_list_ix on webhook_delivery (webhook_id, created_at);

create table webhook_attempt (
    delivery_id bigint                      not null,
    position    integer                     not null,
    at          timestamp(6) with time zone not null,
    status_code integer,
    error       varchar(200),
    duration_ms bigint                      not null,
    constraint webhook_attempt_pk primary key (delivery_id, position),
    constraint webhook_attempt_delivery_fk foreign key (delivery_id) references webhook_delivery (id)
);
