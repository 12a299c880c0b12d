package web

import (
	"net/http"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// CancelledOperationsPage is the 28-day worklist: operations cancelled at
// the last minute for non-clinical reasons, with the date by which a new
// binding date must be given (rules.md 2.1), and the other cancellations.
type CancelledOperationsPage struct {
	Page
	From, To elective.Date
	Rows     []CancelledOperationRow
	Open     int
	Breached int
}

func (*CancelledOperationsPage) templateName() string { return "theatre/cancelled" }

// CancelledOperationRow is a cancellation with its 28-day standing.
type CancelledOperationRow struct {
	Op     *elective.CancelledOperation
	Status theatre.RebookStatus
}

// Open reports whether the patient still needs a binding new date.
func (r CancelledOperationRow) Open() bool { return r.Status.State == theatre.RebookOpen }

// cancelledLookbackDays is how far back the worklist reads: a quarter and
// a month, so every 28-day period still open or breached this quarter is
// on it.
const cancelledLookbackDays = 120

// handleCancelledOperations shows the 28-day worklist.
func (s *Server) handleCancelledOperations(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	today := s.today()
	p := &CancelledOperationsPage{From: today.AddDays(-cancelledLookbackDays), To: today}
	p.Title, p.Nav, p.Wide = "Cancelled operations", NavTheatres, true
	ops, err := s.svc.Theatres.FindCancelledOperations(r.Context(), p.From, p.To)
	if err != nil {
		return err
	}
	for _, op := range ops {
		row := CancelledOperationRow{Op: op, Status: theatre.TwentyEightDayStatus(op, today)}
		if row.Open() {
			p.Open++
		}
		if row.Status.Breach {
			p.Breached++
		}
		p.Rows = append(p.Rows, row)
	}
	return s.render(w, r, http.StatusOK, p)
}
