-- Who attended the post-mortem meeting. The blameless-language check also looks for these names used as
-- the subject of a failure ("Dana forgot to ...").
create table attendee (
    postmortem_id bigint       not null,
    position      integer      not null,
    name          varchar(100) not null,
    constraint attendee_pk primary key (postmortem_id, position),
    constraint attendee_pm_fk foreign key (postmortem_id) references postmortem (id) on delete cascade
);
