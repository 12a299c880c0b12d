-- 0006 delay_until: a patient's request to wait (rules.md 1.7.1, 1.7.2) is
-- a pathway event with the first date the patient is available.
ALTER TABLE pathway_event ADD COLUMN delay_until DATE;
