package web

import (
	"net/http"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// ASIRow is one UBRN on the appointment slot issues worklist, with the date
// its booking window closes.
type ASIRow struct {
	PTLRow
	WindowEnds elective.Date
	Overdue    bool // past the booking window: the patient waits longer than the trust promised
}

// ASIIndexPage is the e-RS appointment slot issues worklist: UBRNs no slot
// was free for, by clinical priority then longest wait. The list must be
// worked: the referral letter is seen only once a slot is booked (S26).
type ASIIndexPage struct {
	Page
	Rows       []ASIRow
	Pagination Pagination
}

func (*ASIIndexPage) templateName() string { return "asi/index" }

// handleASIIndex lists the unbooked e-RS referrals deferred to the ASI
// worklist.
func (s *Server) handleASIIndex(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	page, today := pageNumber(q), s.today()
	entries, total, err := s.svc.WaitingList.FindPTL(r.Context(), elective.PTLFilter{Source: elective.SourceERSASI,
		Booked: "no", Sort: elective.SortPriority, Census: today, Offset: offset(page), Limit: perPage})
	if err != nil {
		return err
	}
	p := &ASIIndexPage{Pagination: newPagination(r.URL, page, total)}
	for _, row := range ptlRows(entries, today) {
		end := access.ERSBookingWindowEnd(row.Entry.ClockStart, row.Entry.Priority, s.cfg.Policy)
		p.Rows = append(p.Rows, ASIRow{PTLRow: row, WindowEnds: end, Overdue: today.After(end)})
	}
	p.Title, p.Nav, p.Wide = "Appointment slot issues", NavWaitingList, true
	return s.render(w, r, http.StatusOK, p)
}
