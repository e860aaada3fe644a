-- Counts the changes of a user's credential (password or role). Page sessions carry the count they were
-- signed in with, so a change ends every other session at its next request, on every instance.
alter table app_user add column credential_version bigint default 0 not null;
