-- 0009 outbox: the booking office's address and phone head every letter;
-- letters and messages are queued in the transaction that makes the change
-- they tell the patient about, and marked sent by the dispatcher. The
-- dedupe key makes jobs idempotent: a message is queued once.
ALTER TABLE organisation ADD COLUMN address_line1 TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN address_line2 TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN town TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN booking_phone TEXT NOT NULL DEFAULT '';

CREATE TABLE message (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    patient_id     INTEGER NOT NULL REFERENCES patient (id),
    pathway_id     INTEGER REFERENCES pathway (id),
    appointment_id INTEGER REFERENCES appointment (id),
    kind           TEXT NOT NULL,
    channel        TEXT NOT NULL,
    recipient      TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    dedupe_key     TEXT NOT NULL,
    status         TEXT NOT NULL,
    attempts       INTEGER NOT NULL DEFAULT 0,
    error          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    sent_at        TEXT
);
CREATE UNIQUE INDEX message_dedupe ON message (dedupe_key);
CREATE INDEX message_status ON message (status, id);
CREATE INDEX message_patient ON message (patient_id, id);
