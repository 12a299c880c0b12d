-- 0027 one-off changes to a theatre template's pattern: a date the list
-- does not run (a training day, a theatre closed for maintenance) or an
-- extra list, as clinic templates have; making sessions skips or adds them.
CREATE TABLE theatre_template_exception (
    template_id INTEGER NOT NULL REFERENCES theatre_template (id),
    exc_date    TEXT NOT NULL,
    extra       INTEGER NOT NULL DEFAULT 0,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    PRIMARY KEY (template_id, exc_date)
);
