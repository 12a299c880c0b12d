package web

import (
	"fmt"
	"html/template"
	"strconv"
)

// rotaFuncs are the template helpers of the rota pages.
func rotaFuncs() template.FuncMap {
	return template.FuncMap{
		"rotaHours": rotaHours,
		"thousands": thousands,
	}
}

// rotaHours shows minutes as hours: "12.5 h", "72 h".
func rotaHours(minutes int) string {
	if minutes%60 == 0 {
		return strconv.Itoa(minutes/60) + " h"
	}
	return fmt.Sprintf("%.1f h", float64(minutes)/60)
}

// thousands writes n with thousands separators: 2,000,000.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
