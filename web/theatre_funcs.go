package web

import (
	"fmt"
	"html/template"

	"github.com/openelective/elective"
)

// theatreFuncs are the template helpers of the admitted-care pages.
func theatreFuncs() template.FuncMap {
	return template.FuncMap{
		"pcodeClass":             pcodeClass,
		"surgicalPriorities":     func() []elective.SurgicalPriority { return elective.SurgicalPriorities },
		"anaestheticTypes":       func() []elective.AnaestheticType { return elective.AnaestheticTypes },
		"theatreListTypes":       func() []elective.TheatreListType { return elective.TheatreListTypes },
		"operationCancelReasons": func() []elective.OperationCancelReason { return elective.OperationCancelReasons },
		"hhmm":                   hhmm,
		"pct":                    func(f float64) string { return fmt.Sprintf("%.1f%%", f) },
		"sub":                    func(a, b int) int { return a - b },
	}
}

// pcodeClass colours a surgical priority: P1 red, P2 orange, others grey.
func pcodeClass(p elective.SurgicalPriority) string {
	switch p {
	case elective.P1a, elective.P1b:
		return "nhsuk-tag--red"
	case elective.P2:
		return "nhsuk-tag--orange"
	}
	return "nhsuk-tag--grey"
}
