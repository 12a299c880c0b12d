-- 0029 the slot search index also holds the session status, so that
-- counting a specialty's open new slots over some weeks (the capacity and
-- demand table of the utilisation page, every specialty at once) reads
-- the index alone instead of every slot row. Its leading columns are the
-- same, so every search that used it still does.
DROP INDEX slot_search;
CREATE INDEX slot_search ON slot (specialty_id, slot_type, start_at, session_status);
