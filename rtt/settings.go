package rtt

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Setting keys of the policy profile, named as in rules.md section 5.
const (
	KeyDNADischargeStop  = "rtt.subsequentDnaDischargeStopDate"
	KeyValidationWeeks   = "validation.milestonesWeeks"
	KeyValidationRecency = "validation.recencyDays"
	// KeyCancellationsReview is the patient cancellation that asks for a
	// clinician's review (rules.md 3.2).
	KeyCancellationsReview = "cancellation.patientMaxBeforeReview"
	// Reasonable-offer settings (rules.md 3.1).
	KeyOfferNotice     = "offer.reasonableNoticeDays"
	KeySecondOfferDays = "offer.secondOfferWithinDays"
	KeyOffersPerStage  = "offer.offersPerStage"
	// KeyChangeNotice is the clinic change-notice window (rules.md 3.5).
	KeyChangeNotice = "clinic.changeNoticeDays"
	// Follow-up settings (rules.md 3.4, 3.11).
	KeyFullBookHorizon = "partialBooking.fullBookHorizonDays"
	KeyInviteLead      = "partialBooking.inviteLeadDays"
	KeyResponseDays    = "partialBooking.responseDays"
	KeyPIFUDays        = "pifu.defaultDurationDays"
	// Triage due dates by priority (local).
	KeyTriage2WW     = "triage.dueDaysTwoWeekWait"
	KeyTriageUrgent  = "triage.dueDaysUrgent"
	KeyTriageRoutine = "triage.dueDaysRoutine"
	// e-RS booking windows by priority: beyond them a UBRN goes to the
	// provider's appointment slot issue worklist (rules.md 1.2.4, S26).
	KeyERS2WW     = "ers.bookingWindowDaysTwoWeekWait"
	KeyERSUrgent  = "ers.bookingWindowDaysUrgent"
	KeyERSRoutine = "ers.bookingWindowDaysRoutine"
	// KeyUrgentRelease: days before a session that its ring-fenced urgent
	// slots are released to routine use (local).
	KeyUrgentRelease = "clinic.urgentReleaseDays"
	// Admitted care (rules.md 2.1, 3.6, 3.7): the theatre list milestones,
	// the validity of a pre-operative assessment, and the 28-day rule for
	// operations cancelled at the last minute.
	KeyTheatreMilestones = "theatre.milestonesWeeks"
	KeyPOAValidity       = "poa.validityDays"
	KeyRebookWithin      = "cancelledOps.rebookWithinDays"
	KeyPostponementHours = "cancelledOps.postponementHours"
	// Workforce (rules.md 3.5, 4.1, 4.2): leave notice, for consultants
	// and SAS doctors apart; the team's away limit; the job-plan plain-time
	// window of a weekday.
	KeyLeaveNotice       = "leave.noticeDays"
	KeyLeaveNoticeSenior = "leave.noticeDaysConsultant"
	KeyLeaveMaxAway      = "leave.maxAwayPerTeam"
	KeyPlainTimeStart    = "jobPlan.plainTimeStartHour"
	KeyPlainTimeEnd      = "jobPlan.plainTimeEndHour"
	// Rota breaks (rules.md 4.3): the shift lengths, in minutes, over
	// which one and two 30-minute breaks are needed, and from which three
	// (0 no third break). Checked together by Policy.Validate.
	KeyRotaOneBreakOver    = "rota.oneBreakOverMinutes"
	KeyRotaTwoBreaksOver   = "rota.twoBreaksOverMinutes"
	KeyRotaThreeBreaksFrom = "rota.threeBreaksFromMinutes"
)

// intSetting is a whole-number setting with the range the rules can work
// with.
type intSetting struct {
	field    func(*Policy) *int
	min, max int
	rule     string
}

