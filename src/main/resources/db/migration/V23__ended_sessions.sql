-- Page sessions ended by signing out. A session's cookie carries a random id beside the user name, so a copy of the
-- cookie taken before the sign-out is refused afterwards, on every instance. A row can go once the session it ended
-- would have timed out anyway (ends_at).
create table ended_session (
    id      varchar(32)                 not null,
    ends_at timestamp(6) with time zone not null,
    constraint ended_session_pk primary key (id)
);

create index ended_session_ends_ix on ended_session (ends_at);
