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
		"fillBar":                fillBar,
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

// fillBar draws how full something is as a small SVG bar (pct of 0 to
// 100; over in red). The page's content security policy forbids inline
// style attributes, so the width is an SVG attribute, not a CSS width;
// the words beside the bar carry the figure.
func fillBar(pct int, over bool) template.HTML {
	pct = max(0, min(100, pct))
	class := "app-bar__fill"
	if over {
		class += " app-bar__fill--over"
	}
	return template.HTML(fmt.Sprintf(`<svg class="app-bar" width="80" height="10" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">`+
		`<rect class="app-bar__track" width="100" height="10"/><rect class="%s" width="%d" height="10"/></svg>`, class, pct))
}
