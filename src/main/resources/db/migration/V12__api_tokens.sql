-- Personal API tokens: a script's credential instead of a person's password. Only a SHA-256 of the secret is kept
-- (the secret has 238 random bits, so no slow hash is needed); a token goes with its owner when the owner is deleted.
create sequence api_token_seq start with 1 increment by 50;

create table api_token (
    id           bigint                      not null,
    username     varchar(64)                 not null,
    name         varchar(100)                not null,
    scope        varchar(8)                  not null,
    secret_hash  varchar(64)                 not null,
    created_at   timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone,
    last_used_at timestamp(6) with time zone,
    constraint api_token_pk primary key (id),
    constraint api_token_secret_uk unique (secret_hash),
    constraint api_token_scope_ck check (scope in ('READ', 'WRITE')),
    constraint api_token_user_fk foreign key (username) references app_user (username) on delete cascade
);

create index api_token_user_ix on api_token (username);
