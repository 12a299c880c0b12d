package web

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// PTLRow is one PTL entry as a table row, with its wait in weeks, long-wait
// milestone and breach risk worked out for today.
type PTLRow struct {
	Entry    *elective.PTLEntry
	Weeks    int
	LongWait int
	Risk     BreachRisk
	// ValidationOverdue: the entry's validation fell due today or earlier
	// (rules.md 3.9), so it is shown in red rather than as a date to come.
	ValidationOverdue bool
}

func ptlRows(entries []*elective.PTLEntry, today elective.Date) []PTLRow {
	rows := make([]PTLRow, len(entries))
	for i, e := range entries {
		rows[i] = newPTLRow(e, today)
	}
	return rows
}

func newPTLRow(e *elective.PTLEntry, today elective.Date) PTLRow {
	return PTLRow{Entry: e, Weeks: rtt.WeeksWaited(e.DaysWaited), LongWait: rtt.LongWaitWeeks(e.DaysWaited),
		Risk: breachRisk(e.BreachDate, today), ValidationOverdue: !e.ValidationDue.IsZero() && !e.ValidationDue.After(today)}
}

// WaitingListFilter is the waiting list's filter form (a GET form, so a
// filtered list is a shareable URL).
type WaitingListFilter struct {
	ListType    elective.ListType // outpatient new (default) or follow-up
	SpecialtyID int64
	ClinicianID int64
	Booked      string // "no" (default), "yes" or "all"
}

func readWaitingListFilter(q url.Values) WaitingListFilter {
	f := WaitingListFilter{ListType: elective.ListOutpatientNew, Booked: "no",
		SpecialtyID: formInt64(q.Get("specialty")), ClinicianID: formInt64(q.Get("consultant"))}
	if elective.ListType(q.Get("list")) == elective.ListOutpatientFollowUp {
		f.ListType = elective.ListOutpatientFollowUp
	}
	if b := q.Get("booked"); b == "yes" || b == "all" {
		f.Booked = b
	}
	return f
}

// bookedFilter turns the form's "all" into the service's "" (both).
func bookedFilter(b string) string {
	if b == "yes" || b == "no" {
		return b
	}
	return ""
}

// handleWaitingListIndex shows the outpatient waiting list in booking
// order: clinical priority, then longest wait (rules.md 3.8).
func (s *Server) handleWaitingListIndex(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, page, today := readWaitingListFilter(q), pageNumber(q), s.today()
	entries, total, err := s.svc.WaitingList.FindPTL(r.Context(), elective.PTLFilter{
		ListType: f.ListType, SpecialtyID: f.SpecialtyID, ClinicianID: f.ClinicianID,
		Booked: bookedFilter(f.Booked), Sort: elective.SortPriority, Census: today,
		Offset: offset(page), Limit: perPage,
	})
	if err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &WaitingListIndexPage{Filter: f, Specialties: lk.specialties, Clinicians: lk.cliniciansIn(f.SpecialtyID),
		Rows: ptlRows(entries, today), Pagination: newPagination(r.URL, page, total)}
	p.Title, p.Nav, p.Wide = "Waiting list", NavWaitingList, true
	return s.render(w, r, http.StatusOK, p)
}

// PTLFilterForm is the PTL's filter form. Every field is a GET parameter,
// so a filtered PTL is a URL staff can share.
type PTLFilterForm struct {
	SpecialtyID   int64
	ClinicianID   int64
	SiteID        int64
	ListType      elective.ListType // "" for every list
	Priority      elective.Priority // "" for every priority
	Booked        string            // "all" (default), "yes" or "no" (nothing booked: no next step)
	Waited        string            // a WaitedBand value; "" for any wait
	BreachWithin  int               // weeks; 0 for no filter
	ValidationDue bool
	Sort          elective.PTLSort // longest wait (default), priority or breach
}

// WaitedBand is one choice of the PTL's "Waited" filter: whole weeks waited
// from MinWeeks up to (not including) MaxWeeks, 0 meaning no bound. The
// bands follow the 18-week standard and the national long-wait milestones
// (52, 65, 78, 104 weeks) that trusts report against.
type WaitedBand struct {
	Value    string
	Label    string
	MinWeeks int
	MaxWeeks int
}

