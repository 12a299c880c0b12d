-- 0004 validation and worklists.
-- A validation is a pathway event (rules.md 3.9) with what it found.
ALTER TABLE pathway_event ADD COLUMN validation TEXT NOT NULL DEFAULT '';

-- The PTL keeps when the running period was last validated and from when
-- it is due again, so the validation worklist is an index range.
ALTER TABLE ptl_entry ADD COLUMN last_validated DATE;
ALTER TABLE ptl_entry ADD COLUMN validation_due DATE;
CREATE INDEX ptl_validation_due ON ptl_entry (org_id, validation_due);

-- The date of the pathway's latest event, and an index to find a patient's
-- other open pathways in a specialty (the duplicate check, rules.md 1.12).
ALTER TABLE ptl_entry ADD COLUMN last_activity DATE;
CREATE INDEX ptl_patient ON ptl_entry (patient_id, specialty_id);

-- Work the rules create for people on pathways, whether or not a clock
-- runs: a pathway whose first-appointment DNA nullified its clock waits for
-- a clinician's decision and is on no waiting list, so without this table
-- it would be on no list at all. Kept current with the PTL.
CREATE TABLE pathway_task (
    pathway_id BIGINT NOT NULL REFERENCES pathway (id),
    org_id     BIGINT NOT NULL REFERENCES organisation (id),
    kind       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    since      DATE NOT NULL,
    PRIMARY KEY (pathway_id, kind)
);
CREATE INDEX pathway_task_kind ON pathway_task (org_id, kind, since);
