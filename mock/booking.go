package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.BookingService = (*BookingService)(nil)

// BookingService is a mock of elective.BookingService.
type BookingService struct {
	BookAppointmentFn           func(ctx context.Context, req *elective.BookingRequest) (*elective.Appointment, error)
	RecordOutcomeFn             func(ctx context.Context, o *elective.AppointmentOutcome) (*elective.Appointment, error)
	FindAppointmentByIDFn       func(ctx context.Context, id int64) (*elective.Appointment, error)
	FindAppointmentsByPatientFn func(ctx context.Context, patientID int64) ([]*elective.Appointment, error)
	WaitingForFn                func(ctx context.Context, pathwayID int64) (elective.ListType, error)
	RescheduleFn                func(ctx context.Context, req *elective.RescheduleRequest) (*elective.Appointment, error)
	CorrectOutcomeFn            func(ctx context.Context, o *elective.AppointmentOutcome) (*elective.Appointment, error)
}

// CorrectOutcome calls CorrectOutcomeFn.
func (s *BookingService) CorrectOutcome(ctx context.Context, o *elective.AppointmentOutcome) (*elective.Appointment, error) {
	return s.CorrectOutcomeFn(ctx, o)
}

// WaitingFor calls WaitingForFn.
func (s *BookingService) WaitingFor(ctx context.Context, pathwayID int64) (elective.ListType, error) {
	return s.WaitingForFn(ctx, pathwayID)
}

// Reschedule calls RescheduleFn.
func (s *BookingService) Reschedule(ctx context.Context, req *elective.RescheduleRequest) (*elective.Appointment, error) {
	return s.RescheduleFn(ctx, req)
}

// BookAppointment calls BookAppointmentFn.
func (s *BookingService) BookAppointment(ctx context.Context, req *elective.BookingRequest) (*elective.Appointment, error) {
	return s.BookAppointmentFn(ctx, req)
}

// RecordOutcome calls RecordOutcomeFn.
func (s *BookingService) RecordOutcome(ctx context.Context, o *elective.AppointmentOutcome) (*elective.Appointment, error) {
	return s.RecordOutcomeFn(ctx, o)
}

// FindAppointmentByID calls FindAppointmentByIDFn.
func (s *BookingService) FindAppointmentByID(ctx context.Context, id int64) (*elective.Appointment, error) {
	return s.FindAppointmentByIDFn(ctx, id)
}

// FindAppointmentsByPatient calls FindAppointmentsByPatientFn.
func (s *BookingService) FindAppointmentsByPatient(ctx context.Context, patientID int64) ([]*elective.Appointment, error) {
	return s.FindAppointmentsByPatientFn(ctx, patientID)
}
