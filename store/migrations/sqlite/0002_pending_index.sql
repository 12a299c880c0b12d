-- 0002 pending_index: indexes a bulk load has dropped and not yet rebuilt.
-- A load drops the non-unique secondary indexes of the tables it fills and
-- rebuilds them when it finishes; if it is interrupted, the next start of
-- Elective finds the definitions here and rebuilds them.
CREATE TABLE pending_index (
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL
);
