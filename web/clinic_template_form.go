package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// TemplateForm is a clinic template as typed: the pattern, the times and
// the slots as counts of new and follow-up slots.
type TemplateForm struct {
	Code, Name, Room               string
	ClinicianID, SiteID            int64
	Weekday                        int
	Start                          string // HH:MM
	Pattern                        string // weekly, every, month
	Every                          string
	Weeks                          []string
	OpenOnBankHolidays             bool
	From, To                       string
	NewSlots, NewMinutes           string
	FollowUpSlots, FollowUpMinutes string
	// HeldSlots of the new slots, from the start of the session, are held
	// for HeldFor ("urgent" or "two-week-wait") until released.
	HeldSlots, HeldFor string
	// ERS: the new slots are directly bookable in e-RS; follow-up slots
	// never are.
	ERS bool
}

// HasWeek reports whether week w is ticked, for the form.
func (f TemplateForm) HasWeek(w string) bool {
	for _, x := range f.Weeks {
		if x == w {
			return true
		}
	}
	return false
}

func readTemplateForm(r *http.Request) TemplateForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	wd, _ := strconv.Atoi(v("weekday"))
	return TemplateForm{Code: strings.ToUpper(v("code")), Name: v("name"), Room: v("room"),
		ClinicianID: formInt64(v("clinician_id")), SiteID: formInt64(v("site_id")), Weekday: wd, Start: v("start"),
		Pattern: v("pattern"), Every: v("every"), Weeks: r.PostForm["weeks"], OpenOnBankHolidays: v("bank_holidays") == "1",
		From: v("effective_from"), To: v("effective_to"), NewSlots: v("new_slots"), NewMinutes: v("new_minutes"),
		FollowUpSlots: v("fu_slots"), FollowUpMinutes: v("fu_minutes"), HeldSlots: v("held_slots"), HeldFor: v("held_for"),
		ERS: v("ers") == "1"}
}

// template turns the form into a template, naming every field it cannot
// read; the template's own rules are checked by the service.
func (f TemplateForm) template(lk *lookup) (*elective.ClinicTemplate, error) {
	var probs elective.Problems
	t := &elective.ClinicTemplate{Code: f.Code, Name: f.Name, Room: f.Room, ClinicianID: f.ClinicianID, SiteID: f.SiteID,
		Weekday: time.Weekday(f.Weekday), OpenOnBankHolidays: f.OpenOnBankHolidays}
	for _, c := range lk.clinicians {
		if c.ID == f.ClinicianID {
			t.SpecialtyID = c.SpecialtyID
		}
	}
	if f.Weekday < 1 || f.Weekday > 5 {
		probs.Add("weekday", "Select the day of the week")
	}
	if hh, mm, ok := strings.Cut(f.Start, ":"); !ok {
		probs.Add("start", "Enter the start time as HH:MM, for example 09:00")
	} else {
		h, err1 := strconv.Atoi(hh)
		m, err2 := strconv.Atoi(mm)
		if err1 != nil || err2 != nil || h > 23 || m > 59 {
			probs.Add("start", "Enter the start time as HH:MM, for example 09:00")
		}
		t.StartMinute = h*60 + m
	}
	f.pattern(t, &probs)
	var err error
	if t.EffectiveFrom, err = elective.ParseDate(f.From); err != nil {
		probs.Add("effective_from", "Enter the date of the first week, for example 2027-01-04")
	}
	if f.To != "" {
		if t.EffectiveTo, err = elective.ParseDate(f.To); err != nil {
			probs.Add("effective_to", "Enter the last date, or leave it blank for no end")
		}
	}
	news := slots(elective.SlotNew, f.NewSlots, f.NewMinutes, &probs)
	f.bookingRules(news, &probs)
	fus := slots(elective.SlotFollowUp, f.FollowUpSlots, f.FollowUpMinutes, &probs)
	for i := range fus {
		fus[i].LocalOnly = true // e-RS books first appointments only
	}
	t.Slots = append(news, fus...)
	return t, probs.Err("The clinic template was not saved")
}

