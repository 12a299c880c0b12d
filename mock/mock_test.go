package mock_test

import (
	"context"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/mock"
)

// TestDelegation checks that a mock method calls its function field with
// its arguments and returns its results.
func TestDelegation(t *testing.T) {
	ctx := context.Background()
	want := &elective.Patient{ID: 42}
	var gotID int64
	ps := &mock.PatientService{FindPatientByIDFn: func(_ context.Context, id int64) (*elective.Patient, error) {
		gotID = id
		return want, nil
	}}
	if p, err := ps.FindPatientByID(ctx, 42); p != want || err != nil || gotID != 42 {
		t.Errorf("FindPatientByID = %v, %v (id %d)", p, err, gotID)
	}

	conflict := elective.Errorf(elective.ECONFLICT, "taken")
	bs := &mock.BookingService{BookAppointmentFn: func(_ context.Context, req *elective.BookingRequest) (*elective.Appointment, error) {
		if req.SlotID != 7 {
			t.Errorf("SlotID = %d", req.SlotID)
		}
		return nil, conflict
	}}
	if _, err := bs.BookAppointment(ctx, &elective.BookingRequest{SlotID: 7}); err != conflict {
		t.Errorf("BookAppointment error = %v", err)
	}

	census := elective.MustParseDate("2026-11-23")
	ws := &mock.WaitingListService{FindPTLFn: func(_ context.Context, f elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
		return nil, 3, nil
	}}
	if _, n, _ := ws.FindPTL(ctx, elective.PTLFilter{Census: census}); n != 3 {
		t.Errorf("FindPTL total = %d", n)
	}

	wl := &mock.WorklistService{FindWorklistFn: func(_ context.Context, f elective.WorklistFilter) ([]*elective.WorklistEntry, int, map[elective.WorklistKind]int, error) {
		return nil, 2, map[elective.WorklistKind]int{f.Kind: 2}, nil
	}}
	if _, n, counts, _ := wl.FindWorklist(ctx, elective.WorklistFilter{Kind: elective.WorkNoNextStep}); n != 2 || counts[elective.WorkNoNextStep] != 2 {
		t.Errorf("FindWorklist = %d, %v", n, counts)
	}

	var gotV *elective.Validation
	pw := &mock.PathwayService{RecordValidationFn: func(_ context.Context, v *elective.Validation) error {
		gotV = v
		return conflict
	}}
	v := &elective.Validation{PathwayID: 7, Result: elective.ValidationConfirmed}
	if err := pw.RecordValidation(ctx, v); err != conflict || gotV != v {
		t.Errorf("RecordValidation = %v (got %v)", err, gotV)
	}
}

// TestUnsetField checks that calling a method whose field is unset panics,
// so a test notices a call it did not expect.
func TestUnsetField(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("calling an unset function field did not panic")
		}
	}()
	(&mock.UserService{}).FindUsers(context.Background())
}
