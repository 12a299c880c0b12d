-- 0023 rooms and claims around the rota. Bookable rooms at a site (clinic
-- and meeting rooms) and their bookings; a clinic session reserves the
-- room its template names (clinic_session.room is the room's name or code
-- at the same site), so a booking may not overlap one. Claims are
-- waiting-list-initiative sessions, bank and agency shift requests,
-- expenses and mileage, each approved once before the payroll export;
-- the mileage rate is the trust's setting, copied onto each claim.
CREATE TABLE room (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisation (id),
    site_id    INTEGER NOT NULL REFERENCES site (id),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    location   TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    capacity   INTEGER NOT NULL CHECK (capacity > 0),
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    UNIQUE (org_id, code)
);

CREATE TABLE room_booking (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    room_id      INTEGER NOT NULL REFERENCES room (id),
    start_at     TEXT NOT NULL,
    end_at       TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    booked_by    TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    cancelled_at TEXT,
    cancelled_by TEXT NOT NULL DEFAULT '',
    CHECK (end_at > start_at)
);
CREATE INDEX room_booking_room ON room_booking (room_id, start_at);
CREATE INDEX room_booking_start ON room_booking (org_id, start_at);
CREATE INDEX clinic_session_date ON clinic_session (session_date, site_id);

CREATE TABLE claim (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES organisation (id),
    kind          TEXT NOT NULL,
    staff_id      INTEGER REFERENCES staff_member (id),
    claim_date    TEXT NOT NULL,
    start_at      TEXT,
    end_at        TEXT,
    pa_tenths     INTEGER NOT NULL DEFAULT 0 CHECK (pa_tenths >= 0),
    rate_type     TEXT NOT NULL DEFAULT '',
    grade         TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    fill_status   TEXT NOT NULL DEFAULT '',
    agency        TEXT NOT NULL DEFAULT '',
    expense_type  TEXT NOT NULL DEFAULT '',
    amount_pence  INTEGER NOT NULL DEFAULT 0 CHECK (amount_pence >= 0),
    miles         INTEGER NOT NULL DEFAULT 0 CHECK (miles >= 0),
    mileage_pence INTEGER NOT NULL DEFAULT 0 CHECK (mileage_pence >= 0),
    receipt       TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    decision      TEXT NOT NULL DEFAULT '',
    submitted_by  TEXT NOT NULL,
    submitted_at  TEXT NOT NULL,
    decided_by    TEXT NOT NULL DEFAULT '',
    decided_at    TEXT
);
CREATE INDEX claim_date ON claim (org_id, claim_date);
CREATE INDEX claim_status ON claim (org_id, status, claim_date);

CREATE TABLE claim_setting (
    org_id        INTEGER PRIMARY KEY REFERENCES organisation (id),
    mileage_pence INTEGER NOT NULL CHECK (mileage_pence > 0),
    updated_at    TEXT NOT NULL
);
