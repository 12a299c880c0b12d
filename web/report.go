package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Standards the waiting-times page measures against (rules.md 1.13): the
// operational standard of 92% of open pathways within 18 weeks, and the
// 2025/26 planning milestone of 65%.
const (
	standardPercent = 92.0
	interimPercent  = 65.0
)

// trendMonths is how many month ends the trend chart shows.
const trendMonths = 12

// ReportIndexPage is the managers' "Waiting times" page: the PTL by
// specialty against the 18-week standard, the weeks-waited distribution
// and 18-week trend of one specialty (or the trust), and the downloads.
type ReportIndexPage struct {
	Page
	Census elective.Date
	Rows   []SummaryRow
	Total  SummaryRow
	// Choices are the chart's specialties, the whole trust first (ID 0).
	Choices     []ChartChoice
	SpecialtyID int64
	ChartName   string
	// Distribution charts Buckets, its table alternative.
	Distribution BarChart
	Buckets      []WaitBucket
	// Trend charts TrendRows, its table alternative.
	Trend     LineChart
	TrendRows []TrendRow
	// WLMDSCensus and ReturnMonth fill the download forms: today, and the
	// last complete month (the latest a monthly return can be made for).
	WLMDSCensus string
	ReturnMonth string
	// Checks are the return-level data-quality checks NHS England runs
	// (rules.md 1.12), run here before the trust submits.
	Checks []elective.QualityFinding
}

func (*ReportIndexPage) templateName() string { return "report/index" }

// SummaryRow is one line of the summary table with its 18-week percentage
// judged against the standard.
type SummaryRow struct {
	Line     elective.PTLSummaryLine
	Percent  string
	Standard StandardStatus
}

// StandardStatus is how a percentage stands against the 18-week standard:
// a tag colour and the words, so that colour is never the only signal.
type StandardStatus struct {
	Class string
	Text  string
}

// ChartChoice is one option of the chart's specialty select.
type ChartChoice struct {
	ID       int64
	Name     string
	Selected bool
}

// WaitBucket is one 4-week bucket of the weeks-waited distribution.
type WaitBucket struct {
	Label    string
	Count    int
	Breached bool // every wait in the bucket is over 18 weeks
}

// TrendRow is one month end of the trend table.
type TrendRow struct {
	Point    elective.TrendPoint
	Percent  string // "–" when nobody was waiting
	Standard StandardStatus
}

func newSummaryRow(l elective.PTLSummaryLine) SummaryRow {
	return SummaryRow{Line: l, Percent: formatPercent(l.Open, l.Percent18()), Standard: standardStatus(l.Open, l.Percent18())}
}

// formatPercent shows a percentage to one decimal place, or a dash when
// there is nothing to divide.
func formatPercent(open int, pct float64) string {
	if open == 0 {
		return "–"
	}
	return strconv.FormatFloat(pct, 'f', 1, 64) + "%"
}

// standardStatus judges an 18-week percentage: green at or above the 92%
// standard, yellow below it, red below the 65% planning milestone.
func standardStatus(open int, pct float64) StandardStatus {
	switch {
	case open == 0:
		return StandardStatus{"nhsuk-tag--grey", "No open pathways"}
	case pct >= standardPercent:
		return StandardStatus{"nhsuk-tag--green", "Meets the 92% standard"}
	case pct >= interimPercent:
		return StandardStatus{"nhsuk-tag--yellow", "Below the 92% standard"}
	}
	return StandardStatus{"nhsuk-tag--red", "Below 65%"}
}

// waitBuckets groups a line's weekly bands into 4-week buckets, 0–4 up to
// 48–52 and 52+: band k holds waits of k to k+1 weeks (rules.md 1.11).
func waitBuckets(l *elective.PTLSummaryLine) []WaitBucket {
	const width, last = 4, 13 // buckets 0–12 of four bands; bucket 13 is 52+
	out := make([]WaitBucket, last+1)
	for i := range out {
		out[i].Label = fmt.Sprintf("%d–%d", i*width, (i+1)*width)
		// Band k starts at 7k+1 days: the bucket is breached if its first band is.
		out[i].Breached = rtt.Breached(7*i*width + 1)
	}
	out[last].Label = fmt.Sprintf("%d+", last*width)
	for k, n := range l.Bands {
		out[min(k/width, last)].Count += n
	}
	return out
}

