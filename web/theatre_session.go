package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// TheatreSessionIndexPage lists theatre and endoscopy sessions for some
// weeks, with how full each is and where it stands in 6-4-2.
type TheatreSessionIndexPage struct {
	Page
	From, To    elective.Date
	Weeks       int
	SpecialtyID int64
	TheatreID   int64
	Specialties []*elective.Specialty
	Theatres    []*elective.Theatre
	Surgeons    []*elective.Clinician
	Rows        []TheatreSessionRow
	Utilisation UtilisationFigures
	Form        TheatreSessionForm
	Errors      FormErrors
	// ActionsOnly shows only the lists with a 6-4-2 step overdue: staff
	// to confirm, a list to release, fill or lock.
	ActionsOnly bool
	Overdue     int // lists with a step overdue, shown or not
}

func (*TheatreSessionIndexPage) templateName() string { return "theatre/sessions" }

// TheatreSessionRow is a session with its fill and milestone.
type TheatreSessionRow struct {
	Session   *elective.TheatreSession
	Booked    int
	Pct       int // booked minutes as a share of the session, capped at 100 for the bar
	Over      bool
	Milestone theatre.Milestone
}

// TheatreSessionForm is a new session as typed.
type TheatreSessionForm struct {
	TheatreID, SpecialtyID, SurgeonID int64
	Date, Period, Start, Minutes      string
	ListType, Kit, Anaesthetist       string
}

// sessionURL is a theatre session's page.
func sessionURL(id int64) string { return "/theatre-sessions/" + strconv.FormatInt(id, 10) }

// handleTheatreSessionIndex shows the sessions of the coming weeks.
func (s *Server) handleTheatreSessionIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.theatreSessionIndex(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) theatreSessionIndex(r *http.Request) (*TheatreSessionIndexPage, error) {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	q := r.URL.Query()
	p := &TheatreSessionIndexPage{SpecialtyID: formInt64(q.Get("specialty_id")), TheatreID: formInt64(q.Get("theatre_id")), Weeks: 4,
		ActionsOnly: q.Get("actions") == "1"}
	p.Title, p.Nav, p.Wide = "Theatre lists", NavTheatres, true
	p.From = s.today()
	if d, err := elective.ParseDate(q.Get("from")); err == nil {
		p.From = d
	}
	if n, err := strconv.Atoi(q.Get("weeks")); err == nil && n >= 1 && n <= 12 {
		p.Weeks = n
	}
	p.To = p.From.AddDays(7*p.Weeks - 1)
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	p.Specialties, p.Surgeons = lk.specialties, lk.clinicians
	if p.Theatres, err = s.svc.Theatres.FindTheatres(r.Context()); err != nil {
		return nil, err
	}
	ss, err := s.svc.Theatres.FindTheatreSessions(r.Context(), elective.TheatreSessionFilter{
		From: p.From, To: p.To, SpecialtyID: p.SpecialtyID, TheatreID: p.TheatreID, CasesOnly: true})
	if err != nil {
		return nil, err
	}
	ms, today := s.milestones(), s.today()
	for _, ts := range ss {
		b := ts.BookedMinutes()
		row := TheatreSessionRow{Session: ts, Booked: b, Over: b > ts.Minutes, Milestone: theatre.MilestoneState(ts, today, ms)}
		if ts.Minutes > 0 {
			row.Pct = min(100, b*100/ts.Minutes)
		}
		if row.Milestone.Overdue {
			p.Overdue++
		} else if p.ActionsOnly {
			continue
		}
		p.Rows = append(p.Rows, row)
	}
	p.Utilisation = utilisationOf(ss)
	p.Form = TheatreSessionForm{Period: string(elective.PeriodMorning), Start: "08:30", Minutes: "240", ListType: string(elective.ListGA)}
	return p, nil
}

// handleTheatreSessionCreate adds a session (an extra list, or one the
// template does not make).
func (s *Server) handleTheatreSessionCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := readTheatreSessionForm(r)
	ts, err := f.session()
	if err == nil {
		err = s.svc.Theatres.CreateTheatreSession(r.Context(), ts)
	}
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, sessionURL(ts.ID), "Theatre session added")
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.theatreSessionIndex(r)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = f, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

func readTheatreSessionForm(r *http.Request) TheatreSessionForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return TheatreSessionForm{TheatreID: formInt64(v("theatre_id")), SpecialtyID: formInt64(v("specialty_id")),
		SurgeonID: formInt64(v("surgeon_id")), Date: v("date"), Period: v("period"), Start: v("start"),
		Minutes: v("minutes"), ListType: v("list_type"), Kit: v("kit"), Anaesthetist: v("anaesthetist")}
}

func (f TheatreSessionForm) session() (*elective.TheatreSession, error) {
	ts := &elective.TheatreSession{TheatreID: f.TheatreID, SpecialtyID: f.SpecialtyID, SurgeonID: f.SurgeonID,
		Period: elective.SessionPeriod(f.Period), ListType: elective.TheatreListType(f.ListType), Kit: splitList(f.Kit),
		Anaesthetist: f.Anaesthetist}
	var err error
	if ts.Date, err = elective.ParseDate(f.Date); err != nil {
		return nil, fieldErr("date", "Enter the date of the session")
	}
	if ts.StartMinute, ts.Minutes, err = sessionTimes(f.Start, f.Minutes); err != nil {
		return nil, err
	}
	return ts, nil
}

// parseHHMM reads a 24-hour time as minutes after midnight.
func parseHHMM(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, elective.Errorf(elective.EINVALID, "not a time")
	}
	return hh*60 + mm, nil
}

// UtilisationFigures are the minutes booked against the minutes of the
// sessions shown, plain and capped per session (rules.md 3.6: capped
// utilisation over 85% is the Model Hospital target).
type UtilisationFigures struct {
	Booked, Total int
	Pct, Capped   float64
}

func utilisationOf(ss []*elective.TheatreSession) UtilisationFigures {
	var u UtilisationFigures
	u.Booked, u.Total, u.Pct, u.Capped = theatre.Utilisation(ss)
	return u
}

// sessionTimes reads a theatre session's start (HH:MM) and length in
// minutes, as the session, template and template-edit forms ask them.
func sessionTimes(start, minutes string) (int, int, error) {
	at, err := parseHHMM(start)
	if err != nil {
		return 0, 0, fieldErr("start", "Enter the start time as HH:MM, for example 08:30")
	}
	n, err := formMinutes(minutes, "minutes", "The session length")
	return at, n, err
}
