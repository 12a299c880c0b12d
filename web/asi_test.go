package web

import (
	"context"
	"net/http"
	"testing"

	"github.com/openelective/elective"
)

// TestASIIndex: the worklist asks for unbooked e-RS ASI referrals in
// booking order and marks those past their booking window.
func TestASIIndex(t *testing.T) {
	e := newTestEnv(t)
	var got elective.PTLFilter
	e.waitlist.FindPTLFn = func(_ context.Context, f elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
		got = f
		entries := fixturePTLEntries()[:1]
		entries[0].ClockStart = e.today().AddDays(-200) // far past a routine window
		return entries, 1, nil
	}
	w := e.get("/asi", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	want := elective.PTLFilter{Source: elective.SourceERSASI, Booked: "no", Sort: elective.SortPriority, Census: e.today(), Limit: perPage}
	if got != want {
		t.Errorf("filter = %+v, want %+v", got, want)
	}
	wantBody(t, w, "Appointment slot issues", "Closed", "app-row--breached", `/pathways/`)
}

// TestReferralConvertERS: the convert button calls ReceiveERS with today's
// date and the e-RS source, and says whether the UBRN was booked or
// deferred.
func TestReferralConvertERS(t *testing.T) {
	for _, tt := range []struct {
		name  string
		appt  *elective.Appointment
		flash string
	}{
		{"booked", &elective.Appointment{ID: 9}, "UBRN converted: booked for"},
		{"deferred", nil, "the UBRN is on the appointment slot issues worklist"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := newTestEnv(t)
			e.stubPatientRecord()
			var reg *elective.ReferralRegistration
			e.refs.ReceiveERSFn = func(_ context.Context, r *elective.ReferralRegistration) (*elective.Referral, *elective.Appointment, error) {
				reg = r
				ref := r.Referral
				ref.PatientID, ref.Source = 42, elective.SourceERSASI
				if tt.appt != nil {
					ref.Source, tt.appt.Start = elective.SourceERS, e.now.AddDate(0, 0, 10)
				}
				return &ref, tt.appt, nil
			}
			form := validReferralForm()
			form.Set("source", "paper")
			form.Set("ubrn", "000123456781")
			form.Set("ers", "convert")
			w := e.post("/referrals", "tok-officer", form)
			wantRedirect(t, w, "/patients/42")
			if reg == nil || reg.Referral.Source != elective.SourceERS || reg.Referral.ReceivedDate != e.today() {
				t.Fatalf("registration = %+v", reg)
			}
			r := newGet("/patients/42", "tok-officer", cookie(w, flashCookie))
			wantBody(t, e.do(r), tt.flash)
		})
	}
}
