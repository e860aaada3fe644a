-- Issue 14: teams, tags, contributing factors and links between post-mortems.
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


-- Contributing factors: a list admins keep, seeded with the kinds of cause most incidents share. Post-mortems refer
-- to a factor by id, so a renamed factor keeps its post-mortems. The sequence starts past the seeded ids.
create sequence factor_seq start with 1001 increment by 50;

create table factor (
    id         bigint                      not null,
    name       varchar(100)                not null,
    name_key   varchar(100)                not null,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null,
    version    bigint                      not null,
    constraint factor_pk primary key (id),
    constraint factor_name_key_uq unique (name_key)
);

insert into factor (id, name, name_key, created_at, updated_at, version) values
    (1, 'Change or deploy', 'change or deploy', current_timestamp, current_timestamp, 0),
    (2, 'Configuration', 'configuration', current_timestamp, current_timestamp, 0),
    (3, 'Capacity', 'capacity', current_timestamp, current_timestamp, 0),
    (4, 'Dependency', 'dependency', current_timestamp, current_timestamp, 0),
    (5, 'Missing or noisy alerting', 'missing or noisy alerting', current_timestamp, current_timestamp, 0),
    (6, 'Runbook or access gap', 'runbook or access gap', current_timestamp, current_timestamp, 0),
    (7, 'Data', 'data', current_timestamp, current_timestamp, 0),
    (8, 'Security', 'security', current_timestamp, current_timestamp, 0);

-- Each factor once per post-mortem (the model refuses repeats), with an optional note on how it contributed.
create table postmortem_factor (
    postmortem_id bigint        not null,
    position      integer       not null,
    factor_id     bigint        not null,
    note          varchar(2000),
    constraint postmortem_factor_pk primary key (postmortem_id, position),
    constraint postmortem_factor_postmortem_fk foreign key (postmortem_id) references postmortem (id) on delete cascade,
    constraint postmortem_factor_factor_fk foreign key (factor_id) references factor (id)
);
create index postmortem_factor_factor_ix on postmortem_factor (factor_id, postmortem_id);

-- Links between post-mortems: related incidents, or one with the same cause as another. One row per pair (the model
-- refuses a pair already linked either way); both post-mortems show it.
create sequence postmortem_link_seq start with 1 increment by 50;

create table postmortem_link (
    id            bigint                      not null,
    postmortem_id bigint                      not null,
    related_id    bigint                      not null,
    kind          varchar(16)                 not null,
    created_at    timestamp(6) with time zone not null,
    constraint postmortem_link_pk primary key (id),
    constraint postmortem_link_pair_uq unique (postmortem_id, related_id),
    constraint postmortem_link_from_fk foreign key (postmortem_id) references postmortem (id) on delete cascade,
    constraint postmortem_link_to_fk foreign key (related_id) references postmortem (id) on delete cascade,
    constraint postmortem_link_kind_ck check (kind in ('RELATED', 'SAME_CAUSE')),
    constraint postmortem_link_not_self_ck check (postmortem_id <> related_id)
);
create index postmortem_link_related_ix on postmortem_link (related_id, postmortem_id);
