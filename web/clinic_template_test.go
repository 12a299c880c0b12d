package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/openelective/elective"
)

func TestTemplateCreate(t *testing.T) {
	e := newTestEnv(t)
	form := url.Values{"code": {"orth-new"}, "name": {"Knee clinic"}, "clinician_id": {"10"}, "site_id": {"100"},
		"weekday": {"1"}, "start": {"09:30"}, "pattern": {"month"}, "effective_from": {"2027-01-04"},
		"new_slots": {"3"}, "new_minutes": {"20"}, "fu_slots": {"2"}, "fu_minutes": {"15"}}
	w := e.post("/templates", "tok-admin", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Tick the weeks of the month")
	var got *elective.ClinicTemplate
	e.clinics.CreateClinicTemplateFn = func(_ context.Context, t *elective.ClinicTemplate) error {
		got, t.ID = t, 9
		return t.Validate()
	}
	e.clinics.GenerateSessionsFn = func(context.Context, elective.Date, elective.Date) (int, error) { return 4, nil }
	form["weeks"] = []string{"1", "-1"}
	w = e.post("/templates", "tok-admin", form)
	wantRedirect(t, w, "/templates/9")
	if got.Code != "ORTH-NEW" || got.SpecialtyID != 1 || got.Weekday != time.Monday || got.StartMinute != 570 ||
		len(got.WeeksOfMonth) != 2 || got.WeeksOfMonth[1] != -1 || len(got.Slots) != 5 || got.Slots[4].Type != elective.SlotFollowUp {
		t.Errorf("template %+v", got)
	}
	// Booking rules: the first 2 new slots held for two-week waits; new
	// slots local only (the e-RS box unticked); follow-ups never in e-RS.
	form["held_slots"], form["held_for"] = []string{"2"}, []string{"two-week-wait"}
	wantRedirect(t, e.post("/templates", "tok-admin", form), "/templates/9")
	if got.Slots[0].Reserved != elective.PriorityTwoWeekWait || got.Slots[1].Reserved != elective.PriorityTwoWeekWait ||
		got.Slots[2].Reserved != "" || !got.Slots[0].LocalOnly || !got.Slots[4].LocalOnly {
		t.Errorf("booking rules: %+v", got.Slots)
	}
	form["ers"] = []string{"1"}
	wantRedirect(t, e.post("/templates", "tok-admin", form), "/templates/9")
	if got.Slots[0].LocalOnly || !got.Slots[4].LocalOnly {
		t.Errorf("e-RS bookable new slots: %+v", got.Slots)
	}
	form["held_slots"] = []string{"4"}
	w = e.post("/templates", "tok-admin", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter how many of the 3 new slots are held")
	wantStatus(t, e.post("/templates", "tok-officer", form), http.StatusForbidden)
}

func TestTemplateException(t *testing.T) {
	e := newTestEnv(t)
	e.clinics.FindClinicTemplateFn = func(context.Context, int64) (*elective.ClinicTemplate, error) {
		return &elective.ClinicTemplate{ID: 9, Code: "ORTH-MON", Weekday: time.Monday, EffectiveFrom: e.today(),
			Slots: []elective.TemplateSlot{{Type: elective.SlotNew, Minutes: 20}}}, nil
	}
	w := e.get("/templates/9", "tok-admin")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Every Monday", "Monday 28 December 2026: Bank holiday: Boxing Day (substitute day)")
	e.clinics.AddTemplateExceptionFn = func(context.Context, int64, elective.TemplateException) error {
		return elective.Errorf(elective.ECONFLICT, "This clinic already has a session on 30 Nov 2026")
	}
	w = e.post("/templates/9/exceptions", "tok-admin", url.Values{"date": {"2026-11-30"}, "extra": {"0"}})
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "already has a session")
}

// TestTemplateEnd: choosing a last date previews the sessions and patients
// ending the clinic would cancel; ending it sends the manager to the
// rebooking worklist; a refusal comes back on the page.
func TestTemplateEnd(t *testing.T) {
	e := newTestEnv(t)
	e.clinics.FindClinicTemplateFn = func(context.Context, int64) (*elective.ClinicTemplate, error) {
		return &elective.ClinicTemplate{ID: 9, Code: "ORTH-MON", SpecialtyID: 1, Weekday: time.Monday, EffectiveFrom: e.today(),
			Slots: []elective.TemplateSlot{{Type: elective.SlotNew, Minutes: 20}}}, nil
	}
	sess := &elective.ClinicSession{ID: 50, Date: e.today().AddDays(7), Start: e.today().AddDays(7).At(9, 0, e.loc), Status: elective.SessionOpen}
	var previewed elective.Date
	e.cascade.PreviewTemplateEndFn = func(_ context.Context, id int64, last elective.Date) (*elective.TemplateChange, error) {
		previewed = last
		return &elective.TemplateChange{Sessions: []*elective.SessionChange{{Session: sess, Booked: fixturePTLEntries()[:1]}},
			Displaced: 1, NeedsApproval: true, NoticeDays: 42}, nil
	}
	w := e.get("/templates/9?last="+e.today().String(), "tok-admin")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "1 sessions would be cancelled, displacing 1 patients", "needs a booking manager", "and rebook 1 patients")
	if previewed != e.today() {
		t.Errorf("previewed %s", previewed)
	}
	var got *elective.TemplateEnd
	e.cascade.EndTemplateFn = func(_ context.Context, x *elective.TemplateEnd) (int, error) {
		got = x
		if x.Reason == elective.CancelForOther {
			return 0, elective.Errorf(elective.EFORBIDDEN, "needs a booking manager's approval")
		}
		return 1, nil
	}
	form := url.Values{"last": {e.today().String()}, "reason": {"leave"}, "specialty_id": {"1"}}
	wantRedirect(t, e.post("/templates/9/end", "tok-admin", form), "/displaced?specialty_id=1")
	if got.TemplateID != 9 || got.Last != e.today() || got.Reason != elective.CancelForLeave {
		t.Errorf("end = %+v", got)
	}
	form.Set("reason", "other")
	w = e.post("/templates/9/end", "tok-admin", form)
	wantStatus(t, w, http.StatusForbidden)
	wantBody(t, w, "needs a booking manager&#39;s approval")
}
