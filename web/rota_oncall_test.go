package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// The on-call page shows the work recorded, the rest figures with met or
// not met in words (TS-148: 4 h continuous night rest is not met) and the
// next duty to review; the form is there only for those who manage rotas.
func TestRotaOnCallPage(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	d := fixtureRotaView(e.today()).Rota.From.AddDays(1)
	path := "/rotas/7/on-call/2/" + d.String()
	w := e.get(path, "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Non-resident on call", "Dr B Birch", "Rest not met", "Not met", "23 h (8 h)", "4 h (5 h continuous)",
		"Called in: sepsis", "To review", "Record the work", `type="datetime-local"`, `name="csrf_token"`)
	w = e.get(path, "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if strings.Contains(w.Body.String(), "Record the work") {
		t.Error("a booking officer is offered the form")
	}
	wantStatus(t, e.get("/rotas/7/on-call/2/"+d.AddDays(1).String(), "tok-rota"), http.StatusNotFound)
	wantStatus(t, e.get("/rotas/7/on-call/2/someday", "tok-rota"), http.StatusNotFound)
	w = e.get("/rotas/7", "tok-rota")
	wantBody(t, w, `id="rota-on-call"`, "Rest not met", "next duty N on", "Record work")
	w = e.get("/cover", "tok-rota")
	wantBody(t, w, `id="cover-reviews"`, "rest not met after on call", "Rest not met after on call: 23 h rest, the longest 4 h", "See the on call")
}

