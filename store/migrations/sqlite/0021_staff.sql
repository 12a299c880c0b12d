-- 0021 staff and consultant job plans: the people the rota coordinator
-- plans for (group, grade, team, contact details, skills, contract terms)
-- and each consultant's timetabled programmed activities, a clinical one
-- linked to the clinic or theatre template it staffs (rules.md 4.1).
CREATE TABLE staff_member (
    id                         INTEGER PRIMARY KEY,
    org_id                     INTEGER NOT NULL REFERENCES organisation (id),
    title                      TEXT NOT NULL DEFAULT '',
    given_name                 TEXT NOT NULL DEFAULT '',
    family_name                TEXT NOT NULL,
    staff_group                TEXT NOT NULL,
    grade                      TEXT NOT NULL,
    specialty_id               INTEGER REFERENCES specialty (id),
    team                       TEXT NOT NULL DEFAULT '',
    clinician_id               INTEGER REFERENCES clinician (id),
    mobile                     TEXT NOT NULL DEFAULT '',
    bleep                      TEXT NOT NULL DEFAULT '',
    email                      TEXT NOT NULL DEFAULT '',
    skills                     TEXT NOT NULL DEFAULT '', -- one a line, as theatre kit
    fte_percent                INTEGER NOT NULL DEFAULT 100 CHECK (fte_percent BETWEEN 10 AND 100),
    contract_max_shift_minutes INTEGER NOT NULL DEFAULT 780,
    service_start              TEXT,
    active                     INTEGER NOT NULL DEFAULT 1,
    created_at                 TEXT NOT NULL,
    updated_at                 TEXT NOT NULL
);
CREATE INDEX staff_member_team ON staff_member (org_id, team, family_name);
-- A clinician is one member of staff (NULLs, staff who own no sessions, repeat).
CREATE UNIQUE INDEX staff_member_clinician ON staff_member (clinician_id);

CREATE TABLE programmed_activity (
    id                  INTEGER PRIMARY KEY,
    org_id              INTEGER NOT NULL REFERENCES organisation (id),
    staff_id            INTEGER NOT NULL REFERENCES staff_member (id),
    weekday             INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute        INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    minutes             INTEGER NOT NULL CHECK (minutes BETWEEN 30 AND 1440),
    category            TEXT NOT NULL,
    premium             INTEGER NOT NULL DEFAULT 0,
    description         TEXT NOT NULL DEFAULT '',
    clinic_template_id  INTEGER REFERENCES clinic_template (id),
    theatre_template_id INTEGER REFERENCES theatre_template (id),
    external            TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL
);
CREATE INDEX programmed_activity_staff ON programmed_activity (staff_id, weekday, start_minute);
