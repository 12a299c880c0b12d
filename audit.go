package elective

import (
	"context"
	"time"
)

// AuditEvent records one read or write of patient data: who, what, which
// patient, when and in which request. The trail is append-only.
type AuditEvent struct {
	ID        int64
	At        time.Time
	UserID    int64
	Username  string
	Action    string // e.g. "patient.read", "appointment.book"
	PatientID int64  // 0 for list views that show many patients
	RequestID string
	Detail    string // never patient-identifying: ids and filters only
}

// AuditFilter selects audit events, newest first.
type AuditFilter struct {
	PatientID int64
	NHSNumber string // selects the patient with this NHS number, for audit officers who may not open records
	UserID    int64
	Limit     int
}

// AuditService reads the audit trail; writing happens inside the services
// that touch patient data.
type AuditService interface {
	// FindAuditEvents returns audit events, newest first, and records that
	// the trail was read. Returns EFORBIDDEN unless the user may view the
	// audit trail, ENOTFOUND if no patient has the filter's NHS number.
	FindAuditEvents(ctx context.Context, filter AuditFilter) ([]*AuditEvent, error)
}
