-- 0022 leave: staff members' leave requests (annual, study, professional,
-- sick, other) from one date to another with optional half days at
-- either end, and their decision; and entitlements set for a leave year
-- over the defaults of rules.md 4.2 (package workforce).
CREATE TABLE leave_request (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    staff_id       INTEGER NOT NULL REFERENCES staff_member (id),
    leave_type     TEXT NOT NULL,
    from_date      TEXT NOT NULL,
    to_date        TEXT NOT NULL,
    half_day_start INTEGER NOT NULL DEFAULT 0,
    half_day_end   INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL DEFAULT 'requested',
    requested_on   TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    decided_by     TEXT NOT NULL DEFAULT '',
    decided_at     TEXT,
    decision_note  TEXT NOT NULL DEFAULT '',
    created_by     TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    CHECK (to_date >= from_date)
);
CREATE INDEX leave_request_staff ON leave_request (staff_id, from_date);
CREATE INDEX leave_request_dates ON leave_request (org_id, from_date, to_date);

CREATE TABLE leave_entitlement (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES organisation (id),
    staff_id    INTEGER NOT NULL REFERENCES staff_member (id),
    year_start  TEXT NOT NULL, -- 1 April
    annual_days REAL NOT NULL CHECK (annual_days >= 0),
    study_days  REAL NOT NULL CHECK (study_days >= 0),
    set_by      TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    UNIQUE (staff_id, year_start)
);