// Recording work: local times are read in Europe/London; a time that is
// not one, or the service's refusal, shows the form again with the error
// summary naming the field and the typed values kept.
func TestOnCallWorkPost(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	d := fixtureRotaView(e.today()).Rota.From.AddDays(1)
	path := "/rotas/7/on-call/2/" + d.String() + "/work"
	var got []elective.OnCallWork
	e.rotas.RecordOnCallWorkFn = func(_ context.Context, id int64, w *elective.OnCallWork) error {
		if w.End.Sub(w.Start) > 6*60*60e9 {
			return elective.Problems{{Field: "start", Message: "The work overlaps work already recorded from 02:00 on 14 Jan to 03:00 on 14 Jan"}}.Err("The work was not recorded: check the fields marked")
		}
		got = append(got, *w)
		return nil
	}
	next := d.AddDays(1).String()
	w := e.post(path, "tok-rota", url.Values{"start": {next + "T04:00"}, "end": {next + "T04:45"}, "note": {"Phone advice"}})
	wantStatus(t, w, http.StatusSeeOther)
	if len(got) != 1 || !got[0].Start.Equal(d.AddDays(1).At(4, 0, e.loc)) || got[0].StaffID != 2 || got[0].Date != d || got[0].Note != "Phone advice" {
		t.Fatalf("recorded %+v", got)
	}
	w = e.post(path, "tok-rota", url.Values{"start": {"4 in the morning"}, "end": {next + "T04:45"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter when the work started", `href="#work-start"`)
	w = e.post(path, "tok-rota", url.Values{"start": {d.String() + "T22:00"}, "end": {next + "T06:00"}, "note": {"Busy night"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "overlaps work already recorded", `href="#work-start"`, "Busy night", d.String()+"T22:00")
	if len(got) != 1 {
		t.Errorf("refused work was recorded: %+v", got)
	}
	w = e.post(path, "tok-rota", url.Values{"start": {next + "T04:00"}, "end": {next + "T04:45"}, "csrf_token": {"wrong"}})
	if w.Code == http.StatusSeeOther || len(got) != 1 {
		t.Errorf("a post without the CSRF token recorded work: %d", w.Code)
	}
}

// The shift-type form: empty breaks take what the length needs (12.5 h:
// 3), a non-resident on call records its expected work, and bad numbers
// are refused naming the field.
func TestShiftTypeCreatePost(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	var got []elective.ShiftType
	e.rotas.CreateShiftTypeFn = func(_ context.Context, st *elective.ShiftType) error {
		if err := st.Validate(); err != nil {
			return err
		}
		got = append(got, *st)
		return nil
	}
	base := url.Values{"team": {"Surgery residents"}, "code": {"N2"}, "name": {"Night"}, "start": {"20:30"}, "hours": {"12.5"}}
	with := func(kv ...string) url.Values {
		v := url.Values{}
		for k, x := range base {
			v[k] = x
		}
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	wantStatus(t, e.post("/rota-setup/shift-types", "tok-rota", with()), http.StatusSeeOther)
	wantStatus(t, e.post("/rota-setup/shift-types", "tok-rota", with("code", "OC", "hours", "24", "non_resident", "1", "expected_work", "4", "breaks", "0")), http.StatusSeeOther)
	if len(got) != 2 || got[0].Breaks != 3 || got[0].NonResident || !got[1].NonResident || got[1].ExpectedWorkMinutes != 240 || got[1].Minutes != 1440 {
		t.Fatalf("created %+v", got)
	}
	for _, c := range []struct {
		form url.Values
		says string
	}{
		{with("breaks", "two"), "Enter the number of 30-minute breaks as a whole number"},
		{with("breaks", "-1"), "Enter the number of 30-minute breaks, 0 or more"},
		{with("breaks", "25"), "25 breaks of 30 minutes do not fit"},
		{with("expected_work", "4"), "Only a non-resident on-call shift has expected work"},
		{with("non_resident", "1", "expected_work", "lots"), "Enter the work expected on call in hours"},
	} {
		w := e.post("/rota-setup/shift-types", "tok-rota", c.form)
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, c.says, "There is a problem")
	}
	if len(got) != 2 {
		t.Errorf("refused shift types were created: %+v", got[2:])
	}
}

// Work entered in error is removed from the on-call page: the row's Remove
// link opens a form asking why; without a reason it is refused, naming the
// field and changing nothing; with one the service removes that stretch
// and the page is shown again at the rest. Only those who may record work
// are offered it.
func TestOnCallWorkRemove(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	d := fixtureRotaView(e.today()).Rota.From.AddDays(1)
	page := "/rotas/7/on-call/2/" + d.String()
	type removal struct {
		rota, work int64
		reason     string
	}
	var got []removal
	e.rotas.RemoveOnCallWorkFn = func(_ context.Context, id, workID int64, reason string) error {
		if err := (&elective.OnCallWork{}).ValidateRemoval(reason); err != nil {
			return err
		}
		got = append(got, removal{id, workID, reason})
		return nil
	}
	w := e.get(page, "tok-rota")
	wantBody(t, w, `href="`+page+`?remove=1#remove-work"`)
	wantNoBody(t, w, `id="remove-work"`)
	w = e.get(page+"?remove=1", "tok-rota")
	wantBody(t, w, `id="remove-work"`, `action="`+page+`/work/1/remove"`, "Remove work entered in error", "Called in: sepsis",
		"Why is it removed?", "Remove the work", `name="csrf_token"`)
	w = e.get(page+"?remove=1", "tok-officer")
	wantNoBody(t, w, `id="remove-work"`, "?remove=1")

	w = e.post(page+"/work/1/remove", "tok-rota", url.Values{"reason": {"  "}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "The work was not removed", "Say why the work is removed", `href="#remove-reason"`, `id="remove-work"`)
	w = e.post(page+"/work/1/remove", "tok-rota", url.Values{"reason": {"Recorded against the wrong doctor"}})
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != page+"#on-call-rest" {
		t.Errorf("redirect to %q", loc)
	}
	if len(got) != 1 || got[0] != (removal{7, 1, "Recorded against the wrong doctor"}) {
		t.Errorf("removed %+v", got)
	}
	removed := withOnCall(fixtureRotaView(e.today()), e.loc).OnCall[0]
	removed.Work[0].Removed, removed.Work[0].RemovedBy, removed.Work[0].RemovedReason = e.now, "Rita Rota", "Recorded against the wrong doctor"
	removed.Work, removed.Removed, removed.Met = nil, removed.Work, true
	e.rotas.FindOnCallDutyFn = func(context.Context, int64, int64, elective.Date) (*elective.OnCallDuty, error) { return &removed, nil }
	w = e.get(page, "tok-officer")
	wantBody(t, w, "Removed as entered in error", `id="on-call-removed-table"`, "Called in: sepsis", "Rita Rota",
		"Recorded against the wrong doctor", "No work recorded", "Rest met")
	wantStatus(t, e.post(page+"/work/one/remove", "tok-rota", url.Values{"reason": {"x"}}), http.StatusNotFound)
	w = e.post(page+"/work/1/remove", "tok-rota", url.Values{"reason": {"x"}, "csrf_token": {"wrong"}})
	if w.Code == http.StatusSeeOther || len(got) != 1 {
		t.Errorf("a post without the CSRF token removed work: %d", w.Code)
	}
}
