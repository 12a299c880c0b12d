-- 0011 referral received: capacity against demand counts each specialty's
-- referrals by the week they were received; the free-slot list of a
-- specialty (both slot types) reads its slots in start order.
CREATE INDEX referral_specialty_received ON referral (specialty_id, received_date);
CREATE INDEX slot_specialty_start ON slot (specialty_id, start_at);
