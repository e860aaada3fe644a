-- Teams own post-mortems and action items (both optional); tags are free words on a post-mortem. A team is named
-- once whatever the case (name_key is its lower-case name), and is referenced by id, so a rename keeps its work.
create sequence team_seq start with 1 increment by 50;

create table team (
    id         bigint                      not null,
    name       varchar(100)                not null,
    name_key   varchar(100)                not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    version    bigint                      not null,
    constraint team_pk primary key (id),
    constraint team_name_key_uq unique (name_key)
);

alter table postmortem add column team_id bigint;
alter table postmortem add constraint postmortem_team_fk foreign key (team_id) references team (id);
create index postmortem_team_ix on postmortem (team_id);

alter table action_item add column team_id bigint;
alter table action_item add constraint action_item_team_fk foreign key (team_id) references team (id);
create index action_item_team_ix on action_item (team_id);

-- Tags are stored as the model normalises them: trimmed, lower case, at most 40 characters, each once per
-- post-mortem (the model removes repeats; a unique key would trip over Hibernate rewriting the list by position).
create table postmortem_tag (
    postmortem_id bigint      not null,
    position      integer     not null,
    tag           varchar(40) not null,
    constraint postmortem_tag_pk primary key (postmortem_id, position),
    constraint postmortem_tag_postmortem_fk foreign key (postmortem_id) references postmortem (id) on delete cascade,
    constraint postmortem_tag_lower_ck check (tag = lower(tag) and tag = trim(tag) and length(tag) >= 1)
);
create index postmortem_tag_tag_ix on postmortem_tag (tag, postmortem_id);

