-- 0003 ptl_unbooked: the booking office's default view is the patients
-- with nothing booked, in priority then waiting order. Partial indexes over
-- just those rows let the list and its count skip every booked row.
CREATE INDEX ptl_unbooked ON ptl_entry (org_id, list_type, priority_rank, clock_start) WHERE next_activity IS NULL;
CREATE INDEX ptl_unbooked_specialty ON ptl_entry (org_id, specialty_id, list_type, priority_rank, clock_start) WHERE next_activity IS NULL;
