-- 0008 session cancellation: the clinic list of a specialty is a date
-- range of its sessions, and a session's booked patients are found from
-- the session, whether to show how full it is or to cancel it.
CREATE INDEX session_specialty_date ON clinic_session (specialty_id, session_date);
CREATE INDEX appointment_session ON appointment (session_id, status);
