-- 0026 days a member of staff has asked to have off on a rota: a soft
-- goal the rota builder honours where the cover and the safety limits
-- allow, and that the rota page shows as kept or broken (approved leave is
-- a hard limit and lives in leave_request).
CREATE TABLE rota_request (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organisation (id),
    staff_id     INTEGER NOT NULL REFERENCES staff_member (id),
    request_date TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    UNIQUE (staff_id, request_date)
);
