-- 0001 init: the first schema of Elective (SQLite dialect).
-- Dates are TEXT 'YYYY-MM-DD'; instants are TEXT UTC 'YYYY-MM-DDTHH:MM:SS.ffffffZ'
-- (fixed width, so text order is time order); booleans are INTEGER 0/1.
-- Every row carries org_id so that a deployment can later hold several trusts.

CREATE TABLE organisation (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE site (
    id     INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisation (id),
    code   TEXT NOT NULL,
    name   TEXT NOT NULL,
    UNIQUE (org_id, code)
);

CREATE TABLE specialty (
    id     INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisation (id),
    code   TEXT NOT NULL, -- treatment function code
    name   TEXT NOT NULL,
    UNIQUE (org_id, code)
);

CREATE TABLE clinician (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    code         TEXT NOT NULL, -- consultant code (GMC number)
    title        TEXT NOT NULL DEFAULT '',
    given_name   TEXT NOT NULL,
    family_name  TEXT NOT NULL,
    specialty_id INTEGER NOT NULL REFERENCES specialty (id),
    UNIQUE (org_id, code)
);

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organisation (id),
    username      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL, -- argon2id PHC string
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL
);

-- Server-side sessions: only a SHA-256 hash of the cookie token is stored,
-- so a copy of the database does not let anyone sign in.
CREATE TABLE user_session (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES app_user (id),
    csrf_token   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE patient (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organisation (id),
    nhs_number    TEXT NOT NULL,
    local_id      TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    given_name    TEXT NOT NULL,
    family_name   TEXT NOT NULL,
    family_key    TEXT NOT NULL, -- upper-cased family name, for prefix search
    birth_date    TEXT NOT NULL,
    sex           TEXT NOT NULL,
    address_line1 TEXT NOT NULL DEFAULT '',
    address_line2 TEXT NOT NULL DEFAULT '',
    town          TEXT NOT NULL DEFAULT '',
    postcode      TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    gp_practice   TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    UNIQUE (org_id, nhs_number)
);
CREATE INDEX patient_family ON patient (org_id, family_key, given_name);
CREATE INDEX patient_local ON patient (org_id, local_id);

CREATE TABLE patient_alert (
    patient_id INTEGER NOT NULL REFERENCES patient (id),
    kind       TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (patient_id, kind)
);

CREATE TABLE referral (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    patient_id     INTEGER NOT NULL REFERENCES patient (id),
    specialty_id   INTEGER NOT NULL REFERENCES specialty (id),
    clinician_id   INTEGER REFERENCES clinician (id),
    site_id        INTEGER REFERENCES site (id),
    source         TEXT NOT NULL,
    priority       TEXT NOT NULL,
    ubrn           TEXT NOT NULL DEFAULT '',
    received_date  TEXT NOT NULL,
    original_start TEXT,
    referrer_code  TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE INDEX referral_patient ON referral (patient_id);

CREATE TABLE pathway (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    ppid         TEXT NOT NULL,
    ppid_issuer  TEXT NOT NULL,
    patient_id   INTEGER NOT NULL REFERENCES patient (id),
    referral_id  INTEGER NOT NULL REFERENCES referral (id),
    specialty_id INTEGER NOT NULL REFERENCES specialty (id),
    clinician_id INTEGER REFERENCES clinician (id),
    site_id      INTEGER REFERENCES site (id),
    priority     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (ppid, ppid_issuer)
);
CREATE INDEX pathway_patient ON pathway (patient_id);
CREATE INDEX pathway_referral ON pathway (referral_id);

CREATE TABLE clinic_template (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    code           TEXT NOT NULL,
    name           TEXT NOT NULL DEFAULT '',
    clinician_id   INTEGER NOT NULL REFERENCES clinician (id),
    specialty_id   INTEGER NOT NULL REFERENCES specialty (id),
    site_id        INTEGER NOT NULL REFERENCES site (id),
    room           TEXT NOT NULL DEFAULT '',
    weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute   INTEGER NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to   TEXT,
    UNIQUE (org_id, code)
);

CREATE TABLE template_slot (
    template_id INTEGER NOT NULL REFERENCES clinic_template (id),
    position    INTEGER NOT NULL,
    slot_type   TEXT NOT NULL,
    minutes     INTEGER NOT NULL,
    PRIMARY KEY (template_id, position)
);

CREATE TABLE clinic_session (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    template_id  INTEGER NOT NULL REFERENCES clinic_template (id),
    clinician_id INTEGER NOT NULL REFERENCES clinician (id),
    specialty_id INTEGER NOT NULL REFERENCES specialty (id),
    site_id      INTEGER NOT NULL REFERENCES site (id),
    room         TEXT NOT NULL DEFAULT '',
    session_date TEXT NOT NULL,
    start_at     TEXT NOT NULL,
    end_at       TEXT NOT NULL,
    status       TEXT NOT NULL,
    UNIQUE (template_id, session_date)
);

-- Slots copy their session's specialty, clinician and status so that the
-- free-slot search reads one index.
CREATE TABLE slot (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    session_id     INTEGER NOT NULL REFERENCES clinic_session (id),
    specialty_id   INTEGER NOT NULL REFERENCES specialty (id),
    clinician_id   INTEGER NOT NULL REFERENCES clinician (id),
    site_id        INTEGER NOT NULL REFERENCES site (id),
    session_status TEXT NOT NULL,
    start_at       TEXT NOT NULL,
    minutes        INTEGER NOT NULL,
    slot_type      TEXT NOT NULL
);
CREATE INDEX slot_search ON slot (specialty_id, slot_type, start_at);
CREATE INDEX slot_session ON slot (session_id);

CREATE TABLE appointment (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    pathway_id   INTEGER NOT NULL REFERENCES pathway (id),
    patient_id   INTEGER NOT NULL REFERENCES patient (id),
    slot_id      INTEGER NOT NULL REFERENCES slot (id),
    session_id   INTEGER NOT NULL REFERENCES clinic_session (id),
    clinician_id INTEGER NOT NULL REFERENCES clinician (id),
    site_id      INTEGER NOT NULL REFERENCES site (id),
    start_at     TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    slot_type    TEXT NOT NULL,
    first        INTEGER NOT NULL,
    status       TEXT NOT NULL,
    rtt_status   TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL DEFAULT '',
    communicated TEXT NOT NULL DEFAULT '',
    booked_at    TEXT NOT NULL,
    booked_by    INTEGER
);
-- One slot, one patient: at most one appointment holds a slot. This index,
-- not a check-then-insert, is what makes double booking impossible.
CREATE UNIQUE INDEX appointment_slot_held ON appointment (slot_id) WHERE status IN ('booked', 'attended', 'dna');
CREATE INDEX appointment_patient ON appointment (patient_id, start_at);
CREATE INDEX appointment_pathway ON appointment (pathway_id, status);

CREATE TABLE appointment_change (
    id             INTEGER PRIMARY KEY,
    appointment_id INTEGER NOT NULL REFERENCES appointment (id),
    status         TEXT NOT NULL,
    at             TEXT NOT NULL,
    by_user        INTEGER,
    by_name        TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX appointment_change_appointment ON appointment_change (appointment_id, id);

-- The append-only event log of every pathway: the truth from which clocks
-- and the PTL are derived. Triggers refuse updates and deletes.
CREATE TABLE pathway_event (
    id                  INTEGER PRIMARY KEY,
    org_id              INTEGER NOT NULL REFERENCES organisation (id),
    pathway_id          INTEGER NOT NULL REFERENCES pathway (id),
    seq                 INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    event_date          TEXT NOT NULL,
    recorded_at         TEXT NOT NULL,
    recorded_by         INTEGER,
    source              TEXT NOT NULL DEFAULT '',
    original_start      TEXT,
    first               INTEGER NOT NULL DEFAULT 0,
    appointment_date    TEXT,
    communicated        INTEGER NOT NULL DEFAULT 0,
    outcome             TEXT NOT NULL DEFAULT '',
    cancelled_by        TEXT NOT NULL DEFAULT '',
    purpose             TEXT NOT NULL DEFAULT '',
    treated             INTEGER NOT NULL DEFAULT 0,
    new_period          INTEGER NOT NULL DEFAULT 0,
    after_dna           INTEGER NOT NULL DEFAULT 0,
    clinician_confirmed INTEGER NOT NULL DEFAULT 0,
    appointment_id      INTEGER,
    note                TEXT NOT NULL DEFAULT '',
    UNIQUE (pathway_id, seq)
);
CREATE TRIGGER pathway_event_no_update BEFORE UPDATE ON pathway_event
BEGIN SELECT RAISE(ABORT, 'pathway events are append-only'); END;
CREATE TRIGGER pathway_event_no_delete BEFORE DELETE ON pathway_event
BEGIN SELECT RAISE(ABORT, 'pathway events are append-only'); END;

-- The PTL read model: one row per pathway whose clock runs here, kept
-- current in the transaction that records each event and rebuildable from
-- pathway_event at any time.
CREATE TABLE ptl_entry (
    pathway_id     INTEGER PRIMARY KEY REFERENCES pathway (id),
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    patient_id     INTEGER NOT NULL REFERENCES patient (id),
    specialty_id   INTEGER NOT NULL REFERENCES specialty (id),
    clinician_id   INTEGER REFERENCES clinician (id),
    site_id        INTEGER REFERENCES site (id),
    priority       TEXT NOT NULL,
    priority_rank  INTEGER NOT NULL,
    list_type      TEXT NOT NULL,
    clock_start    TEXT NOT NULL,
    breach_date    TEXT NOT NULL,
    rtt_status     TEXT NOT NULL,
    referral_date  TEXT NOT NULL,
    next_activity  TEXT,
    next_slot_type TEXT NOT NULL DEFAULT '',
    appointment_id INTEGER,
    review_needed  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ptl_wait ON ptl_entry (org_id, clock_start);
CREATE INDEX ptl_specialty ON ptl_entry (org_id, specialty_id, clock_start);
CREATE INDEX ptl_clinician ON ptl_entry (org_id, clinician_id, clock_start);
CREATE INDEX ptl_list ON ptl_entry (org_id, list_type, priority_rank, clock_start);
CREATE INDEX ptl_list_specialty ON ptl_entry (org_id, specialty_id, list_type, priority_rank, clock_start);

CREATE TABLE audit_event (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL,
    at         TEXT NOT NULL,
    user_id    INTEGER,
    username   TEXT NOT NULL,
    action     TEXT NOT NULL,
    patient_id INTEGER,
    request_id TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_patient ON audit_event (patient_id, id);
CREATE INDEX audit_user ON audit_event (user_id, id);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
