package demo

import (
	"math"
	"slices"

	"github.com/openelective/elective"
)

// interpreterLanguages are the languages demo patients need interpreters
// for, roughly as often as English trusts book them.
var interpreterLanguages = []string{"Polish", "Urdu", "Punjabi", "Bengali", "Romanian", "Arabic", "Portuguese"}

// entry lists an admitted pathway's patient for one of its specialty's
// procedures, with a priority, special requirements and perhaps a
// pre-operative assessment.
func (t *tgen) entry(p AdmittedPathway) {
	ps := procedures[specialtyCode(p.SpecialtyID)]
	if ps == nil || p.ClinicianID == 0 {
		return
	}
	pr := t.weightedProcedure(ps)
	e := &elective.AdmittedListEntry{ID: int64(len(t.d.Entries) + 1), PathwayID: p.PathwayID, PatientID: p.PatientID,
		SpecialtyID: p.SpecialtyID, SurgeonID: p.ClinicianID, ProcedureCode: pr.code, ProcedureName: pr.name,
		Management: elective.DayCase, ExpectedMinutes: pr.minutes, Anaesthetic: pr.anaesthetic,
		Status: elective.AdmittedWaiting}
	e.Priority, e.ListedOn = t.priority(p)
	if e.Priority == elective.P3 || e.Priority == elective.P4 {
		e.ReviewOn = e.ListedOn.AddDays(91)
		for e.ReviewOn.Before(t.today) {
			e.ReviewOn = e.ReviewOn.AddDays(91)
		}
	}
	if pr.nights > 0 {
		e.Management, e.LengthOfStay = elective.Inpatient, pr.nights
	}
	if pr.kit != "" {
		e.Kit = []string{pr.kit}
	}
	e.Radiology = pr.kit == kitImage
	if t.rng.Float64() < pr.hdu {
		e.CriticalCare = "HDU"
	}
	if t.rng.Float64() < 0.03 {
		e.Interpreter = interpreterLanguages[t.rng.IntN(len(interpreterLanguages))]
	}
	e.Transport = t.rng.Float64() < 0.06
	e.CreatedAt = at(e.ListedOn)
	t.d.Entries = append(t.d.Entries, e)
	t.byCon[e.SurgeonID] = append(t.byCon[e.SurgeonID], e)
	t.preOp(e)
}

// priority draws a surgical priority, mostly P2 to P4 with a few P1b, and
// a decision-to-admit date its time limit makes plausible: urgent
// patients were listed recently.
func (t *tgen) priority(p AdmittedPathway) (elective.SurgicalPriority, elective.Date) {
	span := max(t.today.DaysSince(p.ClockStart.AddDays(14)), 0)
	r := t.rng.Float64()
	switch {
	case r < 0.02:
		return elective.P1b, t.today.AddDays(-t.rng.IntN(2))
	case r < 0.18:
		return elective.P2, t.today.AddDays(-t.rng.IntN(min(span, 35) + 1))
	case r < 0.58:
		return elective.P3, t.today.AddDays(-t.rng.IntN(min(span, 100) + 1))
	}
	return elective.P4, t.today.AddDays(-t.rng.IntN(span + 1))
}

// preOp gives many entries a fit assessment (some of them now expired),
// some a booked one, a few a problem, and leaves the rest to be booked.
func (t *tgen) preOp(e *elective.AdmittedListEntry) {
	r := t.rng.Float64()
	a := &elective.PreOpAssessment{EntryID: e.ID}
	switch {
	case r < 0.55:
		a.On = t.today.AddDays(-5 - t.rng.IntN(116))
		if a.On.Before(e.ListedOn) {
			a.On = e.ListedOn
		}
		a.Outcome, a.AssessedOn, a.ValidUntil = elective.PreOpFit, a.On, a.On.AddDays(84)
	case r < 0.65:
		a.On, a.Outcome = t.today.AddDays(1+t.rng.IntN(21)), elective.PreOpBooked
	case r < 0.67:
		a.On = t.today.AddDays(-3 - t.rng.IntN(30))
		a.Outcome, a.AssessedOn, a.Notes = elective.PreOpAnaestheticReview, a.On, "BMI 42: anaesthetist to review"
	case r < 0.69:
		a.On = t.today.AddDays(-3 - t.rng.IntN(30))
		a.Outcome, a.AssessedOn, a.Notes = elective.PreOpNotFit, a.On, "Uncontrolled hypertension: back to GP"
	default:
		return
	}
	t.d.PreOps = append(t.d.PreOps, a)
	e.POA = a
}