// waitedBands are the "Waited" choices in form order.
var waitedBands = []WaitedBand{
	{"", "Any wait", 0, 0},
	{"0-6", "Under 6 weeks", 0, 6},
	{"6-12", "6 to 12 weeks", 6, 12},
	{"12-18", "12 to 18 weeks", 12, 18},
	{"18+", "18 weeks or more (breached)", 18, 0},
	{"40-52", "40 to 52 weeks", 40, 52},
	{"52+", "52 weeks or more", 52, 0},
	{"65+", "65 weeks or more", 65, 0},
	{"78+", "78 weeks or more", 78, 0},
	{"104+", "104 weeks or more", 104, 0},
}

// WaitedBands lists the "Waited" choices.
func (PTLFilterForm) WaitedBands() []WaitedBand { return waitedBands }

// BreachWithinOptions are the suggested "Breaching within" weeks; staff may
// type any other number.
func (PTLFilterForm) BreachWithinOptions() []int { return []int{1, 2, 4, 6, 8} }

// maxBreachWithin caps "Breaching within": a clock breaches at 18 weeks, so
// a longer horizon selects nothing more.
const maxBreachWithin = 18

// findWaitedBand returns the band with value; an unknown value is "any
// wait".
func findWaitedBand(value string) WaitedBand {
	for _, b := range waitedBands {
		if b.Value == value {
			return b
		}
	}
	return waitedBands[0]
}

func readPTLFilter(q url.Values) PTLFilterForm {
	f := PTLFilterForm{SpecialtyID: formInt64(q.Get("specialty")), ClinicianID: formInt64(q.Get("consultant")),
		SiteID: formInt64(q.Get("site")), Booked: "all", Sort: elective.SortLongestWait,
		BreachWithin:  int(min(formInt64(q.Get("breach_within")), maxBreachWithin)),
		ValidationDue: q.Get("validation_due") == "1"}
	if lt := elective.ListType(q.Get("list")); slices.Contains(elective.ListTypes, lt) {
		f.ListType = lt
	}
	if pr := elective.Priority(q.Get("priority")); pr.Valid() {
		f.Priority = pr
	}
	if b := q.Get("booked"); b == "yes" || b == "no" {
		f.Booked = b
	}
	f.Waited = findWaitedBand(q.Get("waited")).Value
	switch sort := elective.PTLSort(q.Get("sort")); sort {
	case elective.SortPriority, elective.SortBreach:
		f.Sort = sort
	}
	return f
}

// filter is the service filter the form asks for, without the paging.
func (f PTLFilterForm) filter(census elective.Date) elective.PTLFilter {
	band := findWaitedBand(f.Waited)
	return elective.PTLFilter{
		SpecialtyID: f.SpecialtyID, ClinicianID: f.ClinicianID, SiteID: f.SiteID,
		ListType: f.ListType, Priority: f.Priority, Booked: bookedFilter(f.Booked),
		MinWeeks: band.MinWeeks, MaxWeeks: band.MaxWeeks, BreachWithinWeeks: f.BreachWithin,
		ValidationDue: f.ValidationDue, Census: census, Sort: f.Sort,
	}
}

// handlePTLIndex shows the PTL: every open pathway with its clock.
func (s *Server) handlePTLIndex(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, page, today := readPTLFilter(q), pageNumber(q), s.today()
	filter := f.filter(today)
	filter.Offset, filter.Limit = offset(page), perPage
	entries, total, err := s.svc.WaitingList.FindPTL(r.Context(), filter)
	if err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &PTLIndexPage{Filter: f, Specialties: lk.specialties, Clinicians: lk.cliniciansIn(f.SpecialtyID),
		Sites: lk.sites, Rows: ptlRows(entries, today), Pagination: newPagination(r.URL, page, total)}
	p.Title, p.Nav, p.Wide = "Patient tracking list", NavPTL, true
	return s.render(w, r, http.StatusOK, p)
}
