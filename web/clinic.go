package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// SessionIndexPage lists a specialty's clinic sessions with how full each
// is, the way into cancelling one.
type SessionIndexPage struct {
	Page
	Filter      SlotIndexForm
	Specialties []*elective.Specialty
	Sessions    []*elective.SessionSummary
}

func (*SessionIndexPage) templateName() string { return "clinic/sessions" }

// SessionViewPage is one session: who is booked and the cancel form, which
// says before anything is changed who would be displaced.
type SessionViewPage struct {
	Page
	Change    *elective.SessionChange
	Specialty string
	Rows      []PTLRow
	Form      CancelSessionForm
	Errors    FormErrors
}

func (*SessionViewPage) templateName() string { return "clinic/session" }

// CancelSessionForm is why the clinic is cancelled.
type CancelSessionForm struct {
	Reason elective.SessionCancelReason
	Note   string
	From   string // HH:MM in London: close the slots from then; "" the whole clinic
}

// handleSessionIndex lists sessions from a date for four weeks.
func (s *Server) handleSessionIndex(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionBookAppointment); err != nil {
		return err
	}
	q := r.URL.Query()
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &SessionIndexPage{Filter: SlotIndexForm{SpecialtyID: formInt64(q.Get("specialty_id")), From: q.Get("from")},
		Specialties: lk.specialties}
	p.Title, p.Nav = "Clinic sessions", NavSessions
	p.Filter.SpecialtyID = lk.specialtyOrFirst(p.Filter.SpecialtyID)
	from := s.today()
	if d, err := elective.ParseDate(p.Filter.From); err == nil {
		from = d
	}
	p.Sessions, err = s.svc.Cascade.FindSessions(r.Context(), elective.SessionFilter{SpecialtyID: p.Filter.SpecialtyID,
		From: from, To: from.AddDays(27)})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleSessionView shows a session and what cancelling it would do.
