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
)

// Settings returns the policy's local choices as key = value text, the form
// in which a trust reviews and changes them.
func (p Policy) Settings() map[string]string {
	weeks := make([]string, len(p.ValidationMilestonesWeeks))
	for i, w := range p.ValidationMilestonesWeeks {
		weeks[i] = strconv.Itoa(w)
	}
	stop := "DNA_DATE"
	if p.DNADischargeStop == StopAtDischargeDate {
		stop = "DISCHARGE_DATE"
	}
	return map[string]string{
		KeyDNADischargeStop:    stop,
		KeyValidationWeeks:     strings.Join(weeks, ","),
		KeyValidationRecency:   strconv.Itoa(p.ValidationRecencyDays),
		KeyCancellationsReview: strconv.Itoa(p.PatientCancellationsBeforeReview),
	}
}

// SettingKeys lists the keys in order.
func SettingKeys() []string {
	keys := []string{KeyDNADischargeStop, KeyValidationWeeks, KeyValidationRecency, KeyCancellationsReview}
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
	case KeyValidationRecency:
		n, err := strconv.Atoi(value)
		if err != nil || n < 7 || n > 365 {
			return fmt.Errorf("%s must be a number of days from 7 to 365, not %q", key, value)
		}
		p.ValidationRecencyDays = n
	case KeyCancellationsReview:
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > 10 {
			return fmt.Errorf("%s must be a number from 0 (never) to 10, not %q (rules.md 3.2)", key, value)
		}
		p.PatientCancellationsBeforeReview = n
	default:
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
