-- 0016 booking rules: a template slot, and each slot made from it, may be
-- ring-fenced for urgent or two-week-wait referrals until it is released
-- (clinic.urgentReleaseDays before the session), and may be local only:
-- never offered in e-RS.
ALTER TABLE template_slot ADD COLUMN reserved TEXT NOT NULL DEFAULT '';
ALTER TABLE template_slot ADD COLUMN local_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE slot ADD COLUMN reserved TEXT NOT NULL DEFAULT '';
ALTER TABLE slot ADD COLUMN local_only INTEGER NOT NULL DEFAULT 0;
