package web

import (
	"net/http"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// handlePathwayView shows a pathway's event log and, for each RTT period
// derived from it, why it started and stopped.
func (s *Server) handlePathwayView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	pw, err := s.svc.Pathways.FindPathwayByID(ctx, id)
	if err != nil {
		return err
	}
	patient, err := s.svc.Patients.FindPatientByID(ctx, pw.PatientID)
	if err != nil {
		return err
	}
	lk, err := s.loadLookup(ctx)
	if err != nil {
		return err
	}
	p := &PathwayViewPage{Patient: patient, Pathway: pw, Events: eventRows(pw.Events),
		Specialty: lk.specialty(pw.SpecialtyID), Clinician: lk.clinician(pw.ClinicianID)}
	p.Title, p.Nav = "Pathway history", NavHome
	p.Periods, p.DeriveError = s.periodRows(pw, patient.IsVulnerable(s.today()))
	return s.render(w, r, http.StatusOK, p)
}

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

// periodRows derives the periods; a refused event log gives its reason.
func (s *Server) periodRows(pw *elective.Pathway, vulnerable bool) ([]PeriodRow, string) {
	rp := rtt.Pathway{Priority: pw.Priority, Vulnerable: vulnerable, Events: pw.Events}
	res, err := rtt.Derive(rp, s.cfg.Policy)
	if err != nil {
		return nil, err.Error()
	}
	rows := make([]PeriodRow, len(res.Periods))
	for i, per := range res.Periods {
		end := per.Stop
		if per.Open() {
			end = s.today()
		}
		rows[i] = PeriodRow{Period: per, Running: per.Open(), Days: rtt.DaysWaited(per.Start, end), Explanation: rtt.Explain(rp, per)}
	}
	return rows, ""
}
