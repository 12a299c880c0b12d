-- 0005 policy_profile: the local choices the national rules leave to a
-- trust (rules.md section 5), versioned. The newest version is in force;
-- older ones stay, so every change says who made it, when and why, and a
-- rebuild applies it to every clock.
CREATE TABLE policy_profile (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    settings   TEXT NOT NULL, -- key=value lines, sorted
    reason     TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
