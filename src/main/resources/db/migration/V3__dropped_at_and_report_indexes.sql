-- When an action item was dropped, so that the monthly report counts drops in the month they happened.
-- Items dropped before this migration take the time of their last change.
alter table action_item add column dropped_at timestamp(6) with time zone;
update action_item set dropped_at = updated_at where status = 'DROPPED';
alter table action_item add constraint action_item_dropped_at_ck check ((status = 'DROPPED') = (dropped_at is not null));

-- The monthly report groups by these columns over a time range.
create index action_item_created_at_ix on action_item (created_at);
create index action_item_dropped_at_ix on action_item (dropped_at);
create index action_item_pm_ix on action_item (postmortem_id);
