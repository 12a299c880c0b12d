-- 0011 referral received: capacity against demand counts each specialty's
-- referrals by the week they were received.
CREATE INDEX referral_specialty_received ON referral (specialty_id, received_date);
