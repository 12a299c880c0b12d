-- 0027 one-off changes to a theatre template's pattern: a date the list
-- does not run (a training day, a theatre closed for maintenance) or an
-- extra list, as clinic templates have; making sessions skips or adds them.
CREATE TABLE theatre_template_exception (
    template_id BIGINT NOT NULL REFERENCES theatre_template (id),
    exc_date    DATE NOT NULL,
    extra       BOOLEAN NOT NULL DEFAULT FALSE,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (template_id, exc_date)
);
