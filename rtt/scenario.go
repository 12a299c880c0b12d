package rtt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/openelective/elective"
)

// Scenario is one pathway written as dated events with the outcome the
// rules require, in the format of shared/domain/rtt-scenarios/README.md.
// Booking managers and validators write them; `elective rtt check` runs them.
type Scenario struct {
	Name    string
	Rules   string
	Pathway Pathway
	Census  elective.Date
	Expect  Expectation
}

// Expectation is the "expect" object; nil fields were not given and are not
// checked.
type Expectation struct {
	Periods *[]PeriodJSON
	Open    *OpenJSON // set when "open" was given; OpenJSON.None for null
	Tasks   *[]string
	Error   bool
}

// PeriodJSON is a period as scenario files write it.
type PeriodJSON struct {
	Start     string  `json:"start"`
	Stop      *string `json:"stop"`
	Status    string  `json:"status"`
	Nullified bool    `json:"nullified"`
}

// OpenJSON is the clock running at census as scenario files write it.
type OpenJSON struct {
	None   bool   `json:"-"`
	Start  string `json:"start"`
	Days   int    `json:"days"`
	Band   string `json:"band"`
	Breach bool   `json:"breach"`
}

// Outcome is what the engine derives for a scenario, in the "expect" shape.
type Outcome struct {
	Periods []PeriodJSON `json:"periods,omitempty"`
	Open    *OpenJSON    `json:"open"`
	Tasks   []string     `json:"tasks"`
	Error   bool         `json:"error,omitempty"`
	Message string       `json:"message,omitempty"`
	Explain []string     `json:"explain,omitempty"`
}

// eventFields lists the fields each event kind may carry besides date and kind.
var eventFields = map[elective.EventKind][]string{
	elective.EventReferralReceived:  {"source", "original_start"},
	elective.EventAppointmentBooked: {"first", "appointment", "communicated"},
	elective.EventAttended:          {"first", "outcome"},
	elective.EventDNA:               {"first"},
	elective.EventCancelled:         {"by"},
	elective.EventAdmitted:          {"purpose", "treated"},
	elective.EventAdminEvent:        {"outcome"},
	elective.EventRebookRequested:   {},
	elective.EventReofferDecided:    {},
	elective.EventDecisionToTreat:   {"new_period"},
	elective.EventFitAndReady:       {},
	elective.EventDischarged:        {"after_dna", "clinician_confirmed"},
	elective.EventTransferOut:       {},
}

type scenarioFile struct {
	Name       string            `json:"name"`
	Rules      string            `json:"rules"`
	Priority   string            `json:"priority"`
	Vulnerable bool              `json:"vulnerable"`
	Census     string            `json:"census"`
	Events     []json.RawMessage `json:"events"`
	Expect     map[string]json.RawMessage
}

type eventJSON struct {
	Date               string `json:"date"`
	Kind               string `json:"kind"`
	Source             string `json:"source"`
	OriginalStart      string `json:"original_start"`
	First              bool   `json:"first"`
	Appointment        string `json:"appointment"`
	Communicated       bool   `json:"communicated"`
	Outcome            string `json:"outcome"`
	By                 string `json:"by"`
	Purpose            string `json:"purpose"`
	Treated            bool   `json:"treated"`
	NewPeriod          bool   `json:"new_period"`
	AfterDNA           bool   `json:"after_dna"`
	ClinicianConfirmed bool   `json:"clinician_confirmed"`
}

// ParseScenario reads a scenario file. Unknown event kinds or fields, and
// malformed dates, are errors that name the event.
func ParseScenario(data []byte) (*Scenario, error) {
	var f scenarioFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("not a scenario file: %v", err)
	}
	s := &Scenario{Name: f.Name, Rules: f.Rules}
	s.Pathway.Priority = elective.Priority(f.Priority)
	if !s.Pathway.Priority.Valid() {
		return nil, fmt.Errorf("priority %q is not routine, urgent or two-week-wait", f.Priority)
	}
	s.Pathway.Vulnerable = f.Vulnerable
	var err error
	if s.Census, err = elective.ParseDate(f.Census); err != nil {
		return nil, fmt.Errorf("census: %v", err)
	}
	for i, raw := range f.Events {
		ev, err := parseEvent(raw)
		if err != nil {
			return nil, fmt.Errorf("event %d: %v", i+1, err)
		}
		ev.Seq = i + 1
		s.Pathway.Events = append(s.Pathway.Events, ev)
	}
	if s.Expect, err = parseExpect(f.Expect); err != nil {
		return nil, fmt.Errorf("expect: %v", err)
	}
	return s, nil
}

func parseEvent(raw json.RawMessage) (*elective.PathwayEvent, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return nil, err
	}
	var j eventJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return nil, err
	}
	kind := elective.EventKind(j.Kind)
	allowed, ok := eventFields[kind]
	if !ok {
		return nil, fmt.Errorf("unknown kind %q", j.Kind)
	}
	for k := range keys {
		if k != "date" && k != "kind" && !slices.Contains(allowed, k) {
			return nil, fmt.Errorf("%s event has no field %q", kind, k)
		}
	}
	ev := &elective.PathwayEvent{
		Kind: kind, Source: elective.ReferralSource(j.Source), First: j.First,
		Communicated: j.Communicated, Outcome: elective.RTTStatus(j.Outcome),
		By: elective.CancelledBy(j.By), Purpose: elective.AdmissionPurpose(j.Purpose),
		Treated: j.Treated, NewPeriod: j.NewPeriod, AfterDNA: j.AfterDNA,
		ClinicianConfirmed: j.ClinicianConfirmed,
	}
	var err error
	if ev.Date, err = elective.ParseDate(j.Date); err != nil {
		return nil, fmt.Errorf("date: %v", err)
	}
	if j.OriginalStart != "" {
		if ev.OriginalStart, err = elective.ParseDate(j.OriginalStart); err != nil {
			return nil, fmt.Errorf("original_start: %v", err)
		}
	}
	if j.Appointment != "" {
		if ev.AppointmentDate, err = elective.ParseDate(j.Appointment); err != nil {
			return nil, fmt.Errorf("appointment: %v", err)
		}
	}
	return ev, nil
}

