package store

import (
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/schedule"
	"github.com/openelective/elective/theatre"
)

// planInput is a loaded planning problem with what the plan's rows show
// for staff: the entries and sessions by id.
type planInput struct {
	problem  *schedule.ListProblem
	entries  map[int64]*elective.AdmittedListEntry
	sessions map[int64]*elective.TheatreSession
}

// loadPlan reads the sessions from..to (not released), the entries booked
// on them and the waiting entries of their specialties, their
// unavailability and POA, the kit counts and the beds left for them.
// planWeights are the booking office's weights for a plan: the
// optimiser's defaults, except that moving or removing a patient who
// already has a TCI date (and a letter saying so) costs half an RTT
// breach, so a plan only reshuffles booked patients to prevent a breach or
// a P-code miss, never just to pack lists tighter.
var planWeights = schedule.Weights{Disruption: 500_000}

func (tx *Tx) loadPlan(r elective.PlanRequest, to elective.Date) (*planInput, error) {
	q, args := sessionSelect+` WHERE s.session_date >= ? AND s.session_date <= ? AND s.status <> ?`,
		[]any{r.From, to, elective.SessionReleased}
	if r.SpecialtyID != 0 {
		q, args = q+` AND s.specialty_id = ?`, append(args, r.SpecialtyID)
	}
	ss, err := tx.findSessions(true, q+` ORDER BY s.session_date, s.start_minute, s.id`, args...)
	if err != nil {
		return nil, err
	}
	in := &planInput{problem: &schedule.ListProblem{Today: tx.today(), Weights: planWeights}, entries: map[int64]*elective.AdmittedListEntry{},
		sessions: map[int64]*elective.TheatreSession{}}
	specialties := map[int64]bool{}
	current := map[int64]int64{} // entry -> the session in the problem it is booked on
	for _, s := range ss {
		in.sessions[s.ID] = s
		specialties[s.SpecialtyID] = true
		ls := schedule.ListSession{ID: s.ID, Date: s.Date, Theatre: s.TheatreName, Start: s.StartMinute,
			Minutes: s.Minutes, SurgeonID: s.SurgeonID, SurgeonName: s.SurgeonName, Specialty: itoa64(s.SpecialtyID),
			ListType: string(s.ListType), Kit: s.Kit, Locked: tx.locked(s)}
		for _, c := range bookedCases(s) {
			ls.Booked = append(ls.Booked, c.EntryID)
			current[c.EntryID] = s.ID
			if c.Entry != nil {
				in.entries[c.EntryID] = c.Entry
			}
		}
		in.problem.Sessions = append(in.problem.Sessions, ls)
	}
	if err := tx.loadPlanEntries(in, specialties); err != nil {
		return nil, err
	}
	return in, tx.planCases(in, current, r.From, to)
}

// loadPlanEntries adds the waiting entries of the sessions' specialties.
func (tx *Tx) loadPlanEntries(in *planInput, specialties map[int64]bool) error {
	if len(specialties) == 0 {
		return nil
	}
	ids := make([]any, 0, len(specialties))
	for id := range specialties {
		ids = append(ids, id)
	}
	es, err := tx.findEntries(entrySelect+` WHERE e.status = ? AND e.specialty_id IN (`+inClause(len(ids))+`)
		ORDER BY e.priority_rank, e.listed_date, e.id`, append([]any{elective.AdmittedWaiting}, ids...)...)
	if err != nil {
		return err
	}
	for _, e := range es {
		in.entries[e.ID] = e
	}
	return nil
}

// planCases converts the entries to the optimiser's cases. Patients found
// not fit, or waiting for an anaesthetic review, are left out unless
// already booked: they must not be put on lists (rules.md 3.7).
func (tx *Tx) planCases(in *planInput, current map[int64]int64, from, to elective.Date) error {
	order := make([]*elective.AdmittedListEntry, 0, len(in.entries))
	for _, e := range in.entries {
		order = append(order, e)
	}
	theatre.Order(order)
	patients := make([]any, 0, len(order))
	for _, e := range order {
		patients = append(patients, e.PatientID)
	}
	unav, err := tx.unavailabilityChunks(patients)
	if err != nil {
		return err
	}
	wants := map[string]*elective.AdmittedListEntry{}
	p := in.problem
	for _, e := range order {
		if current[e.ID] == 0 && e.POA != nil && (e.POA.Outcome == elective.PreOpNotFit || e.POA.Outcome == elective.PreOpAnaestheticReview) {
			delete(in.entries, e.ID)
			continue
		}
		want := string(e.Anaesthetic) + "|" + e.ProcedureCode
		wants[want] = e
		c := schedule.ListCase{ID: e.ID, PatientName: e.PatientName, SurgeonID: e.SurgeonID,
			Specialty: itoa64(e.SpecialtyID), Minutes: e.ExpectedMinutes, ListType: want, Kit: e.Kit,
			NeedsBed: e.Management == elective.Inpatient, LengthOfStayDays: e.LengthOfStay,
			PriorityCode: string(e.Priority), DueBy: e.DueBy(), BreachDate: e.BreachDate, ListedOn: e.ListedOn,
			POAValidUntil: poaValidUntil(e.POA), CurrentSessionID: current[e.ID]}
		if e.Case != nil && current[e.ID] != 0 {
			c.Minutes = e.Case.Minutes
		}
		for _, u := range unav[e.PatientID] {
			c.Unavailable = append(c.Unavailable, schedule.DateRange{From: u.From, To: u.To})
		}
		p.Cases = append(p.Cases, c)
	}
	p.ListTypeFits = listTypeFits(p.Sessions, wants)
	res, err := tx.theatreResources()
	if err != nil {
		return err
	}
	p.Kit, p.MobileKit = res.Kit, res.Mobile
	catalogueKit(p, res)
	p.Beds, err = tx.freeBeds(res.Beds, current, from, to)
	return err
}

