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
		Risk: breachRisk(e.BreachDate, today)}
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

// PTLFilterForm is the PTL's filter form.
type PTLFilterForm struct {
	SpecialtyID int64
	ClinicianID int64
	SiteID      int64
	ListType    elective.ListType // "" for every list
	Priority    elective.Priority // "" for every priority
	Booked      string            // "all" (default), "yes" or "no"
	Sort        elective.PTLSort  // longest wait (default), priority or breach
}

func readPTLFilter(q url.Values) PTLFilterForm {
	f := PTLFilterForm{SpecialtyID: formInt64(q.Get("specialty")), ClinicianID: formInt64(q.Get("consultant")),
		SiteID: formInt64(q.Get("site")), Booked: "all", Sort: elective.SortLongestWait}
	if lt := elective.ListType(q.Get("list")); slices.Contains(elective.ListTypes, lt) {
		f.ListType = lt
	}
	if pr := elective.Priority(q.Get("priority")); pr.Valid() {
		f.Priority = pr
	}
	if b := q.Get("booked"); b == "yes" || b == "no" {
		f.Booked = b
	}
	switch sort := elective.PTLSort(q.Get("sort")); sort {
	case elective.SortPriority, elective.SortBreach:
		f.Sort = sort
	}
	return f
}

// handlePTLIndex shows the PTL: every open pathway with its clock.
func (s *Server) handlePTLIndex(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f, page, today := readPTLFilter(q), pageNumber(q), s.today()
	entries, total, err := s.svc.WaitingList.FindPTL(r.Context(), elective.PTLFilter{
		SpecialtyID: f.SpecialtyID, ClinicianID: f.ClinicianID, SiteID: f.SiteID,
		ListType: f.ListType, Priority: f.Priority, Booked: bookedFilter(f.Booked),
		Census: today, Sort: f.Sort, Offset: offset(page), Limit: perPage,
	})
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
