-- 0024 rotas: a team's shift types and cover rules, and its rotas for a
-- rotation period. Every save of a rota is a new version holding all its
-- duties, so old versions stay readable; changes after publication are
-- kept one by one, with whether they came inside the notice period.
CREATE TABLE shift_type (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    team         TEXT NOT NULL,
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    unpopular    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_id, team, code)
);

CREATE TABLE cover_rule (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisation (id),
    team       TEXT NOT NULL,
    shift_code TEXT NOT NULL,
    weekdays   TEXT NOT NULL DEFAULT '',
    min_staff  INTEGER NOT NULL CHECK (min_staff >= 1),
    grades     TEXT NOT NULL DEFAULT '',
    skill      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cover_rule_team ON cover_rule (org_id, team);

CREATE TABLE rota (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    team         TEXT NOT NULL,
    name         TEXT NOT NULL,
    from_date    TEXT NOT NULL,
    to_date      TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'draft',
    version      INTEGER NOT NULL DEFAULT 0,
    limits_2016  INTEGER NOT NULL DEFAULT 0,
    published_at TEXT,
    published_by TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);

CREATE TABLE rota_version (
    rota_id    INTEGER NOT NULL REFERENCES rota (id),
    version    INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rota_id, version)
);

CREATE TABLE rota_duty (
    rota_id    INTEGER NOT NULL REFERENCES rota (id),
    version    INTEGER NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff_member (id),
    duty_date  TEXT NOT NULL,
    shift_code TEXT NOT NULL,
    PRIMARY KEY (rota_id, version, staff_id, duty_date)
);

CREATE TABLE rota_change (
    id           INTEGER PRIMARY KEY,
    rota_id      INTEGER NOT NULL REFERENCES rota (id),
    version      INTEGER NOT NULL,
    staff_id     INTEGER NOT NULL REFERENCES staff_member (id),
    duty_date    TEXT NOT NULL,
    from_code    TEXT NOT NULL DEFAULT '',
    to_code      TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    short_notice INTEGER NOT NULL DEFAULT 0,
    changed_at   TEXT NOT NULL,
    changed_by   TEXT NOT NULL
);
CREATE INDEX rota_change_rota ON rota_change (rota_id, id);