func parseExpect(m map[string]json.RawMessage) (Expectation, error) {
	var x Expectation
	for k, raw := range m {
		var err error
		switch k {
		case "periods":
			x.Periods = new([]PeriodJSON)
			err = json.Unmarshal(raw, x.Periods)
		case "open":
			x.Open = &OpenJSON{}
			if string(bytes.TrimSpace(raw)) == "null" {
				x.Open.None = true
			} else {
				err = json.Unmarshal(raw, x.Open)
			}
		case "tasks":
			x.Tasks = new([]string)
			err = json.Unmarshal(raw, x.Tasks)
		case "error":
			err = json.Unmarshal(raw, &x.Error)
		default:
			err = fmt.Errorf("unknown key %q", k)
		}
		if err != nil {
			return x, fmt.Errorf("%s: %v", k, err)
		}
	}
	return x, nil
}

// Eval derives the scenario's outcome under pol. Every event is checked
// and every period derived; the clock and the tasks are measured at census,
// from the events dated up to it.
func (s *Scenario) Eval(pol Policy) *Outcome {
	res, err := Derive(s.Pathway, pol)
	if err != nil {
		return &Outcome{Error: true, Message: err.Error(), Tasks: []string{}}
	}
	out := &Outcome{Tasks: []string{}}
	for _, p := range res.Periods {
		pj := PeriodJSON{Start: p.Start.String(), Status: string(p.Status), Nullified: p.Nullified}
		if !p.Open() {
			stop := p.Stop.String()
			pj.Stop = &stop
		}
		out.Periods = append(out.Periods, pj)
		out.Explain = append(out.Explain, Explain(s.Pathway, p))
	}
	at := s.atCensus(res, pol)
	// A clock transferred out still runs, at the other provider (status
	// 21 is "running"), so it is reported; it is not on this trust's PTL.
	if p := at.Current(); p != nil {
		days := DaysWaited(p.Start, s.Census)
		out.Open = &OpenJSON{Start: p.Start.String(), Days: days, Band: BandLabel(days), Breach: Breached(days)}
	}
	for _, t := range at.Tasks(s.Census, pol) {
		out.Tasks = append(out.Tasks, string(t))
	}
	return out
}

// atCensus is the derivation as it stood at census: from the events dated
// on or before it.
func (s *Scenario) atCensus(full *Result, pol Policy) *Result {
	n := len(s.Pathway.Events)
	for n > 0 && s.Pathway.Events[n-1].Date.After(s.Census) {
		n--
	}
	if n == len(s.Pathway.Events) {
		return full
	}
	prefix := s.Pathway
	prefix.Events = s.Pathway.Events[:n]
	res, err := Derive(prefix, pol)
	if err != nil {
		return full
	}
	return res
}

// Check compares the derived outcome with the expectation and returns one
// line per difference; none means the scenario passes.
func (s *Scenario) Check(pol Policy) []string {
	out := s.Eval(pol)
	x := s.Expect
	if x.Error || out.Error {
		switch {
		case x.Error && !out.Error:
			return []string{"expected the events to be refused, but they were accepted"}
		case !x.Error:
			return []string{"events refused: " + out.Message}
		}
		return nil
	}
	var fails []string
	if x.Periods != nil {
		want, _ := json.Marshal(*x.Periods)
		got, _ := json.Marshal(out.Periods)
		if len(*x.Periods) == 0 && len(out.Periods) == 0 {
			got = want
		}
		if !bytes.Equal(want, got) {
			fails = append(fails, fmt.Sprintf("periods: want %s, got %s", want, got))
		}
	}
	if x.Open != nil {
		switch {
		case x.Open.None && out.Open != nil:
			fails = append(fails, fmt.Sprintf("open: want null, got %+v", *out.Open))
		case !x.Open.None && out.Open == nil:
			fails = append(fails, fmt.Sprintf("open: want %+v, got null", *x.Open))
		case !x.Open.None && *x.Open != *out.Open:
			fails = append(fails, fmt.Sprintf("open: want %+v, got %+v", *x.Open, *out.Open))
		}
	}
	if x.Tasks != nil {
		want, got := slices.Clone(*x.Tasks), slices.Clone(out.Tasks)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(want, got) {
			fails = append(fails, fmt.Sprintf("tasks: want [%s], got [%s]", strings.Join(want, " "), strings.Join(got, " ")))
		}
	}
	return fails
}

// Explain says in one line why a period starts and stops when it does,
// naming the events and the rules.
func Explain(p Pathway, per Period) string {
	ev := p.Events[per.StartEvent]
	s := fmt.Sprintf("started %s by event %d (%s) under %s", per.Start, per.StartEvent+1, ev.Kind.Label(), per.StartRule)
	if per.Open() {
		return s + "; still running (status " + string(per.Status) + ")"
	}
	ev = p.Events[per.StopEvent]
	s += fmt.Sprintf("; stopped %s with %s (%s) by event %d (%s) under %s", per.Stop, per.Status, per.Status.Label(), per.StopEvent+1, ev.Kind.Label(), per.StopRule)
	if per.Nullified {
		s += "; nullified: excluded from RTT measurement"
	}
	return s
}
