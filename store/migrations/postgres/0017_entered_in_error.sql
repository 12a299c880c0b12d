-- 0017 corrections: an entered-in-error event voids the earlier event
-- whose seq it names, keeping the log append-only.
ALTER TABLE pathway_event ADD COLUMN voids_seq INTEGER NOT NULL DEFAULT 0;
