-- 0019 theatre templates: a theatre's standing lists (weekday, part of
-- the day, owner surgeon, anaesthetist, list type, kit, every so many
-- weeks) from which sessions are made for the booking horizon; a session
-- made from one names it, so making them again adds nothing.
CREATE TABLE theatre_template (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    theatre_id     INTEGER NOT NULL REFERENCES theatre (id),
    specialty_id   INTEGER NOT NULL REFERENCES specialty (id),
    surgeon_id     INTEGER REFERENCES clinician (id),
    anaesthetist   TEXT NOT NULL DEFAULT '',
    weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    period         TEXT NOT NULL,
    start_minute   INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    minutes        INTEGER NOT NULL CHECK (minutes > 0),
    list_type      TEXT NOT NULL,
    kit            TEXT NOT NULL DEFAULT '',
    every_weeks    INTEGER NOT NULL DEFAULT 1 CHECK (every_weeks >= 1),
    effective_from TEXT NOT NULL,
    effective_to   TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX theatre_template_theatre ON theatre_template (theatre_id, weekday);

ALTER TABLE theatre_session ADD COLUMN template_id INTEGER REFERENCES theatre_template (id);
CREATE INDEX theatre_session_template ON theatre_session (template_id, session_date);
