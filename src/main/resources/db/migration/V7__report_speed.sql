-- The monthly report's speed does not depend on how much history there is, only on the range asked for.
--
-- Each incident keeps its time to detect and to resolve in microseconds beside its times (the PostMortem
-- aggregate sets them whenever it sets the times), so the report sums integers instead of converting two
-- timestamps per row. Existing rows get them from their times here.
alter table postmortem add column time_to_detect_micros bigint;
alter table postmortem add column time_to_resolve_micros bigint;
update postmortem
   set time_to_detect_micros = cast(round((extract(epoch from detected_at) - extract(epoch from started_at)) * 1000000) as bigint)
 where detected_at is not null;
update postmortem
   set time_to_resolve_micros = cast(round((extract(epoch from resolved_at) - extract(epoch from started_at)) * 1000000) as bigint)
 where resolved_at is not null;

-- Indexes that hold every column a statement of the report reads, so that it is answered from the index
-- without reading the rows; each replaces an index on its first column alone.
create index postmortem_started_report_ix
    on postmortem (started_at, severity, detection_source, time_to_detect_micros, time_to_resolve_micros);
drop index postmortem_started_at_ix;
create index postmortem_published_report_ix on postmortem (published_at, resolved_at);
drop index postmortem_published_at_ix;
create index action_item_created_report_ix on action_item (created_at, kind);
drop index action_item_created_at_ix;
create index action_item_completed_report_ix on action_item (completed_at, due_date, created_at);
drop index action_item_completed_at_ix;

-- Open items by creation time and by due date, for the overdue counts; the second replaces the (status,
-- due_date) index, which it extends.
create index action_item_open_created_ix on action_item (status, created_at, due_date);
create index action_item_open_due_created_ix on action_item (status, due_date, created_at);
drop index action_item_open_due_ix;
