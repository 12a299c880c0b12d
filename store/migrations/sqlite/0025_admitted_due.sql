-- 0025 the date each admitted-list entry's priority time limit runs out
-- (AdmittedListEntry.DueBy, rules.md 2.4; NULL for P4, which has none),
-- stored when the entry is listed so that the booking order and the
-- patients at risk are read in order from an index instead of sorting a
-- large trust's whole list in Go. Existing entries are filled from their
-- priority's limit: P1a 1 day, P1b 3, P2 28, P3 91.
ALTER TABLE admitted_entry ADD COLUMN due_date TEXT;
UPDATE admitted_entry SET due_date = CASE priority
    WHEN 'P1a' THEN date(listed_date, '+1 day')
    WHEN 'P1b' THEN date(listed_date, '+3 days')
    WHEN 'P2' THEN date(listed_date, '+28 days')
    WHEN 'P3' THEN date(listed_date, '+91 days')
    END;
CREATE INDEX admitted_entry_due ON admitted_entry (status, due_date, listed_date, id);