// catalogueKit spells the sessions' and cases' kit as the catalogue does:
// the optimiser compares names exactly, the booking rule ignoring case
// (theatre.CheckCase), and the two must agree on what is counted and
// mobile.
func catalogueKit(p *schedule.ListProblem, res *elective.TheatreResources) {
	names := map[string]string{}
	for name := range res.Kit {
		names[elective.KitKey(name)] = name
	}
	spell := func(kit []string) []string {
		out := make([]string, len(kit))
		for i, k := range kit {
			if out[i] = k; names[elective.KitKey(k)] != "" {
				out[i] = names[elective.KitKey(k)]
			}
		}
		return out
	}
	for i := range p.Sessions {
		p.Sessions[i].Kit = spell(p.Sessions[i].Kit)
	}
	for i := range p.Cases {
		p.Cases[i].Kit = spell(p.Cases[i].Kit)
	}
}

// poaValidUntil is the last date a fit assessment covers, zero for none.
func poaValidUntil(a *elective.PreOpAssessment) elective.Date {
	if a == nil || a.Outcome != elective.PreOpFit {
		return elective.Date{}
	}
	if a.ValidUntil.IsZero() {
		return elective.MustParseDate("9999-12-31") // a fit assessment recorded with no expiry
	}
	return a.ValidUntil
}

// listTypeFits answers the optimiser's list-type question with package
// theatre's rule: a case's "want" is its anaesthetic and procedure code,
// and every pair of a session type and a want is judged once up front.
func listTypeFits(sessions []schedule.ListSession, wants map[string]*elective.AdmittedListEntry) func(have, want string) bool {
	fits := map[string]bool{}
	for _, s := range sessions {
		for want, e := range wants {
			fits[s.ListType+"\x00"+want] = theatre.FitsListType(elective.TheatreListType(s.ListType), e) == ""
		}
	}
	return func(have, want string) bool { return fits[have+"\x00"+want] }
}

// unavailabilityChunks reads unavailability for many patients, 500 at a
// time.
func (tx *Tx) unavailabilityChunks(patients []any) (map[int64][]*elective.Unavailability, error) {
	out := map[int64][]*elective.Unavailability{}
	for start := 0; start < len(patients); start += 500 {
		got, err := tx.unavailabilityOf(patients[start:min(start+500, len(patients))])
		if err != nil {
			return nil, err
		}
		for k, v := range got {
			out[k] = v
		}
	}
	return out, nil
}

// freeBeds is the elective beds left each night from..to after inpatients
// booked on lists outside the problem; nil when the trust has not said
// how many beds it has.
func (tx *Tx) freeBeds(beds int, inProblem map[int64]int64, from, to elective.Date) (map[elective.Date]int, error) {
	if beds <= 0 {
		return nil, nil
	}
	out := map[elective.Date]int{}
	for d := from; !d.After(to); d = d.AddDays(1) {
		out[d] = beds
	}
	rows, err := tx.query(`SELECT c.entry_id, s.session_date, e.length_of_stay FROM theatre_case c
		JOIN theatre_session s ON s.id = c.session_id JOIN admitted_entry e ON e.id = c.entry_id
		WHERE c.status = ? AND e.management = ? AND s.session_date >= ? AND s.session_date <= ?`,
		elective.CaseBooked, elective.Inpatient, from.AddDays(-30), to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var entry int64
		var on elective.Date
		var nights int
		if err := rows.Scan(&entry, dateCol{&on}, &nights); err != nil {
			return nil, err
		}
		if inProblem[entry] != 0 {
			continue
		}
		for i := range max(nights, 1) {
			if d := on.AddDays(i); !d.Before(from) && !d.After(to) {
				out[d] = max(out[d]-1, 0)
			}
		}
	}
	return out, rows.Err()
}

// sessionName is how a plan row names a list: theatre, period and surgeon.
func sessionName(s *elective.TheatreSession) string {
	parts := []string{s.TheatreName, strings.ToLower(s.Period.Label())}
	if s.SurgeonName != "" {
		parts = append(parts, s.SurgeonName)
	}
	return strings.Join(parts, ", ")
}
