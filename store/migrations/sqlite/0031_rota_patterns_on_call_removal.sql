-- 0031 rota patterns kept per team, and on-call work removed in error.
-- A team keeps its rolling patterns (the "1 in 8"), each by a name unique
-- within the team ignoring case, as the rota page offers them by name; the
-- text is the pattern as rota.ParsePattern reads it, checked against the
-- team's shift codes on every save. Work recorded on a non-resident on-call
-- duty in error is not deleted: like other corrections (entered-in-error
-- events, cancelled room bookings) it is marked removed, with who, when and
-- why, and the rest is judged without it.
CREATE TABLE rota_pattern (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES organisation (id),
    team       TEXT NOT NULL,
    name       TEXT NOT NULL,
    pattern    TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);
CREATE UNIQUE INDEX rota_pattern_name_idx ON rota_pattern (org_id, team, LOWER(name));

ALTER TABLE on_call_work ADD COLUMN removed_at TEXT;
ALTER TABLE on_call_work ADD COLUMN removed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE on_call_work ADD COLUMN removed_reason TEXT NOT NULL DEFAULT '';
