-- People who sign in through the organisation's OpenID Connect provider: the provider's stable subject ("sub")
-- links the record to the person even if their user name there changes; e-mail and display name come from the
-- provider's claims at each sign-in. Local users have no subject. Unique, so two records never claim one person
-- (both H2 and PostgreSQL allow any number of nulls in a unique index).
alter table app_user add column sso_subject varchar(255);
alter table app_user add column email varchar(254);
alter table app_user add column display_name varchar(200);
create unique index app_user_sso_subject_ux on app_user (sso_subject);
