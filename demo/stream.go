package demo

import (
	"math/rand/v2"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Stream generates n synthetic pathway event logs, one at a time, for
// measuring the RTT engine at national scale (7.5 million open pathways)
// without a database: no patients, clinics or slots, only events whose
// waits follow the same distributions as the demo hospital. fn receives
// each pathway and its specialty index (0–13); the pathway's event slice
// is reused for the next call, so fn must not keep it.
func Stream(seed uint64, n int, today elective.Date, fn func(p *rtt.Pathway, specialty int) error) error {
	g := &gen{rng: rand.New(rand.NewPCG(seed, seed^0x51a7e)), today: today}
	s := &streamer{g: g}
	for i := 0; i < n; i++ {
		p := s.next()
		if err := fn(p, g.rng.IntN(len(specialties))); err != nil {
			return err
		}
	}
	return nil
}

// streamer builds event logs into one reused buffer.
type streamer struct {
	g      *gen
	buf    []elective.PathwayEvent
	ptrs   []*elective.PathwayEvent
	p      rtt.Pathway
	events int
}

// add appends an event of kind on day d.
func (s *streamer) add(kind elective.EventKind, d elective.Date) *elective.PathwayEvent {
	if s.events == len(s.buf) {
		s.buf = append(s.buf, elective.PathwayEvent{})
		s.ptrs = append(s.ptrs, nil)
	}
	e := &s.buf[s.events]
	*e = elective.PathwayEvent{Kind: kind, Date: d, Seq: s.events + 1}
	s.ptrs[s.events] = e
	s.events++
	return e
}

// next builds one pathway: most open (waiting for a first appointment, a
// follow-up or admission), a quarter completed (treated, discharged or a
// nullified first DNA).
func (s *streamer) next() *rtt.Pathway {
	g := s.g
	s.events = 0
	s.p.Priority = elective.PriorityRoutine
	switch r := g.rng.Float64(); {
	case r < 0.12:
		s.p.Priority = elective.PriorityTwoWeekWait
	case r < 0.27:
		s.p.Priority = elective.PriorityUrgent
	}
	s.p.Vulnerable = g.rng.Float64() < 0.05
	if g.rng.Float64() < 0.25 {
		s.completed()
	} else {
		s.open()
	}
	s.p.Events = s.ptrs[:s.events]
	return &s.p
}

func (s *streamer) referral(start elective.Date) {
	e := s.add(elective.EventReferralReceived, start)
	e.Source = elective.SourcePaper
	if s.g.rng.Float64() < 0.6 {
		e.Source = elective.SourceERS
	}
}

func (s *streamer) seen(first bool, d elective.Date, outcome elective.RTTStatus) {
	b := s.add(elective.EventAppointmentBooked, d.AddDays(-s.g.between(7, 30)))
	b.First, b.Communicated, b.AppointmentDate = first, true, d
	a := s.add(elective.EventAttended, d)
	a.First, a.Outcome = first, outcome
}

// open builds a pathway still waiting at today.
func (s *streamer) open() {
	g := s.g
	days := g.openWait(s.p.Priority)
	start := g.today.AddDays(-days)
	s.referral(start)
	if days < 14 || g.openState(days) == stateNew {
		if g.rng.Float64() < 0.35 {
			b := s.add(elective.EventAppointmentBooked, g.today.AddDays(-g.between(0, min(days, 10))))
			b.First, b.Communicated, b.AppointmentDate = true, true, g.today.AddDays(g.between(1, 60))
		}
		return
	}
	seenOn := start.AddDays(g.between(min(7, days-1), days-1))
	s.seen(true, seenOn, elective.RTTSubsequentActivity)
	if g.rng.Float64() < 0.45 {
		s.add(elective.EventDecisionToTreat, seenOn)
	}
}

// completed builds a pathway whose clock stopped before today.
func (s *streamer) completed() {
	g := s.g
	wait := g.completedWait(s.p.Priority)
	start := g.today.AddDays(-wait - g.between(1, 300))
	s.referral(start)
	stopOn := start.AddDays(wait)
	switch r := g.rng.Float64(); {
	case r < 0.08 && s.p.Priority != elective.PriorityTwoWeekWait:
		b := s.add(elective.EventAppointmentBooked, start.AddDays(3))
		b.First, b.Communicated, b.AppointmentDate = true, true, stopOn
		d := s.add(elective.EventDNA, stopOn)
		d.First = true
	case r < 0.45:
		s.seen(true, stopOn, elective.RTTTreatment)
	case r < 0.75:
		seenOn := start.AddDays(wait / 3)
		s.seen(true, seenOn, elective.RTTSubsequentActivity)
		s.add(elective.EventDecisionToTreat, seenOn)
		a := s.add(elective.EventAdmitted, stopOn)
		a.Purpose, a.Treated = elective.AdmitForTreatment, true
	default:
		s.seen(true, stopOn, elective.RTTNotTreated)
	}
}
