package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// TheatreSessionViewPage is the list builder: one session's cases in
// order, the minutes left, what each case needs, and the patients who could
// fill the rest.
type TheatreSessionViewPage struct {
	Page
	Session    *elective.TheatreSession
	Booked     int
	Remaining  int
	Pct        int // booked share of the session for the bar, capped at 100
	Milestone  theatre.Milestone
	Cases      []ListCaseRow
	Warnings   []theatre.Warning
	Candidates []ListCandidate
	Surgeons   []*elective.Clinician
	OnTheDay   bool // the session is today: cancellations are last-minute
	Errors     FormErrors
}

func (*TheatreSessionViewPage) templateName() string { return "theatre/session" }

// ListCaseRow is a booked case with its readiness.
type ListCaseRow struct {
	Case  *elective.TheatreCase
	Start int // minutes after midnight the case is planned to start
	POA   theatre.POACheck
}

// ListCandidate is a waiting patient who could go on this list, or why not.
type ListCandidate struct {
	Entry   *elective.AdmittedListEntry
	Problem string
}

// listCandidates is how many fitting patients the list builder offers.
const listCandidates = 15

// handleTheatreSessionView shows the list builder.
func (s *Server) handleTheatreSessionView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.theatreSessionView(r, id)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) theatreSessionView(r *http.Request, id int64) (*TheatreSessionViewPage, error) {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	ctx := r.Context()
	ts, err := s.svc.Theatres.FindTheatreSession(ctx, id)
	if err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(ctx)
	if err != nil {
		return nil, err
	}
	today := s.today()
	p := &TheatreSessionViewPage{Session: ts, Booked: ts.BookedMinutes(), Milestone: theatre.MilestoneState(ts, today, s.milestones()),
		Surgeons: lk.cliniciansIn(ts.SpecialtyID), OnTheDay: ts.Date == today}
	p.Remaining = ts.Minutes - p.Booked
	if ts.Minutes > 0 {
		p.Pct = min(100, p.Booked*100/ts.Minutes)
	}
	p.Title, p.Nav, p.Wide = ts.TheatreName+" "+ts.Date.Format("2 Jan 2006")+" "+ts.Period.Label(), NavTheatres, true
	start := ts.StartMinute
	for _, c := range ts.Cases {
		if c.Status != elective.CaseBooked {
			continue
		}
		row := ListCaseRow{Case: c, Start: start}
		if c.Entry != nil {
			row.POA = theatre.CheckPOA(c.Entry.POA, ts.Date)
		}
		p.Cases = append(p.Cases, row)
		start += c.Minutes
	}
	res, err := s.svc.Theatres.FindTheatreResources(ctx)
	if err != nil {
		return nil, err
	}
	if p.Warnings, err = s.dayWarnings(r, ts, res); err != nil {
		return nil, err
	}
	if ts.Status != elective.SessionReleased && ts.Date.After(today) {
		if p.Candidates, err = s.listCandidates(r, ts, res); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// dayWarnings checks the session against the other lists of its day: kit
// used twice at once, beds short, overruns, pre-op problems.
func (s *Server) dayWarnings(r *http.Request, ts *elective.TheatreSession, res *elective.TheatreResources) ([]theatre.Warning, error) {
	day, err := s.svc.Theatres.FindTheatreSessions(r.Context(), elective.TheatreSessionFilter{From: ts.Date, To: ts.Date})
	if err != nil {
		return nil, err
	}
	poa := map[int64]*elective.PreOpAssessment{}
	for _, d := range day {
		for _, c := range d.Cases {
			if c.Entry != nil {
				poa[c.EntryID] = c.Entry.POA
			}
		}
	}
	var out []theatre.Warning
	for _, wn := range theatre.ListWarnings(day, res, func(id int64) *elective.PreOpAssessment { return poa[id] }) {
		if wn.SessionID == ts.ID || wn.SessionID == 0 {
			out = append(out, wn)
		}
	}
	return out, nil
}

// listCandidates offers waiting patients of the session's specialty in
// booking order, each checked by the booking rule (with the mobile kit of
// res).
func (s *Server) listCandidates(r *http.Request, ts *elective.TheatreSession, res *elective.TheatreResources) ([]ListCandidate, error) {
	entries, err := s.svc.Theatres.FindAdmittedEntries(r.Context(), elective.AdmittedFilter{
		SpecialtyID: ts.SpecialtyID, Status: elective.AdmittedWaiting, Limit: 200})
	if err != nil {
		return nil, err
	}
	var out []ListCandidate
	fits := 0
	for _, e := range entries {
		if e.SurgeonID != 0 && e.SurgeonID != ts.SurgeonID {
			continue
		}
		c := ListCandidate{Entry: e}
		// Unavailability is checked again when booking; here the list shows
		// what fits on minutes, kit, list type and POA.
		if err := theatre.CheckCase(ts, ts.Cases, e, e.ExpectedMinutes, nil, res, s.today()); err != nil {
			c.Problem = elective.ErrorMessage(err)
		} else if pc := theatre.CheckPOA(e.POA, ts.Date); !pc.OK {
			c.Problem = pc.Problem
		} else {
			fits++
		}
		out = append(out, c)
		if fits >= listCandidates || len(out) >= 3*listCandidates {
			break
		}
	}
	return out, nil
}

// sessionRefused shows the list builder again with a refusal.
func (s *Server) sessionRefused(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	switch elective.ErrorCode(err) {
	case elective.EINVALID, elective.ECONFLICT, elective.EFORBIDDEN:
	default:
		return err
	}
	p, perr := s.theatreSessionView(r, id)
	if perr != nil {
		return perr
	}
	p.Errors = newFormErrors(err, nil)
	return s.render(w, r, httpStatus(err), p)
}

// sessionAction runs a change to a session and returns to its page.
func (s *Server) sessionAction(w http.ResponseWriter, r *http.Request, do func(id int64) (string, error)) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	msg, err := do(id)
	if err != nil {
		return s.sessionRefused(w, r, id, err)
	}
	return s.redirectWithFlash(w, r, sessionURL(id), msg)
}

// handleSessionStaffing confirms the surgeon and anaesthetist (T-6).
func (s *Server) handleSessionStaffing(w http.ResponseWriter, r *http.Request) error {
	return s.sessionAction(w, r, func(id int64) (string, error) {
		st := elective.SessionStaffing{SessionID: id, SurgeonID: formInt64(r.PostFormValue("surgeon_id")),
			SurgeonConfirmed: r.PostFormValue("surgeon_confirmed") == "yes",
			Anaesthetist:     strings.TrimSpace(r.PostFormValue("anaesthetist")), AnaesthetistConfirmed: r.PostFormValue("anaesthetist_confirmed") == "yes"}
		return "Staffing saved", s.svc.Theatres.ConfirmStaffing(r.Context(), st)
	})
}

// handleSessionRelease gives the session back.
func (s *Server) handleSessionRelease(w http.ResponseWriter, r *http.Request) error {
	return s.sessionAction(w, r, func(id int64) (string, error) {
		return "Session released", s.svc.Theatres.ReleaseSession(r.Context(), id, strings.TrimSpace(r.PostFormValue("reason")))
	})
}

// handleSessionLock locks the list (T-2).
func (s *Server) handleSessionLock(w http.ResponseWriter, r *http.Request) error {
	return s.sessionAction(w, r, func(id int64) (string, error) {
		return "List locked: changes now need a manager", s.svc.Theatres.LockSession(r.Context(), id)
	})
}

// handleCaseAction changes a booked case: take it off the list, cancel it,
// or move it up or down; the form names its session to return to.
func (s *Server) handleCaseAction(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	session := formInt64(r.PostFormValue("session_id"))
	override := strings.TrimSpace(r.PostFormValue("override"))
	var msg string
	switch r.PostFormValue("action") {
	case "up", "down":
		pos, _ := strconv.Atoi(r.PostFormValue("position"))
		if r.PostFormValue("action") == "up" {
			pos--
		} else {
			pos++
		}
		msg, err = "Order changed", s.svc.Theatres.MoveCase(r.Context(), id, pos)
	case "remove":
		msg, err = "Taken off the list: the patient is waiting again", s.svc.Theatres.UnscheduleCase(r.Context(), id, strings.TrimSpace(r.PostFormValue("reason")), override)
	case "cancel":
		msg, err = s.cancelCase(r, id, override)
	default:
		err = elective.Errorf(elective.EINVALID, "Choose what to do with the case")
	}
	if err != nil {
		return s.sessionRefused(w, r, session, err)
	}
	return s.redirectWithFlash(w, r, sessionURL(session), msg)
}

func (s *Server) cancelCase(r *http.Request, id int64, override string) (string, error) {
	op, err := s.svc.Theatres.CancelCase(r.Context(), elective.CancelCase{CaseID: id,
		Reason: elective.OperationCancelReason(r.PostFormValue("reason")), Note: strings.TrimSpace(r.PostFormValue("note")),
		OnTheDay: r.PostFormValue("on_the_day") == "yes", Override: override})
	if err != nil {
		return "", err
	}
	if op.Guaranteed {
		return "Cancelled on the day for a non-clinical reason: a new date is due by " + op.RebookBy.Format("2 Jan 2006") + " (28-day rule)", nil
	}
	return "Cancelled: " + op.Reason.Label(), nil
}
