package web

import (
	"sort"
	"strconv"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/workforce"
)

// workforceHelpers gives the staff, job plan and leave pages the choices
// and formats their templates share, as page methods rather than global
// template functions.
type workforceHelpers struct{}

// StaffGroups are the staff groups in form order.
func (workforceHelpers) StaffGroups() []elective.StaffGroup { return elective.StaffGroups }

// LeaveTypes are the leave types in form order.
func (workforceHelpers) LeaveTypes() []elective.LeaveType { return elective.LeaveTypes }

// LeaveStatuses are the leave statuses in worklist order.
func (workforceHelpers) LeaveStatuses() []elective.LeaveStatus { return elective.LeaveStatuses }

// PACategories are the job-plan categories in form order.
func (workforceHelpers) PACategories() []elective.PACategory { return elective.PACategories }

// WeekdayChoices are the days of the week, Monday first.
func (workforceHelpers) WeekdayChoices() []time.Weekday {
	return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
}

// Days writes a number of days of leave: "4", "4.5".
func (workforceHelpers) Days(d float64) string { return strconv.FormatFloat(d, 'f', -1, 64) }

// PAs writes a number of programmed activities: "10", "1.25".
func (workforceHelpers) PAs(n float64) string { return workforce.FormatPAs(n) }

// StatusClass colours a leave status tag.
func (workforceHelpers) StatusClass(s elective.LeaveStatus) string {
	switch s {
	case elective.LeaveApproved:
		return "nhsuk-tag--green"
	case elective.LeaveDeclined:
		return "nhsuk-tag--red"
	case elective.LeaveCancelled:
		return "nhsuk-tag--grey"
	}
	return "nhsuk-tag--blue"
}

// teamsOf lists the teams of staff, sorted, for the filters.
func teamsOf(staff []*elective.StaffMember) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range staff {
		if m.Team != "" && !seen[m.Team] {
			seen[m.Team] = true
			out = append(out, m.Team)
		}
	}
	sort.Strings(out)
	return out
}

// parseOptionalDate reads a YYYY-MM-DD value; empty is the zero date.
func parseOptionalDate(s, field, msg string) (elective.Date, error) {
	if s == "" {
		return elective.Date{}, nil
	}
	d, err := elective.ParseDate(s)
	if err != nil {
		return d, fieldErr(field, msg)
	}
	return d, nil
}