// book fills the lists of the next six weeks from their surgeons' waiting
// patients in booking order, fuller the sooner the list: the hand-made
// lists the planner starts from.
func (t *tgen) book() {
	for _, s := range t.d.Sessions {
		days := s.Date.DaysSince(t.today)
		if s.Status == elective.SessionReleased || days >= 42 {
			continue
		}
		fill := 0.85 + 0.15*t.rng.Float64()
		if days >= 28 {
			fill = 0.2 + 0.3*t.rng.Float64()
		} else if days >= 14 {
			fill = 0.6 + 0.3*t.rng.Float64()
		}
		t.fill(s, int(fill*float64(s.Minutes)))
	}
}

// fill books cases on s up to target minutes.
func (t *tgen) fill(s *elective.TheatreSession, target int) {
	used := 0
	for _, e := range t.byCon[s.SurgeonID] {
		if e.Status != elective.AdmittedWaiting || used+e.ExpectedMinutes > target || !fitsDemoList(s, e) {
			continue
		}
		if !readyFor(e.POA, s.Date) && (!assessmentToCome(e.POA) || t.rng.Float64() > 0.1) {
			continue // a few are booked with the assessment still to come
		}
		e.Status = elective.AdmittedScheduled
		used += e.ExpectedMinutes
		t.d.Cases = append(t.d.Cases, &elective.TheatreCase{ID: int64(len(t.d.Cases) + 1), SessionID: s.ID, EntryID: e.ID,
			Position: len(s.Cases) + 1, Minutes: e.ExpectedMinutes, Status: elective.CaseBooked, TCI: s.Date})
		s.Cases = append(s.Cases, t.d.Cases[len(t.d.Cases)-1])
	}
}

// readyFor is whether a fit assessment covers the date.
func readyFor(a *elective.PreOpAssessment, on elective.Date) bool {
	return a != nil && a.Outcome == elective.PreOpFit && !a.ValidUntil.Before(on)
}

// assessmentToCome is whether the patient has no assessment yet, or one
// booked: never one that found a problem.
func assessmentToCome(a *elective.PreOpAssessment) bool {
	return a == nil || a.Outcome == elective.PreOpBooked
}

// fitsDemoList is whether a case suits a list's type and kit: cases under
// general or regional anaesthesia need a GA list, endoscopy-room lists
// take endoscopies, and the kit must be set up.
func fitsDemoList(s *elective.TheatreSession, e *elective.AdmittedListEntry) bool {
	local := e.Anaesthetic == elective.AnaestheticLocal || e.Anaesthetic == elective.AnaestheticSedation
	if (s.ListType == elective.ListLA || s.ListType == elective.ListEndoscopy) && !local {
		return false
	}
	for _, k := range e.Kit {
		if !slices.Contains(s.Kit, k) {
			return false
		}
	}
	return true
}

// history gives each consultant past case durations of their specialty's
// procedures: some procedures many, some too few for an estimate, around
// the typical minutes at the consultant's own pace.
func (t *tgen) history(cons []rotaConsultant) {
	slices.SortFunc(cons, func(a, b rotaConsultant) int { return int(a.id - b.id) })
	for _, c := range cons {
		pace := 0.85 + 0.35*t.rng.Float64()
		for _, p := range procedures[c.code] {
			for range t.rng.IntN(15) {
				m := float64(p.minutes) * pace * (1 + 0.15*t.rng.NormFloat64())
				m = math.Max(10, math.Round(m/5)*5)
				t.d.History = append(t.d.History, elective.DurationSample{SurgeonID: c.id, ProcedureCode: p.code,
					On: t.today.AddDays(-7 - t.rng.IntN(700)), Minutes: int(m)})
			}
		}
	}
}
