-- Every reminder Debrief sends, under a key that names the reminder and its channel
-- (for example 'digest:2026-W48:webhook'). The primary key makes two Debrief instances on one database
-- send each reminder once: an instance claims the key before sending and skips keys already claimed.
create table sent_reminder (
    reminder_key varchar(200)                not null,
    claimed_at   timestamp(6) with time zone not null,
    sent_at      timestamp(6) with time zone,
    constraint sent_reminder_pk primary key (reminder_key)
);
