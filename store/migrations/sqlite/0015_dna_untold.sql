-- 0015 a did-not-attend records whether the booking's written confirmation
-- was ever dispatched: without that proof the appointment was not shown to
-- have been communicated, and a first DNA cannot nullify the clock
-- (rules.md 1.5.2, 3.3).
ALTER TABLE pathway_event ADD COLUMN untold INTEGER NOT NULL DEFAULT 0;
