package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
	"github.com/openelective/elective/theatre"
)

// AdmittedViewPage is one patient on the admitted list: the case to plan,
// the pre-operative assessment, and the lists that could take them.
type AdmittedViewPage struct {
	Page
	Row        AdmittedRow
	Estimate   elective.DurationEstimate
	Candidates []CandidateSession
	RebookOf   int64 // the cancelled operation this booking rebooks
	// Offers are the TCI dates offered since the decision to admit, with
	// the reasonable-offer rules' verdict (rules.md 3.1, 1.8.2).
	Offers access.History
	Errors FormErrors
}

func (*AdmittedViewPage) templateName() string { return "admitted/view" }

// CandidateSession is a list of the patient's surgeon, with whether the
// case would fit and why not.
type CandidateSession struct {
	Session   *elective.TheatreSession
	Free      int
	Problem   string // why the case cannot go on it; "" if it can
	Milestone theatre.Milestone
	Notice    int  // days from today to the TCI
	Short     bool // less than the reasonable notice: it counts only if the patient accepts
}

// candidateWeeks is how far ahead the entry page looks for lists.
const candidateWeeks = 12

// handleAdmittedView shows an entry.
func (s *Server) handleAdmittedView(w http.ResponseWriter, r *http.Request) error {
	p, err := s.admittedViewPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) admittedViewPage(r *http.Request) (*AdmittedViewPage, error) {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	e, err := s.svc.Theatres.FindAdmittedEntry(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &AdmittedViewPage{Row: s.admittedRow(e), RebookOf: formInt64(r.URL.Query().Get("rebook_of"))}
	p.Title, p.Nav = e.PatientName+": "+e.ProcedureName, NavTheatres
	if p.Estimate, err = s.svc.Theatres.EstimateDuration(ctx, e.SurgeonID, e.ProcedureCode, e.ExpectedMinutes); err != nil {
		return nil, err
	}
	unavailable, err := s.svc.Offers.FindUnavailability(ctx, e.PatientID)
	if err != nil {
		return nil, err
	}
	if p.Offers, err = s.tciOffers(r, e, unavailable); err != nil {
		return nil, err
	}
	if e.Status == elective.AdmittedWaiting {
		if p.Candidates, err = s.candidates(r, e, p.Estimate.Minutes, unavailable); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// tciOffers assesses the admission dates offered since the decision to
// admit: the reasonable-offer rules apply to TCI dates as to appointments.
func (s *Server) tciOffers(r *http.Request, e *elective.AdmittedListEntry, unavailable []*elective.Unavailability) (access.History, error) {
	all, err := s.svc.Offers.FindOffers(r.Context(), e.PathwayID)
	if err != nil {
		return access.History{}, err
	}
	var tci []*elective.Offer
	for _, o := range all {
		if o.SlotID == 0 && !o.OfferedOn.Before(e.ListedOn) {
			tci = append(tci, o)
		}
	}
	return access.Assess(tci, unavailable, s.cfg.Policy), nil
}

// candidates lists the surgeon's sessions in the coming weeks, checked by
// the same rule the service applies when booking.
func (s *Server) candidates(r *http.Request, e *elective.AdmittedListEntry, minutes int, unavailable []*elective.Unavailability) ([]CandidateSession, error) {
	today := s.today()
	ss, err := s.svc.Theatres.FindTheatreSessions(r.Context(), elective.TheatreSessionFilter{
		From: today.AddDays(1), To: today.AddDays(7 * candidateWeeks), SurgeonID: e.SurgeonID})
	if err != nil {
		return nil, err
	}
	var res *elective.TheatreResources
	if len(e.Kit) > 0 { // only kit needs the resources: which of it is mobile
		if res, err = s.svc.Theatres.FindTheatreResources(r.Context()); err != nil {
			return nil, err
		}
	}
	ms := s.milestones()
	var out []CandidateSession
	for _, ts := range ss {
		if ts.Status == elective.SessionReleased {
			continue
		}
		c := CandidateSession{Session: ts, Free: ts.Minutes - ts.BookedMinutes(), Milestone: theatre.MilestoneState(ts, today, ms),
			Notice: ts.Date.DaysSince(today)}
		c.Short = c.Notice < s.cfg.Policy.ReasonableNoticeDays
		if err := theatre.CheckCase(ts, ts.Cases, e, minutes, unavailable, res, today); err != nil {
			c.Problem = elective.ErrorMessage(err)
		}
		out = append(out, c)
	}
	return out, nil
}

// milestones are the trust's 6-4-2 milestones (theatre.milestonesWeeks).
func (s *Server) milestones() theatre.Milestones {
	m, err := theatre.ParseMilestones(s.cfg.Policy.TheatreMilestonesWeeks)
	if err != nil {
		return theatre.DefaultMilestones
	}
	return m
}

// handleScheduleCase books the entry on a list.
func (s *Server) handleScheduleCase(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	c := elective.ScheduleCase{EntryID: id, SessionID: formInt64(r.PostFormValue("session_id")),
		Override: strings.TrimSpace(r.PostFormValue("override")), RebookOf: formInt64(r.PostFormValue("rebook_of"))}
	if m := strings.TrimSpace(r.PostFormValue("minutes")); m != "" {
		if c.Minutes, err = formMinutes(m, "minutes", "Planned minutes"); err != nil {
			return s.admittedRefused(w, r, err)
		}
	}
	if r.PostFormValue("answer") == "declined" {
		return s.recordTCIOffer(w, r, id, c.SessionID, elective.OfferDeclined)
	}
	tc, err := s.svc.Theatres.ScheduleCase(r.Context(), c)
	if err != nil {
		return s.admittedRefused(w, r, err)
	}
	if r.PostFormValue("back") != "session" {
		// Offered to the patient and accepted: the booking is the answer,
		// recorded once it has succeeded.
		if err := s.saveTCIOffer(r, id, tc.TCI, elective.OfferAccepted); err != nil {
			return err
		}
	}
	back := r.PostFormValue("back")
	if back != "session" {
		return s.redirectWithFlash(w, r, "/admitted/"+strconv.FormatInt(id, 10), "Booked on the list: TCI "+tc.TCI.Format("2 Jan 2006"))
	}
	return s.redirectWithFlash(w, r, sessionURL(c.SessionID), "Added to the list")
}

// admittedRefused shows the entry page again with the service's refusal,
// or passes on errors that are not the user's to fix.
func (s *Server) admittedRefused(w http.ResponseWriter, r *http.Request, err error) error {
	switch elective.ErrorCode(err) {
	case elective.EINVALID, elective.ECONFLICT, elective.EFORBIDDEN:
	default:
		return err
	}
	if r.PostFormValue("back") == "session" {
		return s.sessionRefused(w, r, formInt64(r.PostFormValue("session_id")), err)
	}
	p, perr := s.admittedViewPage(r)
	if perr != nil {
		return perr
	}
	p.Errors = newFormErrors(err, nil)
	return s.render(w, r, httpStatus(err), p)
}

// handlePreOpBook books a pre-operative assessment.
func (s *Server) handlePreOpBook(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	on, err := elective.ParseDate(strings.TrimSpace(r.PostFormValue("on")))
	if err != nil {
		return s.admittedRefused(w, r, fieldErr("on", "Enter the assessment date as a real date"))
	}
	if _, err := s.svc.Theatres.BookPreOp(r.Context(), id, on); err != nil {
		return s.admittedRefused(w, r, err)
	}
	return s.redirectWithFlash(w, r, "/admitted/"+strconv.FormatInt(id, 10), "Pre-operative assessment booked for "+on.Format("2 Jan 2006"))
}

// handlePreOpOutcome records the assessment's outcome.
func (s *Server) handlePreOpOutcome(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	entry := formInt64(r.PostFormValue("entry_id"))
	outcome := elective.PreOpOutcome(r.PostFormValue("outcome"))
	poa, err := s.svc.Theatres.RecordPreOp(r.Context(), id, outcome, strings.TrimSpace(r.PostFormValue("notes")))
	if err != nil {
		r.SetPathValue("id", strconv.FormatInt(entry, 10))
		return s.admittedRefused(w, r, err)
	}
	msg := "Pre-operative assessment: " + poa.Outcome.Label()
	if !poa.ValidUntil.IsZero() {
		msg += ", valid until " + poa.ValidUntil.Format("2 Jan 2006")
	}
	return s.redirectWithFlash(w, r, "/admitted/"+strconv.FormatInt(entry, 10), msg)
}

// recordTCIOffer records that the patient declined the TCI date of a
// session, and shows the entry again with the rules' verdict.
func (s *Server) recordTCIOffer(w http.ResponseWriter, r *http.Request, entryID, sessionID int64, answer elective.OfferResponse) error {
	ts, err := s.svc.Theatres.FindTheatreSession(r.Context(), sessionID)
	if err != nil {
		return err
	}
	if err := s.saveTCIOffer(r, entryID, ts.Date, answer); err != nil {
		return s.admittedRefused(w, r, err)
	}
	return s.redirectWithFlash(w, r, "/admitted/"+strconv.FormatInt(entryID, 10),
		"Offer of "+ts.Date.Format("2 Jan 2006")+" recorded: "+answer.Label())
}

// saveTCIOffer records an admission date offered today and the answer.
// A date the patient accepts counts whatever the notice (rules.md 3.1).
func (s *Server) saveTCIOffer(r *http.Request, entryID int64, tci elective.Date, answer elective.OfferResponse) error {
	e, err := s.svc.Theatres.FindAdmittedEntry(r.Context(), entryID)
	if err != nil {
		return err
	}
	return s.svc.Offers.RecordOffer(r.Context(), &elective.Offer{PathwayID: e.PathwayID, OfferedOn: s.today(), Date: tci,
		Response: answer, ShortNoticeAgreed: answer == elective.OfferAccepted, Note: "TCI date"})
}
