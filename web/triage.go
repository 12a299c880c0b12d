package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// TriagePage is the triage worklist: referrals awaiting a clinician, most
// urgent first, overdue ones marked.
type TriagePage struct {
	Page
	SpecialtyID int64
	Specialties []*elective.Specialty
	Rows        []TriageRow
	Failed      int64 // the referral whose decision was refused
	Errors      FormErrors
}

func (*TriagePage) templateName() string { return "triage/index" }

// TriageRow is a referral with how its due date stands.
type TriageRow struct {
	*elective.TriageItem
	Overdue  bool
	DueToday bool
}

// handleTriageIndex shows the worklist.
func (s *Server) handleTriageIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.triagePage(r, formInt64(r.URL.Query().Get("specialty_id")))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) triagePage(r *http.Request, specialtyID int64) (*TriagePage, error) {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	items, err := s.svc.Triage.FindTriage(r.Context(), specialtyID)
	if err != nil {
		return nil, err
	}
	p := &TriagePage{SpecialtyID: specialtyID, Specialties: lk.specialties}
	p.Title, p.Nav = "Triage", NavTriage
	for _, it := range items {
		p.Rows = append(p.Rows, TriageRow{TriageItem: it, Overdue: access.TriageOverdue(it.Due, s.today()), DueToday: it.Due == s.today()})
	}
	return p, nil
}

// handleTriageDecide records a decision from the worklist.
func (s *Server) handleTriageDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	d := &elective.TriageDecision{ReferralID: id, Note: strings.TrimSpace(r.PostFormValue("note"))}
	decision := r.PostFormValue("decision")
	switch {
	case strings.HasPrefix(decision, "accept:"):
		d.Status, d.Priority = elective.TriageAccepted, elective.Priority(strings.TrimPrefix(decision, "accept:"))
	case decision == "redirect":
		d.Status = elective.TriageRedirected
		d.SpecialtyID, _ = strconv.ParseInt(r.PostFormValue("specialty_id"), 10, 64)
	case decision == "return":
		d.Status = elective.TriageReturned
	case decision == "reject":
		d.Status = elective.TriageRejected
	}
	err = s.svc.Triage.Triage(r.Context(), d)
	back := formInt64(r.PostFormValue("list_specialty_id"))
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, "/triage?specialty_id="+strconv.FormatInt(back, 10), "Triaged: "+d.Status.Label())
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.triagePage(r, back)
		if perr != nil {
			return perr
		}
		p.Failed, p.Errors = id, newFormErrors(err, map[string]string{"priority": "decision-" + strconv.FormatInt(id, 10),
			"status": "decision-" + strconv.FormatInt(id, 10), "specialty_id": "specialty-" + strconv.FormatInt(id, 10),
			"note": "note-" + strconv.FormatInt(id, 10)})
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}
