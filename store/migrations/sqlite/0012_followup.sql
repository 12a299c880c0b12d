-- 0012 follow-ups: the partial-booking and PIFU lists (rules.md 3.4,
-- 3.11). review_on is when an unanswered invitation and reminder reach a
-- clinician, so the failsafe list is an index range.
CREATE TABLE followup (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organisation (id),
    pathway_id    INTEGER NOT NULL REFERENCES pathway (id),
    patient_id    INTEGER NOT NULL REFERENCES patient (id),
    specialty_id  INTEGER NOT NULL REFERENCES specialty (id),
    kind          TEXT NOT NULL,
    due_date      TEXT NOT NULL,
    invited_on    TEXT,
    reminded_on   TEXT,
    review_on     TEXT,
    status        TEXT NOT NULL,
    closed_reason TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
CREATE INDEX followup_open ON followup (status, due_date);
CREATE INDEX followup_pathway ON followup (pathway_id, status);
