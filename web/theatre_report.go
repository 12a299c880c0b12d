package web

import (
	"net/http"
	"sort"

	"github.com/openelective/elective"
)

// TheatreReportPage is the admitted-care report for a period: session
// utilisation, released and unused sessions, cancellations by reason,
// 28-day breaches and patients at risk of missing their priority's limit.
type TheatreReportPage struct {
	Page
	From, To      elective.Date
	Report        *elective.TheatreReport
	Cancellations []ReasonCount
}

func (*TheatreReportPage) templateName() string { return "theatre/report" }

// ReasonCount is how many operations were cancelled for a reason.
type ReasonCount struct {
	Reason elective.OperationCancelReason
	Count  int
}

// handleTheatreReport shows the report, by default for the last four
// weeks and the next four.
func (s *Server) handleTheatreReport(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	today := s.today()
	p := &TheatreReportPage{From: today.AddDays(-28), To: today.AddDays(27)}
	q := r.URL.Query()
	if d, err := elective.ParseDate(q.Get("from")); err == nil {
		p.From = d
	}
	if d, err := elective.ParseDate(q.Get("to")); err == nil && !d.Before(p.From) {
		p.To = d
	}
	p.Title, p.Nav = "Theatre report", NavReports
	rep, err := s.svc.Theatres.TheatreReport(r.Context(), p.From, p.To)
	if err != nil {
		return err
	}
	p.Report = rep
	for reason, n := range rep.CancellationsByReason {
		p.Cancellations = append(p.Cancellations, ReasonCount{reason, n})
	}
	sort.Slice(p.Cancellations, func(i, j int) bool {
		a, b := p.Cancellations[i], p.Cancellations[j]
		return a.Count > b.Count || (a.Count == b.Count && a.Reason < b.Reason)
	})
	return s.render(w, r, http.StatusOK, p)
}
