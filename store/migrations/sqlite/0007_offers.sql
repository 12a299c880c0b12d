-- 0007 offers: dates offered to patients with their answers, and the
-- periods patients have said they cannot attend. Whether an offer counted
-- as reasonable is decided by the rules (package access), not stored.
CREATE TABLE offer (
    id                  INTEGER PRIMARY KEY,
    org_id              INTEGER NOT NULL REFERENCES organisation (id),
    pathway_id          INTEGER NOT NULL REFERENCES pathway (id),
    slot_id             INTEGER REFERENCES slot (id),
    offered_on          TEXT NOT NULL,
    offer_date          TEXT NOT NULL,
    short_notice_agreed INTEGER NOT NULL DEFAULT 0,
    response            TEXT NOT NULL,
    note                TEXT NOT NULL DEFAULT '',
    recorded_at         TEXT NOT NULL,
    recorded_by         INTEGER
);
CREATE INDEX offer_pathway ON offer (pathway_id, offered_on);

CREATE TABLE unavailability (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisation (id),
    patient_id INTEGER NOT NULL REFERENCES patient (id),
    date_from  TEXT NOT NULL,
    date_to    TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX unavailability_patient ON unavailability (patient_id, date_to);