// bookingRules marks the new slots: the first HeldSlots held for urgent or
// two-week-wait referrals, and all of them local only unless bookable in
// e-RS.
func (f TemplateForm) bookingRules(news []elective.TemplateSlot, probs *elective.Problems) {
	held := 0
	if f.HeldSlots != "" {
		n, err := strconv.Atoi(f.HeldSlots)
		if err != nil || n < 0 || n > len(news) {
			probs.Add("held_slots", "Enter how many of the %d new slots are held for urgent referrals (0 for none)", len(news))
			return
		}
		held = n
	}
	reserved := elective.PriorityUrgent
	if f.HeldFor == string(elective.PriorityTwoWeekWait) {
		reserved = elective.PriorityTwoWeekWait
	}
	for i := range news {
		news[i].LocalOnly = !f.ERS
		if i < held {
			news[i].Reserved = reserved
		}
	}
}

// pattern reads the recurrence.
func (f TemplateForm) pattern(t *elective.ClinicTemplate, probs *elective.Problems) {
	switch f.Pattern {
	case "weekly":
	case "every":
		n, err := strconv.Atoi(f.Every)
		if err != nil || n < 2 {
			probs.Add("every", "Enter how many weeks apart the clinics are: 2 or more")
		}
		t.Every = n
	case "month":
		for _, w := range f.Weeks {
			n, _ := strconv.Atoi(w)
			t.WeeksOfMonth = append(t.WeeksOfMonth, n)
		}
		if len(t.WeeksOfMonth) == 0 {
			probs.Add("weeks", "Tick the weeks of the month the clinic runs")
		}
	default:
		probs.Add("pattern", "Select how often the clinic runs")
	}
}

// slots reads "n slots of m minutes" of one type.
func slots(typ elective.SlotType, count, minutes string, probs *elective.Problems) []elective.TemplateSlot {
	if count == "" || count == "0" {
		return nil
	}
	n, err1 := strconv.Atoi(count)
	m, err2 := strconv.Atoi(minutes)
	if err1 != nil || err2 != nil || n < 0 || n > 60 {
		probs.Add("slots", "Enter the number of %s slots (up to 60) and their length in minutes", strings.ToLower(typ.Label()))
		return nil
	}
	out := make([]elective.TemplateSlot, n)
	for i := range out {
		out[i] = elective.TemplateSlot{Type: typ, Minutes: m}
	}
	return out
}

// handleTemplateNew shows the empty template form.
func (s *Server) handleTemplateNew(w http.ResponseWriter, r *http.Request) error {
	p, err := s.templateNewPage(r, TemplateForm{Pattern: "weekly", Start: "09:00", Weekday: 1, From: s.today().AddDays(42).String(),
		ERS: true, HeldFor: string(elective.PriorityUrgent),
		NewSlots: "6", NewMinutes: "20", FollowUpSlots: "4", FollowUpMinutes: "15"})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) templateNewPage(r *http.Request, f TemplateForm) (*TemplateNewPage, error) {
	if err := authorize(r, elective.ActionManageClinics); err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	p := &TemplateNewPage{Form: f, Specialties: lk.specialties, Clinicians: lk.clinicians, Sites: lk.sites,
		ReleaseDays: s.cfg.Policy.UrgentReleaseDays}
	p.Title, p.Nav = "New clinic template", NavSessions
	return p, nil
}

// handleTemplateCreate saves the template and makes its sessions for the
// booking horizon.
func (s *Server) handleTemplateCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := readTemplateForm(r)
	p, err := s.templateNewPage(r, f)
	if err != nil {
		return err
	}
	lk := &lookup{clinicians: p.Clinicians}
	t, err := f.template(lk)
	if err == nil {
		err = s.svc.Clinics.CreateClinicTemplate(r.Context(), t)
	}
	switch elective.ErrorCode(err) {
	case "":
		n, err := s.svc.Clinics.GenerateSessions(r.Context(), s.today(), s.today().AddDays(7*16))
		if err != nil {
			return err
		}
		return s.redirectWithFlash(w, r, "/templates/"+strconv.FormatInt(t.ID, 10),
			fmt.Sprintf("Clinic template saved; %d sessions made for the next 16 weeks", n))
	case elective.EINVALID, elective.ECONFLICT:
		p.Errors = newFormErrors(err, map[string]string{"clinician_id": "clinician-id"})
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}