func (s *Server) handleSessionView(w http.ResponseWriter, r *http.Request) error {
	p, err := s.sessionPage(r)
	if err != nil {
		return err
	}
	p.Form.Reason = elective.CancelForLeave
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) sessionPage(r *http.Request) (*SessionViewPage, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	from := r.FormValue("from")
	ch, err := s.svc.Cascade.PreviewSessionCancellation(r.Context(), id, time.Time{})
	if err != nil {
		return nil, err
	}
	if from != "" { // a reduction: preview it from the chosen slot
		at, err := sessionTime(ch.Session, from, s.cfg.Location)
		if err != nil {
			return nil, err
		}
		if ch, err = s.svc.Cascade.PreviewSessionCancellation(r.Context(), id, at); err != nil {
			return nil, err
		}
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	p := &SessionViewPage{Change: ch, Specialty: lk.specialty(ch.Session.SpecialtyID), Rows: ptlRows(ch.Booked, s.today()),
		Form: CancelSessionForm{From: from}}
	p.Title, p.Nav = "Clinic session", NavSessions
	return p, nil
}

// sessionTime reads HH:MM as a time on the session's day in London.
func sessionTime(sess *elective.ClinicSession, hhmm string, loc *time.Location) (time.Time, error) {
	t, err := time.ParseInLocation("15:04", hhmm, loc)
	if err != nil {
		return time.Time{}, elective.Errorf(elective.EINVALID, "Choose the time to close the clinic from")
	}
	return sess.Date.At(t.Hour(), t.Minute(), loc), nil
}

// handleSessionCancel cancels the session and sends staff to the displaced
// patients with their proposed slots.
func (s *Server) handleSessionCancel(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := CancelSessionForm{Reason: elective.SessionCancelReason(r.PostFormValue("reason")),
		Note: strings.TrimSpace(r.PostFormValue("note")), From: r.PostFormValue("from")}
	c := &elective.SessionCancellation{SessionID: id, Reason: form.Reason, Note: form.Note}
	if form.From != "" {
		ch, err := s.svc.Cascade.PreviewSessionCancellation(r.Context(), id, time.Time{})
		if err != nil {
			return err
		}
		if c.From, err = sessionTime(ch.Session, form.From, s.cfg.Location); err != nil {
			return err
		}
	}
	n, err := s.svc.Cascade.CancelSession(r.Context(), c)
	switch elective.ErrorCode(err) {
	case "":
		what := "Clinic cancelled. "
		if form.From != "" {
			what = "Clinic closed from " + form.From + ". "
		}
		specialty := r.PostFormValue("specialty_id")
		return s.redirectWithFlash(w, r, "/displaced?specialty_id="+specialty,
			what+strconv.Itoa(n)+" patients to rebook: check the proposed slots and book them")
	case elective.EINVALID, elective.EFORBIDDEN:
		p, perr := s.sessionPage(r)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = form, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// DisplacedPage is the displaced-patients worklist of a specialty: those
// whose clinic the hospital cancelled, ranked by priority, each with the
// slot the rules propose, to confirm in bulk.
type DisplacedPage struct {
	Page
	Filter      SlotIndexForm
	Specialties []*elective.Specialty
	Rows        []DisplacedRow
	Failed      []string // why some bookings of the last confirmation failed
}

func (*DisplacedPage) templateName() string { return "clinic/displaced" }

// DisplacedRow is one displaced patient with their PTL figures.
type DisplacedRow struct {
	PTLRow
	Displaced *elective.Displaced
	Proposed  SlotRow
}

// handleDisplacedIndex shows the displaced patients of a specialty.
func (s *Server) handleDisplacedIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.displacedPage(r, formInt64(r.URL.Query().Get("specialty_id")))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) displacedPage(r *http.Request, specialtyID int64) (*DisplacedPage, error) {
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	p := &DisplacedPage{Filter: SlotIndexForm{SpecialtyID: specialtyID}, Specialties: lk.specialties}
	p.Title, p.Nav = "Patients to rebook", NavSessions
	p.Filter.SpecialtyID = lk.specialtyOrFirst(p.Filter.SpecialtyID)
	ds, err := s.svc.Cascade.ProposeRebookings(r.Context(), p.Filter.SpecialtyID)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		row := DisplacedRow{PTLRow: newPTLRow(d.Entry, s.today()), Displaced: d}
		if d.Proposed != nil {
			row.Proposed = slotRow(d.Proposed, lk)
		}
		p.Rows = append(p.Rows, row)
	}
	return p, nil
}

// handleDisplacedBook books every ticked proposal, each through the
// booking rules on its own: one taken in the meantime is reported and the
// others still book. Letters confirm the new dates.
func (s *Server) handleDisplacedBook(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	specialtyID := formInt64(r.PostFormValue("specialty_id"))
	var booked int
	var failed []string
	for _, v := range r.PostForm["book"] {
		pathway, slot, ok := strings.Cut(v, ":")
		req := &elective.BookingRequest{PathwayID: formInt64(pathway), SlotID: formInt64(slot), Communicated: elective.CommunicatedByLetter}
		if !ok || req.PathwayID == 0 || req.SlotID == 0 {
			return elective.Errorf(elective.EINVALID, "The proposals were not understood. Reload the page.")
		}
		if _, err := s.svc.Bookings.BookAppointment(r.Context(), req); err != nil {
			if c := elective.ErrorCode(err); c != elective.ECONFLICT && c != elective.EINVALID {
				return err
			}
			failed = append(failed, "Pathway "+pathway+": "+elective.ErrorMessage(err))
			continue
		}
		booked++
	}
	if len(failed) == 0 {
		return s.redirectWithFlash(w, r, "/displaced?specialty_id="+strconv.FormatInt(specialtyID, 10),
			"Rebooked "+strconv.Itoa(booked)+" patients by letter: send each their appointment letter.")
	}
	p, err := s.displacedPage(r, specialtyID)
	if err != nil {
		return err
	}
	p.Failed = failed
	p.Flash = "Rebooked " + strconv.Itoa(booked) + " patients; " + strconv.Itoa(len(failed)) + " could not be booked. New slots are proposed below."
	return s.render(w, r, http.StatusConflict, p)
}
