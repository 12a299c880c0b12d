-- 0018 admitted care: the admitted (inpatient and day-case) waiting list,
-- pre-operative assessments, theatres and their sessions, the cases booked
-- on them, cancelled operations under the 28-day rule (rules.md 2.1, 2.4,
-- 3.6, 3.7), and what the list planner needs: kit, beds and past case
-- durations.

-- Elective beds at a site, for inpatient cases; 0 means not planned by beds.
ALTER TABLE site ADD COLUMN elective_beds INTEGER NOT NULL DEFAULT 0;
-- A specialty's POA validity in days; NULL takes poa.validityDays.
ALTER TABLE specialty ADD COLUMN poa_validity_days INTEGER;

CREATE TABLE theatre (
    id        INTEGER PRIMARY KEY,
    org_id    INTEGER NOT NULL REFERENCES organisation (id),
    code      TEXT NOT NULL,
    name      TEXT NOT NULL,
    site_id   INTEGER NOT NULL REFERENCES site (id),
    endoscopy INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_id, code)
);

-- Kit lists are newline-separated names, as few and short as they are.
CREATE TABLE theatre_session (
    id                     INTEGER PRIMARY KEY,
    org_id                 INTEGER NOT NULL REFERENCES organisation (id),
    theatre_id             INTEGER NOT NULL REFERENCES theatre (id),
    specialty_id           INTEGER NOT NULL REFERENCES specialty (id),
    session_date           TEXT NOT NULL,
    period                 TEXT NOT NULL,
    start_minute           INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    minutes                INTEGER NOT NULL CHECK (minutes > 0),
    surgeon_id             INTEGER REFERENCES clinician (id),
    anaesthetist           TEXT NOT NULL DEFAULT '',
    list_type              TEXT NOT NULL,
    kit                    TEXT NOT NULL DEFAULT '',
    surgeon_confirmed      INTEGER NOT NULL DEFAULT 0,
    anaesthetist_confirmed INTEGER NOT NULL DEFAULT 0,
    status                 TEXT NOT NULL,
    released_reason        TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL
);
-- One list per theatre and period: two bookers cannot both create it.
-- Overlaps across periods (all day against a morning) are checked in the
-- creating transaction under the theatre's row lock.
CREATE UNIQUE INDEX theatre_session_slot ON theatre_session (theatre_id, session_date, period) WHERE status <> 'released';
CREATE INDEX theatre_session_date ON theatre_session (session_date, start_minute);
CREATE INDEX theatre_session_specialty ON theatre_session (specialty_id, session_date);

CREATE TABLE admitted_entry (
    id               INTEGER PRIMARY KEY,
    org_id           INTEGER NOT NULL REFERENCES organisation (id),
    pathway_id       INTEGER NOT NULL REFERENCES pathway (id),
    patient_id       INTEGER NOT NULL REFERENCES patient (id),
    specialty_id     INTEGER NOT NULL REFERENCES specialty (id),
    surgeon_id       INTEGER NOT NULL REFERENCES clinician (id),
    procedure_code   TEXT NOT NULL,
    procedure_name   TEXT NOT NULL,
    management       TEXT NOT NULL,
    priority         TEXT NOT NULL,
    priority_rank    INTEGER NOT NULL,
    listed_date      TEXT NOT NULL,
    review_date      TEXT,
    expected_minutes INTEGER NOT NULL CHECK (expected_minutes > 0),
    anaesthetic      TEXT NOT NULL,
    length_of_stay   INTEGER NOT NULL DEFAULT 0,
    kit              TEXT NOT NULL DEFAULT '',
    radiology        INTEGER NOT NULL DEFAULT 0,
    critical_care    TEXT NOT NULL DEFAULT '',
    interpreter      TEXT NOT NULL DEFAULT '',
    transport        INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL,
    removed_reason   TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
);
CREATE INDEX admitted_entry_list ON admitted_entry (status, specialty_id, priority_rank, listed_date);
CREATE INDEX admitted_entry_surgeon ON admitted_entry (surgeon_id, status);
CREATE INDEX admitted_entry_pathway ON admitted_entry (pathway_id);

CREATE TABLE preop_assessment (
    id          INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL REFERENCES admitted_entry (id),
    on_date     TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    assessed_on TEXT,
    valid_until TEXT,
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX preop_assessment_entry ON preop_assessment (entry_id, id);

CREATE TABLE theatre_case (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    session_id     INTEGER NOT NULL REFERENCES theatre_session (id),
    entry_id       INTEGER NOT NULL REFERENCES admitted_entry (id),
    position       INTEGER NOT NULL,
    minutes        INTEGER NOT NULL CHECK (minutes > 0),
    status         TEXT NOT NULL,
    actual_minutes INTEGER,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
-- One entry, one booked case: this index, not a check-then-insert, is
-- what makes scheduling a patient on two lists at once impossible.
CREATE UNIQUE INDEX theatre_case_booked ON theatre_case (entry_id) WHERE status = 'booked';
CREATE INDEX theatre_case_session ON theatre_case (session_id, status, position);

CREATE TABLE cancelled_operation (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    case_id      INTEGER NOT NULL UNIQUE REFERENCES theatre_case (id),
    entry_id     INTEGER NOT NULL REFERENCES admitted_entry (id),
    planned_on   TEXT NOT NULL,
    cancelled_at TEXT NOT NULL,
    cancelled_by INTEGER,
    reason       TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    last_minute  INTEGER NOT NULL DEFAULT 0,
    postponed    INTEGER NOT NULL DEFAULT 0,
    guaranteed   INTEGER NOT NULL DEFAULT 0,
    rebook_by    TEXT,
    new_case_id  INTEGER REFERENCES theatre_case (id),
    new_date     TEXT
);
CREATE INDEX cancelled_operation_planned ON cancelled_operation (planned_on);
CREATE INDEX cancelled_operation_open ON cancelled_operation (guaranteed, new_case_id, rebook_by);

-- How many of each piece of kit the trust has: lists on the same day and
-- time cannot use more.
CREATE TABLE theatre_kit (
    org_id INTEGER NOT NULL REFERENCES organisation (id),
    name   TEXT NOT NULL,
    count  INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (org_id, name)
);

-- Past case durations by surgeon and procedure, for estimates: filled when
-- a case is done and by the loaders with history.
CREATE TABLE theatre_case_history (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    surgeon_id     INTEGER NOT NULL REFERENCES clinician (id),
    procedure_code TEXT NOT NULL,
    operated_on    TEXT NOT NULL,
    minutes        INTEGER NOT NULL CHECK (minutes > 0),
    case_id        INTEGER REFERENCES theatre_case (id)
);
CREATE INDEX theatre_case_history_estimate ON theatre_case_history (surgeon_id, procedure_code, operated_on);
