-- 0032 exception reports (rules.md 4.3, Oversight): a resident doctor's
-- report that a rostered duty differed from the rota (worked later or
-- started earlier, missed breaks, rest or education), for the guardian of
-- safe working hours. The duty is named by rota, person and date, with its
-- shift code and rostered times copied in, so the report stands if the rota
-- changes later. Reports are never deleted: the outcome the manager agrees
-- (time off in lieu, payment, or no action with a reason) closes them.
CREATE TABLE exception_report (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES organisation (id),
    rota_id        INTEGER NOT NULL REFERENCES rota (id),
    staff_id       INTEGER NOT NULL REFERENCES staff_member (id),
    duty_date      TEXT NOT NULL,
    shift_code     TEXT NOT NULL,
    rostered_start TEXT NOT NULL,
    rostered_end   TEXT NOT NULL,
    actual_start   TEXT NOT NULL,
    actual_end     TEXT NOT NULL,
    kind           TEXT NOT NULL,
    what_happened  TEXT NOT NULL,
    why            TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'open',
    reported_by    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    outcome        TEXT NOT NULL DEFAULT '',
    outcome_note   TEXT NOT NULL DEFAULT '',
    outcome_by     TEXT NOT NULL DEFAULT '',
    outcome_at     TEXT,
    CHECK (actual_end > actual_start)
);
CREATE INDEX exception_report_status_idx ON exception_report (org_id, status, duty_date);
CREATE INDEX exception_report_staff_idx ON exception_report (staff_id, duty_date);
