-- 0014 reschedule: a booking that moved an earlier appointment points at
-- it, so the change letter can say which appointment it replaces.
ALTER TABLE appointment ADD COLUMN replaces_id INTEGER REFERENCES appointment (id);
