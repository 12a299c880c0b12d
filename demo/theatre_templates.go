package demo

import (
	"slices"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

// jobPlanWeeks is about how many weeks before this week the demo's theatre
// job plan took effect: a template in week c of an n-week rota starts c
// weeks after a multiple of n weeks before this Monday, so that this week
// is the rota's first. 24 is a multiple of 2, 3, 4, 6 and 8.
const jobPlanWeeks = 24

// Start and length of the demo's lists: a morning or afternoon session of
// four hours (1.25 PA, rules.md 3.6), or an all-day list of eight.
const (
	morningStart   = 8*60 + 30
	afternoonStart = 13*60 + 30
	halfDayMinutes = 240
	allDayMinutes  = 480
)

// templates lays the demo's job plan over the theatres as session
// templates, as a trust keeps them. Each main theatre's morning and
// afternoon on each weekday goes to a surgeon in the first fortnight and
// to the next ones on the rota in the second, some days as one all-day
// list. The endoscopy rooms' sessions go round the endoscopists, moving
// on ten places a room each week, so their rota comes round in as many
// weeks as that takes (two for the small demo's four endoscopists, three
// for the large one's 36); a rota longer than a template can repeat
// (elective.MaxTemplateEvery weeks) becomes the nearest fortnightly one.
// A list with the same consultant and list type every week is one weekly
// template.
func (t *tgen) templates(surgeons, endoscopists []rotaConsultant) {
	rota := slices.Clone(surgeons)
	t.rng.Shuffle(len(rota), func(i, j int) { rota[i], rota[j] = rota[j], rota[i] })
	t.mainTemplates(rota)
	t.endoscopyTemplates(endoscopists)
}

// mainTemplates gives each main theatre's lists to the surgeons on the
// rota, the second fortnight's to those perWeek places on.
func (t *tgen) mainTemplates(rota []rotaConsultant) {
	if len(rota) == 0 {
		return
	}
	perWeek := t.mains * 5 * 2
	for th := range t.mains {
		for day := range 5 {
			k := (day*t.mains + th) * 2
			pick := func(p int) []rotaConsultant {
				return []rotaConsultant{rota[(k+p)%len(rota)], rota[(k+p+perWeek)%len(rota)]}
			}
			if (th+day)%5 == 0 {
				t.rotaTemplates(int64(th+1), day, elective.PeriodAllDay, pick(0))
				continue
			}
			t.rotaTemplates(int64(th+1), day, elective.PeriodMorning, pick(0))
			t.rotaTemplates(int64(th+1), day, elective.PeriodAfternoon, pick(1))
		}
	}
}

// endoscopyTemplates gives the endoscopy rooms' sessions to the
// endoscopists in turn, ten places on a room each week, over as many
// weeks as the rota takes to come round (two if a template cannot repeat
// that rarely).
func (t *tgen) endoscopyTemplates(endoscopists []rotaConsultant) {
	if len(endoscopists) == 0 {
		return
	}
	rooms := t.mains / mainTheatres
	step := rooms * 10 % len(endoscopists)
	weeks := len(endoscopists) / gcd(len(endoscopists), step)
	if weeks > elective.MaxTemplateEvery {
		weeks = 2
	}
	for r := range rooms {
		for day := range 5 {
			for p, period := range []elective.SessionPeriod{elective.PeriodMorning, elective.PeriodAfternoon} {
				k := (day*rooms+r)*2 + p
				var cs []rotaConsultant
				for w := range weeks {
					cs = append(cs, endoscopists[(k+w*step)%len(endoscopists)])
				}
				t.rotaTemplates(int64(t.mains+r+1), day, period, cs)
			}
		}
	}
}

// gcd is the greatest common divisor of a > 0 and b >= 0.
func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// rotaTemplates adds a theatre's list on a weekday of the job plan, the
// consultant of week w of the rota in cs[w]: a template every len(cs)
// weeks for each week, or one weekly template when every week is the
// same.
func (t *tgen) rotaTemplates(theatreID int64, day int, period elective.SessionPeriod, cs []rotaConsultant) {
	var tps []*elective.TheatreTemplate
	for w, c := range cs {
		tps = append(tps, t.template(theatreID, day, period, c, w, len(cs)))
	}
	if !slices.ContainsFunc(tps, func(tp *elective.TheatreTemplate) bool {
		return tp.SurgeonID != tps[0].SurgeonID || tp.ListType != tps[0].ListType
	}) {
		tps[0].Every, tps = 1, tps[:1]
	}
	for _, tp := range tps {
		tp.ID = int64(len(t.d.Templates) + 1)
		t.d.Templates = append(t.d.Templates, tp)
	}
}

// template is consultant c's list on a weekday in week w of a rota of
// every weeks, from the job plan's start. List type and kit follow the
// specialty; a plastic surgery list is local anaesthetic in the second
// fortnight.
func (t *tgen) template(theatreID int64, day int, period elective.SessionPeriod, c rotaConsultant, w, every int) *elective.TheatreTemplate {
	monday := t.today.AddDays(-int((t.today.Weekday() + 6) % 7))
	back := (jobPlanWeeks + every - 1) / every * every
	tp := &elective.TheatreTemplate{TheatreID: theatreID,
		SpecialtyID: int64(slices.IndexFunc(specialties, func(s specialty) bool { return s.code == c.code }) + 1),
		SurgeonID:   c.id, Weekday: time.Monday + time.Weekday(day), Period: period, StartMinute: morningStart,
		Minutes: halfDayMinutes, ListType: listTypeOf(c.code, w), Kit: sessionKit(c.code), Every: every,
		EffectiveFrom: monday.AddDays(7 * (w - back))}
	switch period {
	case elective.PeriodAfternoon:
		tp.StartMinute = afternoonStart
	case elective.PeriodAllDay:
		tp.Minutes = allDayMinutes
	}
	return tp
}

// sessions makes the templates' lists from today to the end of the
// theatreWeeks weeks from this Monday, by the same calendar as the
// store's GenerateTheatreSessions (bank holidays skipped), so that making
// them again in the running system adds none. They are given their 6-4-2
// standing in date, theatre and start order.
func (t *tgen) sessions() {
	monday := t.today.AddDays(-int((t.today.Weekday() + 6) % 7))
	last := monday.AddDays(7*theatreWeeks - 1)
	var made []*elective.TheatreSession
	for _, tp := range t.d.Templates {
		for _, o := range calendar.TheatreScheduleOf(tp).Sessions(t.today, last) {
			made = append(made, tp.Session(o.Date))
		}
	}
	slices.SortFunc(made, func(a, b *elective.TheatreSession) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if a.TheatreID != b.TheatreID {
			return int(a.TheatreID - b.TheatreID)
		}
		return a.StartMinute - b.StartMinute
	})
	for _, s := range made {
		t.standing(s)
	}
}