var intSettings = map[string]intSetting{
	KeyValidationRecency:   {func(p *Policy) *int { return &p.ValidationRecencyDays }, 7, 365, "rules.md 3.9"},
	KeyCancellationsReview: {func(p *Policy) *int { return &p.PatientCancellationsBeforeReview }, 0, 10, "rules.md 3.2; 0 never"},
	KeyOfferNotice:         {func(p *Policy) *int { return &p.ReasonableNoticeDays }, 7, 42, "rules.md 3.1"},
	KeySecondOfferDays:     {func(p *Policy) *int { return &p.SecondOfferWithinDays }, 14, 91, "rules.md 3.1"},
	KeyOffersPerStage:      {func(p *Policy) *int { return &p.OffersPerStage }, 1, 5, "rules.md 3.1"},
	KeyChangeNotice:        {func(p *Policy) *int { return &p.ChangeNoticeDays }, 0, 182, "rules.md 3.5; 0 never"},
	KeyFullBookHorizon:     {func(p *Policy) *int { return &p.FullBookHorizonDays }, 0, 182, "rules.md 3.4"},
	KeyInviteLead:          {func(p *Policy) *int { return &p.InviteLeadDays }, 7, 182, "rules.md 3.4"},
	KeyResponseDays:        {func(p *Policy) *int { return &p.ResponseDays }, 3, 42, "rules.md 3.4"},
	KeyPIFUDays:            {func(p *Policy) *int { return &p.PIFUDays }, 28, 731, "rules.md 3.11"},
	KeyTriage2WW:           {func(p *Policy) *int { return &p.TriageDaysTwoWeekWait }, 0, 14, "local"},
	KeyTriageUrgent:        {func(p *Policy) *int { return &p.TriageDaysUrgent }, 0, 28, "local"},
	KeyTriageRoutine:       {func(p *Policy) *int { return &p.TriageDaysRoutine }, 0, 42, "local"},
	KeyERS2WW:              {func(p *Policy) *int { return &p.ERSWindowDaysTwoWeekWait }, 1, 28, "rules.md 1.2.4; local"},
	KeyERSUrgent:           {func(p *Policy) *int { return &p.ERSWindowDaysUrgent }, 1, 126, "rules.md 1.2.4; local"},
	KeyERSRoutine:          {func(p *Policy) *int { return &p.ERSWindowDaysRoutine }, 1, 182, "rules.md 1.2.4; local"},
	KeyUrgentRelease:       {func(p *Policy) *int { return &p.UrgentReleaseDays }, 0, 28, "local"},
	KeyPOAValidity:         {func(p *Policy) *int { return &p.POAValidityDays }, 7, 365, "rules.md 3.7"},
	KeyRebookWithin:        {func(p *Policy) *int { return &p.RebookWithinDays }, 1, 28, "rules.md 2.1.1; the pledge is at most 28"},
	KeyPostponementHours:   {func(p *Policy) *int { return &p.PostponementHours }, 0, 24, "rules.md 2.1.5; 0 never"},
	KeyLeaveNotice:         {func(p *Policy) *int { return &p.LeaveNoticeDays }, 0, 182, "rules.md 3.5, 4.2"},
	KeyLeaveNoticeSenior:   {func(p *Policy) *int { return &p.LeaveNoticeDaysSenior }, 0, 182, "rules.md 3.5; 56 for 8 weeks"},
	KeyLeaveMaxAway:        {func(p *Policy) *int { return &p.LeaveMaxAwayPerTeam }, 0, 50, "rules.md 4.2; 0 no limit"},
	KeyPlainTimeStart:      {func(p *Policy) *int { return &p.PlainTimeStartHour }, 0, 12, "rules.md 4.1"},
	KeyPlainTimeEnd:        {func(p *Policy) *int { return &p.PlainTimeEndHour }, 13, 24, "rules.md 4.1"},
	KeyRotaOneBreakOver:    {func(p *Policy) *int { return &p.RotaOneBreakOverMinutes }, 0, 24 * 60, "rules.md 4.3"},
	KeyRotaTwoBreaksOver:   {func(p *Policy) *int { return &p.RotaTwoBreaksOverMinutes }, 1, 24 * 60, "rules.md 4.3"},
	KeyRotaThreeBreaksFrom: {func(p *Policy) *int { return &p.RotaThreeBreaksFromMinutes }, 0, 24 * 60, "rules.md 4.3; 0 no third break"},
}

