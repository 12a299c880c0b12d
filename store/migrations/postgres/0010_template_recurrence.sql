-- 0010 template recurrence: templates may recur every few weeks or in
-- chosen weeks of the month, skip bank holidays unless they run on them,
-- and carry one-off closures and extra sessions (package calendar).
ALTER TABLE clinic_template ADD COLUMN every_weeks INTEGER NOT NULL DEFAULT 1;
ALTER TABLE clinic_template ADD COLUMN weeks_of_month TEXT NOT NULL DEFAULT '';
ALTER TABLE clinic_template ADD COLUMN open_on_bank_holidays BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE template_exception (
    template_id    BIGINT NOT NULL REFERENCES clinic_template (id),
    exception_date DATE NOT NULL,
    extra          BOOLEAN NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (template_id, exception_date)
);
