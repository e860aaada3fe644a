-- The admin created at first start with a generated password (printed once in the log) must choose their own at
-- the first page sign-in; changing the password clears the mark.
alter table app_user add column password_generated boolean default false not null;
