package rota

import (
	"fmt"
	"time"

	"github.com/openelective/elective"
)

// consecutiveOnCall: no non-resident on call on two consecutive days,
// except at weekends (the 2016 terms for NROC, kept by the 2019
// amendments; rules.md 4.3, Non-resident on-call). Two calls are
// consecutive when their local start dates are a day apart, whatever lies
// between them.
//
// The reading of "except at weekends": the exception is the weekend's own
// pair, a call starting on Saturday followed by one starting on Sunday.
// A Friday call is a weekday call even though it runs into Saturday, so
// Friday then Saturday breaks the rule, as does Sunday then Monday; a
// Friday-Saturday-Sunday run breaks it once, on the Saturday. This is the
// stricter of the readings (a Trust that counts Friday as part of the
// weekend would allow Friday-Saturday) and the one the weekend definition
// of the weekend rule (00:00 Saturday to 24:00 Sunday) suggests. Calls of
// 24 hours back to back also break the 11-hour rest; this rule matters for
// shorter calls, such as an evening-to-morning on call.
//
// The breach is dated at the later call, with the earlier call's date as
// its ref.
func consecutiveOnCall(ss []span, out []breach) []breach {
	prev := -1
	for i := range ss {
		if !ss[i].onCall {
			continue
		}
		if prev >= 0 && ss[i].day-ss[prev].day == 1 && !weekendPair(ss[prev].day) {
			out = append(out, breach{rule: RuleConsecutiveOnCall, day: ss[i].day, ref: ss[prev].day})
		}
		prev = i
	}
	return out
}

// weekendPair reports whether a call starting on day (elective.Date.Days)
// and one starting the next day are the weekend's Saturday and Sunday.
func weekendPair(day int64) bool {
	return elective.DateFromDays(day).Weekday() == time.Saturday
}

// consecutiveOnCallMessage names both dates.
func consecutiveOnCallMessage(b breach) string {
	const layout = "Mon 2 Jan 2006"
	return fmt.Sprintf("Non-resident on call on %s and again on %s; no consecutive on calls except Saturday and Sunday of a weekend (rules.md 4.3, 2016 terms).",
		elective.DateFromDays(b.ref).Format(layout), elective.DateFromDays(b.day).Format(layout))
}
