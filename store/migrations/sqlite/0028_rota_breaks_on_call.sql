-- 0028 breaks within shifts and non-resident on call (rules.md 4.3;
-- TS-148). A shift type plans a number of 30-minute breaks; existing ones
-- get what their length needs under the default policy (over 5 h one,
-- over 9 h two, 12 h or more three), so that rotas already made stay
-- clean. A shift type may be non-resident on call, with the work expected
-- while on call, which the hours rules count instead of its span. Work
-- done on an on-call duty is recorded stretch by stretch, against the
-- duty (a person's shift on a date of a rota, in whatever version), so
-- that the rest actually had can be judged.
ALTER TABLE shift_type ADD COLUMN breaks INTEGER NOT NULL DEFAULT 0 CHECK (breaks >= 0);
ALTER TABLE shift_type ADD COLUMN non_resident INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shift_type ADD COLUMN expected_work_minutes INTEGER NOT NULL DEFAULT 0
    CHECK (expected_work_minutes BETWEEN 0 AND 1440);
UPDATE shift_type SET breaks = CASE WHEN minutes >= 720 THEN 3 WHEN minutes > 540 THEN 2 WHEN minutes > 300 THEN 1 ELSE 0 END;

CREATE TABLE on_call_work (
    id          INTEGER PRIMARY KEY,
    rota_id     INTEGER NOT NULL REFERENCES rota (id),
    staff_id    INTEGER NOT NULL REFERENCES staff_member (id),
    duty_date   TEXT NOT NULL,
    shift_code  TEXT NOT NULL,
    start_at    TEXT NOT NULL,
    end_at      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (end_at > start_at)
);
CREATE INDEX on_call_work_duty_idx ON on_call_work (rota_id, staff_id, duty_date);