// Validate checks the settings that must agree with each other, once
// every change is made: the break thresholds increase (one break over a
// shorter length than two, three from a longer one still, unless 0).
func (p Policy) Validate() error {
	one, two, three := p.RotaOneBreakOverMinutes, p.RotaTwoBreaksOverMinutes, p.RotaThreeBreaksFromMinutes
	if one >= two || (three != 0 && three <= two) {
		return fmt.Errorf("the break thresholds must increase (rules.md 4.3): %s (%d) below %s (%d), and %s (%d) above it or 0",
			KeyRotaOneBreakOver, one, KeyRotaTwoBreaksOver, two, KeyRotaThreeBreaksFrom, three)
	}
	return nil
}

// Settings returns the policy's local choices as key = value text, the form
// in which a trust reviews and changes them.
func (p Policy) Settings() map[string]string {
	stop := "DNA_DATE"
	if p.DNADischargeStop == StopAtDischargeDate {
		stop = "DISCHARGE_DATE"
	}
	m := map[string]string{
		KeyDNADischargeStop:  stop,
		KeyValidationWeeks:   joinWeeks(p.ValidationMilestonesWeeks),
		KeyTheatreMilestones: joinWeeks(p.TheatreMilestonesWeeks),
	}
	for key, s := range intSettings {
		m[key] = strconv.Itoa(*s.field(&p))
	}
	return m
}

// SettingKeys lists the keys in order.
func SettingKeys() []string {
	keys := []string{KeyDNADischargeStop, KeyValidationWeeks, KeyTheatreMilestones}
	for key := range intSettings {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

// Set changes one setting, refusing values the rules cannot work with.
func (p *Policy) Set(key, value string) error {
	value = strings.TrimSpace(value)
	switch key {
	case KeyDNADischargeStop:
		switch strings.ToUpper(value) {
		case "DNA_DATE":
			p.DNADischargeStop = StopAtDNADate
		case "DISCHARGE_DATE":
			p.DNADischargeStop = StopAtDischargeDate
		default:
			return fmt.Errorf("%s must be DNA_DATE or DISCHARGE_DATE (rules.md 1.5.5), not %q", key, value)
		}
	case KeyValidationWeeks:
		weeks, err := parseWeeks(value)
		if err != nil {
			return fmt.Errorf("%s: %v", key, err)
		}
		p.ValidationMilestonesWeeks = weeks
	case KeyTheatreMilestones:
		weeks, err := parseMilestones(value)
		if err != nil {
			return fmt.Errorf("%s: %v", key, err)
		}
		p.TheatreMilestonesWeeks = weeks
	default:
		if s, ok := intSettings[key]; ok {
			n, err := strconv.Atoi(value)
			if err != nil || n < s.min || n > s.max {
				return fmt.Errorf("%s must be a whole number from %d to %d (%s), not %q", key, s.min, s.max, s.rule, value)
			}
			*s.field(p) = n
			return nil
		}
		return fmt.Errorf("unknown setting %q (known: %s)", key, strings.Join(SettingKeys(), ", "))
	}
	return nil
}

// parseWeeks reads increasing week numbers such as "12,26,52".
func parseWeeks(s string) ([]int, error) {
	var weeks []int
	for _, f := range strings.Split(s, ",") {
		w, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || w < 1 || w > 104 || (len(weeks) > 0 && w <= weeks[len(weeks)-1]) {
			return nil, fmt.Errorf("want increasing week numbers from 1 to 104, such as 12,26,52, not %q", s)
		}
		weeks = append(weeks, w)
	}
	return weeks, nil
}

// parseMilestones reads the theatre list milestones: three strictly
// decreasing week numbers such as "6,4,2" or "8,5,3" (rules.md 3.6).
func parseMilestones(s string) ([]int, error) {
	bad := fmt.Errorf("want three decreasing week numbers from 1 to 26, such as 6,4,2 (confirm staff, fill, lock), not %q", s)
	fields := strings.Split(s, ",")
	if len(fields) != 3 {
		return nil, bad
	}
	weeks := make([]int, 0, 3)
	for _, f := range fields {
		w, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || w < 1 || w > 26 || (len(weeks) > 0 && w >= weeks[len(weeks)-1]) {
			return nil, bad
		}
		weeks = append(weeks, w)
	}
	return weeks, nil
}

// joinWeeks writes week numbers as "12,26,52".
func joinWeeks(weeks []int) string {
	s := make([]string, len(weeks))
	for i, w := range weeks {
		s[i] = strconv.Itoa(w)
	}
	return strings.Join(s, ",")
}