// distributionChart draws the buckets with the 18-week line through the
// 16–20 bucket.
func distributionChart(buckets []WaitBucket) BarChart {
	values := make([]barValue, len(buckets))
	for i, b := range buckets {
		values[i] = barValue{Label: b.Label, Value: b.Count}
		if b.Breached {
			values[i].Class = "app-chart__bar--breached"
		}
	}
	return newBarChart(values, 18.0/4, "18 weeks", "Weeks waited", "Open pathways")
}

// trendRows and trendChart show one specialty's trend, or nothing when the
// specialty had nobody waiting at any month end.
func trendRows(trends []elective.SpecialtyTrend, specialtyID int64) []TrendRow {
	for _, t := range trends {
		if t.SpecialtyID != specialtyID {
			continue
		}
		rows := make([]TrendRow, len(t.Points))
		for i, p := range t.Points {
			rows[i] = TrendRow{Point: p, Percent: formatPercent(p.Open, p.Percent18()), Standard: standardStatus(p.Open, p.Percent18())}
		}
		return rows
	}
	return nil
}

func trendChart(rows []TrendRow) LineChart {
	values := make([]lineValue, len(rows))
	for i, r := range rows {
		values[i] = lineValue{Label: r.Point.MonthEnd.Format("Jan 06"), Value: r.Point.Percent18(),
			Display: r.Percent, Missing: r.Point.Open == 0}
	}
	return newPercentLineChart(values, standardPercent, "92% standard", "Month end", "% within 18 weeks")
}

// handleReportIndex shows the waiting-times page at today.
func (s *Server) handleReportIndex(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	today := s.today()
	sum, err := s.svc.Reports.PTLSummary(r.Context(), today)
	if err != nil {
		return err
	}
	trends, err := s.svc.Reports.Trend(r.Context(), today, trendMonths)
	if err != nil {
		return err
	}
	p := newReportIndexPage(sum, trends, formInt64(r.URL.Query().Get("specialty")))
	p.WLMDSCensus, p.ReturnMonth = today.String(), lastCompleteMonth(today)
	p.Checks = elective.CheckReturn(sum, trustPoints(trends))
	p.Title, p.Nav, p.Wide = "Waiting times", NavReports, true
	return s.render(w, r, http.StatusOK, p)
}

// newReportIndexPage builds the page for the chosen specialty; one that
// has no open pathways falls back to the whole trust.
func newReportIndexPage(sum *elective.PTLSummary, trends []elective.SpecialtyTrend, specialtyID int64) *ReportIndexPage {
	p := &ReportIndexPage{Census: sum.Census, Total: newSummaryRow(sum.Total), ChartName: "the whole trust"}
	chosen := &sum.Total
	p.Choices = []ChartChoice{{ID: 0, Name: "Whole trust"}}
	for i, l := range sum.Lines {
		p.Rows = append(p.Rows, newSummaryRow(l))
		p.Choices = append(p.Choices, ChartChoice{ID: l.SpecialtyID, Name: l.Name})
		if l.SpecialtyID == specialtyID {
			chosen, p.SpecialtyID, p.ChartName = &sum.Lines[i], l.SpecialtyID, l.Name
			p.Choices[len(p.Choices)-1].Selected = true
		}
	}
	p.Choices[0].Selected = p.SpecialtyID == 0
	p.Buckets = waitBuckets(chosen)
	p.Distribution = distributionChart(p.Buckets)
	p.TrendRows = trendRows(trends, p.SpecialtyID)
	p.Trend = trendChart(p.TrendRows)
	return p
}

// trustPoints is the whole trust's trend (SpecialtyID 0), oldest first.
func trustPoints(trends []elective.SpecialtyTrend) []elective.TrendPoint {
	for _, t := range trends {
		if t.SpecialtyID == 0 {
			return t.Points
		}
	}
	return nil
}

// lastCompleteMonth is the month before today's, as YYYY-MM: the latest
// month a monthly return can be made for.
func lastCompleteMonth(today elective.Date) string {
	return elective.NewDate(today.Year, today.Month, 1).AddDays(-1).Format("2006-01")
}
