package web

import (
	"net/http"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// FollowUpPage is the partial-booking or PIFU list.
type FollowUpPage struct {
	Page
	Kind        elective.FollowUpKind
	SpecialtyID int64
	Specialties []*elective.Specialty
	Rows        []FollowUpRow
}

func (*FollowUpPage) templateName() string { return "followup/index" }

// FollowUpRow is a follow-up with where it stands today.
type FollowUpRow struct {
	FollowUp *elective.FollowUp
	Stage    string
	Alert    bool // needs someone: overdue, no reply, PIFU expired
	Expired  bool // a PIFU past its end: discharge
	InviteOn elective.Date
}

// handleFollowUpIndex lists the open follow-ups of a kind.
func (s *Server) handleFollowUpIndex(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	q := r.URL.Query()
	kind := elective.FollowUpKind(q.Get("kind"))
	if kind != elective.FollowUpPIFU {
		kind = elective.FollowUpPartialBooking
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &FollowUpPage{Kind: kind, SpecialtyID: formInt64(q.Get("specialty_id")), Specialties: lk.specialties}
	p.Title, p.Nav = kind.Label()+" list", NavWorklists
	fs, err := s.svc.FollowUps.FindFollowUps(r.Context(), elective.FollowUpFilter{Kind: kind, SpecialtyID: p.SpecialtyID, Limit: 500})
	if err != nil {
		return err
	}
	for _, f := range fs {
		p.Rows = append(p.Rows, s.followUpRow(f))
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) followUpRow(f *elective.FollowUp) FollowUpRow {
	today, pol := s.today(), s.cfg.Policy
	if f.Kind == elective.FollowUpPIFU {
		if access.PIFUExpired(f, today) {
			return FollowUpRow{FollowUp: f, Stage: "Expired: discharge to GP", Alert: true, Expired: true}
		}
		return FollowUpRow{FollowUp: f, Stage: "Active until " + f.Due.Format("2 Jan 2006")}
	}
	st := access.PartialBookingStage(f, today, pol)
	return FollowUpRow{FollowUp: f, Stage: st.Label(), InviteOn: access.InviteOn(f, pol),
		Alert: st == access.StageOverdue || st == access.StageReviewDue}
}

// handlePIFUDischarge discharges an expired PIFU patient to their GP.
func (s *Server) handlePIFUDischarge(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if err := s.svc.FollowUps.DischargePIFU(r.Context(), id); err != nil {
		return err
	}
	return s.redirectWithFlash(w, r, "/followups?kind=pifu", "Discharged to the GP: a letter goes to the patient and the GP")
}
