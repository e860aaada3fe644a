-- The Markdown a post-mortem was imported from, kept as it was sent (nothing of the original is lost), with a hash
-- of it so that importing the same document again can be recognised. It goes with its post-mortem.
create table imported_source (
    postmortem_id bigint                      not null,
    markdown      varchar(1048576)            not null,
    content_hash  varchar(64)                 not null,
    imported_at   timestamp(6) with time zone not null,
    imported_by   varchar(64)                 not null,
    constraint imported_source_pk primary key (postmortem_id),
    constraint imported_source_pm_fk foreign key (postmortem_id) references postmortem (id) on delete cascade
);

create index imported_source_hash_ix on imported_source (content_hash);
