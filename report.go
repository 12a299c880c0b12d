package elective

import "context"

// WeeklyBands is the number of weekly bands of the national returns: 0–1
// weeks up to 103–104, and 104+ (rules.md 1.11).
const WeeklyBands = 105

// PTLSummaryLine counts one specialty's open pathways (or the whole
// trust's) at a census date, by weekly band.
type PTLSummaryLine struct {
	SpecialtyID int64
	Code        string // treatment function code
	Name        string
	Open        int
	Within18    int // waited 126 days or fewer
	Over52      int // waited 365 days or more
	Over65      int // 456 days or more
	Over78      int // 547 days or more
	Over104     int // 729 days or more
	Bands       [WeeklyBands]int
}

// Percent18 is the share of open pathways within 18 weeks, the operational
// standard's measure (rules.md 1.13.2).
func (l *PTLSummaryLine) Percent18() float64 {
	if l.Open == 0 {
		return 0
	}
	return 100 * float64(l.Within18) / float64(l.Open)
}

// PTLSummary is the incomplete-pathway picture at a census date: one line
// per specialty (treatment function) and a total.
type PTLSummary struct {
	Census Date
	Lines  []PTLSummaryLine
	Total  PTLSummaryLine
}

// TrendPoint is one month end of a specialty's trend.
type TrendPoint struct {
	MonthEnd Date
	Open     int
	Within18 int
}

// Percent18 is the month end's share within 18 weeks.
func (p TrendPoint) Percent18() float64 {
	if p.Open == 0 {
		return 0
	}
	return 100 * float64(p.Within18) / float64(p.Open)
}

// SpecialtyTrend is a specialty's open pathways and 18-week percentage at
// each of the last month ends; SpecialtyID 0 is the whole trust.
type SpecialtyTrend struct {
	SpecialtyID int64
	Name        string
	Points      []TrendPoint // oldest first
}

// WLMDSRecord is one open pathway of the weekly Waiting List Minimum Data
// Set extract, with the fields Elective holds under their national names
// (rules.md 1.14).
type WLMDSRecord struct {
	WeekEndingDate                  Date
	WaitingListType                 string
	NHSNumber                       string
	LocalPatientIdentifier          string
	PersonBirthDate                 Date
	PersonStatedGenderCode          string
	ReferralRequestReceivedDate     Date
	ReferralIdentifier              string
	PatientPathwayIdentifier        string
	PPIDIssuer                      string
	SourceOfReferral                string
	OrganisationCodeOfProvider      string
	SiteCodeOfTreatment             string
	ActivityTreatmentFunctionCode   string
	ConsultantCode                  string
	RTTPeriodStartDate              Date
	RTTPeriodStatus                 string
	PriorityTypeCode                string
	OutpatientFutureAppointmentDate Date
	LastPASValidationDate           Date
	WeeksWaited                     int
}

// ReportService gives managers and the national returns their numbers.
type ReportService interface {
	// PTLSummary counts the live PTL by specialty and weekly band at census.
	PTLSummary(ctx context.Context, census Date) (*PTLSummary, error)

	// MonthlyReturn counts the pathways whose clocks were running at a
	// month end, derived again from the event log so that a past month is
	// as it was: the incomplete pathways of the monthly RTT return
	// (rules.md 1.11, Part 2).
	MonthlyReturn(ctx context.Context, monthEnd Date) (*PTLSummary, error)

	// Trend returns, for the trust and each specialty, the open pathways
	// and 18-week percentage at each of the last months month ends before
	// today.
	Trend(ctx context.Context, today Date, months int) ([]SpecialtyTrend, error)

	// ExportPTL streams every PTL row matching the filter (no paging), for
	// CSV and Excel exports. It audits the export.
	ExportPTL(ctx context.Context, f PTLFilter, fn func(*PTLEntry) error) error

	// ExportWLMDS streams the WLMDS open-pathways records at census.
	ExportWLMDS(ctx context.Context, census Date, fn func(*WLMDSRecord) error) error
}
