-- The weekly review board reads its sections and its owners' loads from this index alone, without reading
-- the rows: which items are open, their due date (the section), their rank (the order within a section) and
-- their owner (the "Who carries what" table). With 5,000 open items that is what keeps the board quick.
create index action_item_board_ix on action_item (status, due_date, priority, owner);
