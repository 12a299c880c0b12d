package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// validateAnchor is the id of the validation section of the pathway page,
// which the validation worklist links to.
const validateAnchor = "validate"

// handlePathwayView shows a pathway's event log and, for each RTT period
// derived from it, why it started and stopped.
func (s *Server) handlePathwayView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.pathwayPage(r.Context(), id)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// pathwayPage loads the pathway, its patient and names, and derives its
// periods and validation status.
func (s *Server) pathwayPage(ctx context.Context, id int64) (*PathwayViewPage, error) {
	pw, err := s.svc.Pathways.FindPathwayByID(ctx, id)
	if err != nil {
		return nil, err
	}
	patient, err := s.svc.Patients.FindPatientByID(ctx, pw.PatientID)
	if err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(ctx)
	if err != nil {
		return nil, err
	}
	p := &PathwayViewPage{Patient: patient, Pathway: pw, Events: eventRows(pw.Events),
		Specialty: lk.specialty(pw.SpecialtyID), Clinician: lk.clinician(pw.ClinicianID)}
	p.Title, p.Nav = "Pathway history", NavHome
	p.Periods, p.Validation, p.DeriveError = s.derivePathway(pw, patient.IsVulnerable(s.today()))
	p.EventForm = EventForm{Date: s.today().String()}
	return p, nil
}

// ValidationForm is a validation as chosen on the pathway page.
type ValidationForm struct {
	Result elective.ValidationResult
	Note   string
}

// Results lists the results the form offers.
func (ValidationForm) Results() []elective.ValidationResult { return elective.ValidationResults }

// handleValidationCreate records that the pathway was validated. The
// service decides who may validate (EFORBIDDEN) and that a result was
// chosen (EINVALID, shown on the form).
func (s *Server) handleValidationCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := ValidationForm{Result: elective.ValidationResult(r.PostFormValue("result")),
		Note: strings.TrimSpace(r.PostFormValue("note"))}
	err = s.svc.Pathways.RecordValidation(r.Context(), &elective.Validation{PathwayID: id, Result: form.Result, Note: form.Note})
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, pathwayURL(id), "Validation recorded")
	case elective.EINVALID:
		p, perr := s.pathwayPage(r.Context(), id)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = form, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// pathwayURL is the address of a pathway's page.
func pathwayURL(id int64) string { return "/pathways/" + strconv.FormatInt(id, 10) }

// EventRow is one event of the pathway log.
type EventRow struct {
	Seq     int
	Date    elective.Date
	Label   string
	Details string
}

func eventRows(events []*elective.PathwayEvent) []EventRow {
	rows := make([]EventRow, len(events))
	for i, ev := range events {
		rows[i] = EventRow{Seq: ev.Seq, Date: ev.Date, Label: ev.Kind.Label(), Details: eventDetails(ev)}
	}
	return rows
}

// eventDetails lists the facts an event carries, in words.
func eventDetails(ev *elective.PathwayEvent) string {
	var d []string
	add := func(cond bool, s string) {
		if cond {
			d = append(d, s)
		}
	}
	add(ev.Source != "", ev.Source.Label())
	add(!ev.OriginalStart.IsZero(), "original clock start "+ev.OriginalStart.Format("2 Jan 2006"))
	add(ev.Outcome != "", "RTT status "+string(ev.Outcome)+" — "+ev.Outcome.Label())
	add(ev.First, "first appointment of the period")
	add(ev.Kind == elective.EventAppointmentBooked && !ev.First, "follow-up appointment")
	add(!ev.AppointmentDate.IsZero(), "appointment on "+ev.AppointmentDate.Format("2 Jan 2006"))
	add(ev.Kind == elective.EventAppointmentBooked && ev.Communicated, "patient told")
	add(ev.Kind == elective.EventAppointmentBooked && !ev.Communicated, "patient not yet told")
	add(ev.By == elective.CancelledByPatient, "cancelled by the patient")
	add(ev.By == elective.CancelledByProvider, "cancelled by the hospital")
	add(ev.Purpose != "", "for "+string(ev.Purpose))
	add(ev.Kind == elective.EventAdmitted && ev.Treated, "treatment started")
	add(ev.NewPeriod, "new RTT period")
	add(ev.AfterDNA, "after a DNA")
	add(ev.ClinicianConfirmed, "clinician's decision")
	add(ev.Validation != "", ev.Validation.Label())
	add(!ev.DelayUntil.IsZero(), "available from "+ev.DelayUntil.Format("2 Jan 2006"))
	add(ev.Note != "", ev.Note)
	return strings.Join(d, "; ")
}

// PeriodRow is one derived RTT period with its explanation.
type PeriodRow struct {
	Period      rtt.Period
	Running     bool
	Days        int // to the stop, or to today while running
	Explanation string
}

// ValidationView is the running clock's validation status: from when it
// is due (the first 12, 26 or 52-week milestone not covered by a recent
// validation, rules.md 3.9) and when it was last validated.
type ValidationView struct {
	Running       bool          // validation applies only to a running clock
	Due           elective.Date // zero when no milestone is left
	Overdue       bool          // due today or earlier
	LastValidated elective.Date // zero if never in this period
}

// derivePathway derives the periods and the validation status; a refused
// event log gives its reason instead.
func (s *Server) derivePathway(pw *elective.Pathway, vulnerable bool) ([]PeriodRow, ValidationView, string) {
	rp := rtt.Pathway{Priority: pw.Priority, Vulnerable: vulnerable, Events: pw.Events}
	res, err := rtt.Derive(rp, s.cfg.Policy)
	if err != nil {
		return nil, ValidationView{}, err.Error()
	}
	return s.periodRows(rp, res), s.validationView(res), ""
}

// validationView works out the validation status of the running clock.
func (s *Server) validationView(res *rtt.Result) ValidationView {
	cur := res.Current()
	if cur == nil || res.Transferred {
		return ValidationView{}
	}
	v := ValidationView{Running: true, LastValidated: res.LastValidated,
		Due: rtt.ValidationDueDate(cur.Start, res.LastValidated, s.cfg.Policy)}
	v.Overdue = !v.Due.IsZero() && !v.Due.After(s.today())
	return v
}

// periodRows explains each derived period.
func (s *Server) periodRows(rp rtt.Pathway, res *rtt.Result) []PeriodRow {
	rows := make([]PeriodRow, len(res.Periods))
	for i, per := range res.Periods {
		end := per.Stop
		if per.Open() {
			end = s.today()
		}
		rows[i] = PeriodRow{Period: per, Running: per.Open(), Days: rtt.DaysWaited(per.Start, end), Explanation: rtt.Explain(rp, per)}
	}
	return rows
}
