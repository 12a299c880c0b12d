package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// localInput is the layout of a datetime-local input's value.
const localInput = "2006-01-02T15:04"

// RotaOnCallPage is one non-resident on-call duty: the work recorded on
// it, what the rest expectation says about each 24 hours (rules.md 4.3;
// TS-148), the next duty, and a form to record more work. Remove, set from
// ?remove= (a row's Remove link), is the stretch the removal form is for,
// with the reason typed.
type RotaOnCallPage struct {
	Page
	OnCall *elective.OnCallDuty
	Form   OnCallWorkForm
	// Min and Max bound the form's times: the duty's span, local.
	Min, Max string
	Remove   *elective.OnCallWork
	Reason   string
	Errors   FormErrors
}

func (*RotaOnCallPage) templateName() string { return "rota/oncall" }

// OnCallWorkForm is a stretch of work as typed: local date-times.
type OnCallWorkForm struct {
	Start, End, Note string
}

// URL is the page's own address.
func (p *RotaOnCallPage) URL() string {
	return onCallURL(p.OnCall.Rota.ID, p.OnCall.Duty.StaffID, p.OnCall.Duty.Date)
}

func onCallURL(rotaID, staffID int64, d elective.Date) string {
	return rotaURL(rotaID) + "/on-call/" + strconv.FormatInt(staffID, 10) + "/" + d.String()
}

// onCallPath reads the rota, staff member and date of an on-call page.
func onCallPath(r *http.Request) (id, staffID int64, d elective.Date, err error) {
	if id, err = pathID(r); err != nil {
		return 0, 0, d, err
	}
	staffID, serr := strconv.ParseInt(r.PathValue("staff"), 10, 64)
	d, derr := elective.ParseDate(r.PathValue("date"))
	if serr != nil || derr != nil {
		return 0, 0, d, elective.Errorf(elective.ENOTFOUND, "No such on-call duty")
	}
	return id, staffID, d, nil
}

func (s *Server) handleRotaOnCall(w http.ResponseWriter, r *http.Request) error {
	p, err := s.rotaOnCallPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) rotaOnCallPage(r *http.Request) (*RotaOnCallPage, error) {
	id, staffID, d, err := onCallPath(r)
	if err != nil {
		return nil, err
	}
	oc, err := s.svc.Rotas.FindOnCallDuty(r.Context(), id, staffID, d)
	if err != nil {
		return nil, err
	}
	loc := s.cfg.Location
	p := &RotaOnCallPage{OnCall: oc, Min: oc.Start.In(loc).Format(localInput), Max: oc.End.In(loc).Format(localInput)}
	p.Form = OnCallWorkForm{Start: p.Min, End: p.Min}
	p.chooseRemoval(formInt64(r.URL.Query().Get("remove")))
	p.Title, p.Nav = "On call: "+oc.Duty.StaffName+", "+d.Format("2 Jan 2006"), NavRotas
	return p, nil
}

// handleOnCallWorkCreate records a stretch of work on the duty.
func (s *Server) handleOnCallWorkCreate(w http.ResponseWriter, r *http.Request) error {
	id, staffID, d, err := onCallPath(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := OnCallWorkForm{Start: v("start"), End: v("end"), Note: v("note")}
	work := &elective.OnCallWork{StaffID: staffID, Date: d, Note: f.Note}
	if work.Start, err = time.ParseInLocation(localInput, f.Start, s.cfg.Location); err != nil {
		err = fieldErr("start", "Enter when the work started, as a date and time")
	} else if work.End, err = time.ParseInLocation(localInput, f.End, s.cfg.Location); err != nil {
		err = fieldErr("end", "Enter when the work ended, as a date and time")
	} else {
		err = s.svc.Rotas.RecordOnCallWork(r.Context(), id, work)
	}
	if err == nil {
		return s.redirectWithFlash(w, r, onCallURL(id, staffID, d)+"#on-call-work", fmt.Sprintf("Work recorded: %s to %s",
			work.Start.In(s.cfg.Location).Format("15:04"), work.End.In(s.cfg.Location).Format("15:04 on 2 Jan")))
	}
	if elective.ErrorCode(err) != elective.EINVALID {
		return err
	}
	p, perr := s.rotaOnCallPage(r)
	if perr != nil {
		return perr
	}
	p.Form, p.Errors = f, newFormErrors(err, map[string]string{"start": "work-start", "end": "work-end", "note": "work-note"})
	return s.render(w, r, httpStatus(err), p)
}

// chooseRemoval sets the stretch the removal form is for; one not counted
// on the duty (removed already, or another's) is ignored.
func (p *RotaOnCallPage) chooseRemoval(workID int64) {
	for i := range p.OnCall.Work {
		if p.OnCall.Work[i].ID == workID {
			p.Remove = &p.OnCall.Work[i]
		}
	}
}

// handleOnCallWorkRemove removes a stretch of work entered in error, with
// the reason; the rest is worked out again without it.
func (s *Server) handleOnCallWorkRemove(w http.ResponseWriter, r *http.Request) error {
	id, staffID, d, err := onCallPath(r)
	if err != nil {
		return err
	}
	workID, err := strconv.ParseInt(r.PathValue("work"), 10, 64)
	if err != nil {
		return elective.Errorf(elective.ENOTFOUND, "No such work recorded on this rota")
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	err = s.svc.Rotas.RemoveOnCallWork(r.Context(), id, workID, reason)
	if err == nil {
		return s.redirectWithFlash(w, r, onCallURL(id, staffID, d)+"#on-call-rest",
			"Work removed as entered in error: the rest is worked out again without it")
	}
	if elective.ErrorCode(err) != elective.EINVALID {
		return err
	}
	p, perr := s.rotaOnCallPage(r)
	if perr != nil {
		return perr
	}
	p.chooseRemoval(workID)
	p.Reason, p.Errors = reason, newFormErrors(err, map[string]string{"reason": "remove-reason"})
	return s.render(w, r, httpStatus(err), p)
}
