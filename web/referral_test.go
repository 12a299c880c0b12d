package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

// validReferralForm is a complete paper referral received today.
func validReferralForm() url.Values {
	return url.Values{
		"nhs_number": {"999 123 4578"}, "title": {"Mrs"}, "given_name": {"Jane"}, "family_name": {"Smith"},
		"birth_date_day": {"15"}, "birth_date_month": {"3"}, "birth_date_year": {"1950"}, "sex": {"2"},
		"address_line1": {"1 High Street"}, "town": {"Anytown"}, "postcode": {"an1 1aa"},
		"gp_practice": {"a81001"}, "alerts": {"interpreter", "transport"}, "interpreter_language": {"Polish"},
		"specialty_id": {"1"}, "clinician_id": {"10"}, "priority": {"routine"}, "source": {"paper"},
		"received_date_day": {"23"}, "received_date_month": {"11"}, "received_date_year": {"2026"},
		"reason": {"Knee pain"},
	}
}

// stubRegister makes RegisterReferral validate like the real service.
func (e *testEnv) stubRegister(got **elective.ReferralRegistration) {
	e.refs.RegisterReferralFn = func(_ context.Context, reg *elective.ReferralRegistration) (*elective.Referral, error) {
		*got = reg
		if err := reg.Validate(e.today()); err != nil {
			return nil, err
		}
		return &elective.Referral{ID: 5, PatientID: 42, PathwayID: 7}, nil
	}
}

func TestReferralNew(t *testing.T) {
	e := newTestEnv(t)
	w := e.get("/referrals/new", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `name="received_date_day" type="text" inputmode="numeric" value="23"`,
		`name="received_date_year" type="text" inputmode="numeric" value="2026"`,
		`value="csrf-tok-officer"`, "Trauma and orthopaedics (110)", "Ms A Okafor", "e-Referral Service (UBRN converted)")
}

func TestReferralCreate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		e := newTestEnv(t)
		var reg *elective.ReferralRegistration
		e.stubRegister(&reg)
		w := e.post("/referrals", "tok-officer", validReferralForm())
		wantRedirect(t, w, "/patients/42")
		if reg.Patient.NHSNumber != "9991234578" || reg.Patient.BirthDate != elective.MustParseDate("1950-03-15") ||
			reg.Referral.ReceivedDate != e.today() || reg.Referral.ClinicianID != 10 || reg.Patient.Address.Postcode != "AN1 1AA" {
			t.Errorf("registration = %+v", reg)
		}
		if len(reg.Patient.Alerts) != 2 || reg.Patient.Alerts[0] != (elective.Alert{Kind: elective.AlertInterpreter, Detail: "Polish"}) {
			t.Errorf("alerts = %+v", reg.Patient.Alerts)
		}
		flash := cookie(w, flashCookie)
		if flash == nil {
			t.Fatal("no flash cookie")
		}
		e.stubPatientRecord()
		r := newGet("/patients/42", "tok-officer", flash)
		page := e.do(r)
		wantStatus(t, page, http.StatusOK)
		wantBody(t, page, "Referral registered")
	})
	t.Run("ErrInvalidNHSNumber", func(t *testing.T) {
		e := newTestEnv(t)
		var reg *elective.ReferralRegistration
		e.stubRegister(&reg)
		form := validReferralForm()
		form.Set("nhs_number", "999 123 4579")
		w := e.post("/referrals", "tok-officer", form)
		wantStatus(t, w, http.StatusUnprocessableEntity)
		if reg == nil {
			t.Fatal("the service was not asked to validate")
		}
		wantBody(t, w, `class="nhsuk-error-summary"`, `role="alert"`, `href="#nhs-number"`,
			"the check digit is wrong", `id="nhs-number-error"`, `nhsuk-form-group--error`,
			`value="999 123 4579"`, `value="Jane"`, `value="Polish"`, `value="routine" checked`)
	})
	t.Run("ErrNotADate", func(t *testing.T) {
		e := newTestEnv(t)
		e.refs.RegisterReferralFn = func(context.Context, *elective.ReferralRegistration) (*elective.Referral, error) {
			t.Fatal("RegisterReferral called with a date that is not a date")
			return nil, nil
		}
		form := validReferralForm()
		form.Set("birth_date_day", "31")
		form.Set("birth_date_month", "2")
		form.Del("given_name")
		w := e.post("/referrals", "tok-officer", form)
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, `href="#birth-date-day"`, "Date of birth must be a real date", `href="#given-name"`,
			"Enter the patient&#39;s given name", `value="31"`)
		wantNoBody(t, w, "Enter the patient&#39;s date of birth")
	})
	t.Run("ErrConflict", func(t *testing.T) {
		e := newTestEnv(t)
		e.refs.RegisterReferralFn = func(context.Context, *elective.ReferralRegistration) (*elective.Referral, error) {
			return nil, &elective.Error{Code: elective.ECONFLICT, Message: "The referral was not saved. Correct the problems below.",
				Fields: []elective.FieldError{{Field: "ubrn", Message: "A referral with UBRN 000000000123 is already registered"}}}
		}
		form := validReferralForm()
		form.Set("ubrn", "000000000123")
		w := e.post("/referrals", "tok-officer", form)
		wantStatus(t, w, http.StatusConflict)
		wantBody(t, w, `href="#ubrn"`, "is already registered", `id="ubrn-error"`, `value="000000000123"`)
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		e := newTestEnv(t)
		e.refs.RegisterReferralFn = func(context.Context, *elective.ReferralRegistration) (*elective.Referral, error) {
			return nil, elective.Errorf(elective.EFORBIDDEN, "Your role (Rota coordinator) does not allow this")
		}
		w := e.post("/referrals", "tok-rota", validReferralForm())
		wantStatus(t, w, http.StatusForbidden)
		wantBody(t, w, "does not allow this")
	})
}

func TestDateParts(t *testing.T) {
	for _, tc := range []struct {
		in   DateParts
		want elective.Date
		ok   bool
	}{
		{DateParts{}, elective.Date{}, true},
		{DateParts{"15", "3", "1950"}, elective.MustParseDate("1950-03-15"), true},
		{DateParts{"29", "2", "2028"}, elective.MustParseDate("2028-02-29"), true},
		{DateParts{"29", "2", "2027"}, elective.Date{}, false},
		{DateParts{"31", "4", "2026"}, elective.Date{}, false},
		{DateParts{"1", "13", "2026"}, elective.Date{}, false},
		{DateParts{"1", "1", "26"}, elective.Date{}, false},
		{DateParts{"x", "1", "2026"}, elective.Date{}, false},
		{DateParts{"", "1", "2026"}, elective.Date{}, false},
	} {
		got, ok := tc.in.Date()
		if got != tc.want || ok != tc.ok {
			t.Errorf("%+v.Date() = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
