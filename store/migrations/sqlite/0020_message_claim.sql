-- 0020 message claim: a dispatcher marks a message it is sending, so a
-- second dispatcher that read the queue meanwhile cannot send it again. A
-- claim older than the lease (a dispatcher that died mid-send) lapses and
-- the message is tried again.
ALTER TABLE message ADD COLUMN claimed_at TEXT;
