-- 0013 triage: clinical triage of referrals. Referrals already held
-- count as accepted; new ones await a clinician, due by priority.
ALTER TABLE referral ADD COLUMN triage_status TEXT NOT NULL DEFAULT 'accepted';
ALTER TABLE referral ADD COLUMN triage_due DATE;
ALTER TABLE referral ADD COLUMN triaged_at TIMESTAMPTZ;
ALTER TABLE referral ADD COLUMN triaged_by BIGINT;
ALTER TABLE referral ADD COLUMN triage_note TEXT NOT NULL DEFAULT '';
CREATE INDEX referral_triage ON referral (triage_status, specialty_id, triage_due);
