-- The weekly action-item review: one meeting per ISO week, the decision taken on each item, who attended,
-- and which open items were not discussed (flagged on the next week's board).
create sequence review_seq start with 1 increment by 50;
create sequence review_decision_seq start with 1 increment by 50;

create table review (
    id          bigint                      not null,
    week        varchar(8)                  not null,
    started_at  timestamp(6) with time zone not null,
    started_by  varchar(64)                 not null,
    finished_at timestamp(6) with time zone,
    finished_by varchar(64),
    version     bigint                      not null,
    constraint review_pk primary key (id),
    constraint review_week_uq unique (week),
    constraint review_finished_ck check ((finished_at is null) = (finished_by is null))
);

create table review_attendee (
    review_id bigint       not null,
    position  integer      not null,
    name      varchar(100) not null,
    constraint review_attendee_pk primary key (review_id, position),
    constraint review_attendee_review_fk foreign key (review_id) references review (id) on delete cascade
);

create table review_not_discussed (
    review_id      bigint not null,
    action_item_id bigint not null,
    constraint review_not_discussed_pk primary key (review_id, action_item_id),
    constraint review_not_discussed_review_fk foreign key (review_id) references review (id) on delete cascade
);

-- action_item_id refers to the item by id, without a foreign key, so that deleting a draft's item leaves the
-- meeting's record intact.
create table review_decision (
    id                bigint                      not null,
    review_id         bigint                      not null,
    action_item_id    bigint                      not null,
    decision          varchar(8)                  not null,
    previous_due_date date,
    new_due_date      date,
    reason            varchar(2000),
    note              varchar(2000),
    decided_at        timestamp(6) with time zone not null,
    decided_by        varchar(64)                 not null,
    constraint review_decision_pk primary key (id),
    constraint review_decision_review_fk foreign key (review_id) references review (id),
    constraint review_decision_ck check (decision in ('KEEP', 'REDATE', 'DONE', 'DROP')),
    constraint review_decision_redate_ck check (decision <> 'REDATE' or new_due_date is not null),
    constraint review_decision_drop_ck check (decision <> 'DROP' or reason is not null)
);

create index review_decision_item_ix on review_decision (action_item_id, decided_at);
