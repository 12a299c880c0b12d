package elective

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Priority is the referrer's clinical priority type (NHS Data Dictionary
// PRIORITY TYPE). Two-week-wait marks a suspected-cancer referral, which
// changes the DNA rule (rules.md 1.5.3).
type Priority string

// Priority types.
const (
	PriorityTwoWeekWait Priority = "two-week-wait"
	PriorityUrgent      Priority = "urgent"
	PriorityRoutine     Priority = "routine"
)

// Priorities lists the priority types, most urgent first.
var Priorities = []Priority{PriorityTwoWeekWait, PriorityUrgent, PriorityRoutine}

// Rank orders priorities for booking: clinical priority first, then
// chronological (rules.md 3.8). Lower ranks are booked first.
func (p Priority) Rank() int {
	switch p {
	case PriorityTwoWeekWait:
		return 0
	case PriorityUrgent:
		return 1
	case PriorityRoutine:
		return 2
	}
	return 3
}

// Valid reports whether p is a known priority type.
func (p Priority) Valid() bool { return p.Rank() < 3 }

// Label is the priority's name for staff.
func (p Priority) Label() string {
	switch p {
	case PriorityTwoWeekWait:
		return "Two-week wait"
	case PriorityUrgent:
		return "Urgent"
	case PriorityRoutine:
		return "Routine"
	}
	return string(p)
}

// ReferralSource is how the referral reached the trust, which decides the
// clock start (rules.md 1.2).
type ReferralSource string

// Referral sources (the same words as the RTT scenario files).
const (
	SourcePaper      ReferralSource = "paper"       // letter, fax or phone: start on receipt (1.2.2)
	SourceERS        ReferralSource = "ers"         // e-RS UBRN converted by booking (1.2.3)
	SourceERSASI     ReferralSource = "ers-asi"     // e-RS appointment slot issue worklist (1.2.4)
	SourceInterface  ReferralSource = "interface"   // from an interface service, original start kept (1.2.5)
	SourceSelf       ReferralSource = "self"        // ratified self-referral (1.2.6)
	SourceTransferIn ReferralSource = "transfer-in" // from another provider, original start kept (1.10)
)

// ReferralSources lists the sources in the order forms offer them.
var ReferralSources = []ReferralSource{SourcePaper, SourceERS, SourceERSASI, SourceInterface, SourceTransferIn, SourceSelf}

// Label is the source's name for staff.
func (s ReferralSource) Label() string {
	switch s {
	case SourcePaper:
		return "Letter or phone (paper)"
	case SourceERS:
		return "e-Referral Service (UBRN converted)"
	case SourceERSASI:
		return "e-RS appointment slot issue worklist"
	case SourceInterface:
		return "Interface or assessment service"
	case SourceSelf:
		return "Self-referral (ratified)"
	case SourceTransferIn:
		return "Transfer from another provider"
	}
	return string(s)
}

// IsERS reports whether the referral came through the e-Referral Service and
// so carries a UBRN.
func (s ReferralSource) IsERS() bool { return s == SourceERS || s == SourceERSASI }

// KeepsOriginalStart reports whether the clock started before this trust
// received the referral (interface services and transfers carry the date).
func (s ReferralSource) KeepsOriginalStart() bool {
	return s == SourceInterface || s == SourceTransferIn
}

// MayCarryEarlierStart reports whether an e-RS referral may carry an
// earlier start: earlier activity on the UBRN keeps the earlier date
// (rules.md 1.2.3, 1.2.4).
func (s ReferralSource) MayCarryEarlierStart() bool { return s.IsERS() }

// Referral is a referral received for a patient into a specialty. Registering
// it opens a pathway whose first event is the referral's receipt.
type Referral struct {
	ID            int64
	PatientID     int64
	PathwayID     int64
	SpecialtyID   int64
	ClinicianID   int64 // the consultant asked for, 0 if none
	SiteID        int64 // the site asked for, 0 if any
	Source        ReferralSource
	Priority      Priority
	UBRN          string // 12 digits when from e-RS
	ReceivedDate  Date
	OriginalStart Date   // interface and transfer-in: when the clock really started
	PPID          string // interface and transfer-in: the PPID carried on the IPTAMDS, kept for life
	PPIDIssuer    string // the ODS code that issued PPID
	ReferrerCode  string
	Reason        string
	CreatedAt     time.Time
	Triage        TriageStatus // clinical triage; referrals loaded in bulk count as accepted
}

// ReferralRegistration is the command to register a referral: the patient
// as entered (matched on NHS number to an existing record, or created) and
// the referral.
type ReferralRegistration struct {
	Patient  Patient
	Referral Referral
	Line     int // the line of the import file it came from, for error messages; 0 otherwise
}

// Validate checks the registration against the rules for new referrals;
// nothing may be saved unless it returns nil. today is the date in London.
func (r *ReferralRegistration) Validate(today Date) error {
	var probs Problems
	r.Patient.validate(&probs, today)
	ref := &r.Referral
	if ref.SpecialtyID == 0 {
		probs.Add("specialty_id", "Select the specialty the patient is referred to")
	}
	if !ref.Priority.Valid() {
		probs.Add("priority", "Select the priority: two-week wait, urgent or routine")
	}
	validateSource(&probs, ref, today)
	return probs.Err("The referral was not saved. Correct the problems below.")
}

func validateSource(probs *Problems, ref *Referral, today Date) {
	switch ref.Source {
	case SourcePaper, SourceERS, SourceERSASI, SourceInterface, SourceSelf, SourceTransferIn:
	default:
		probs.Add("source", "Select how the referral was received")
	}
	switch {
	case ref.ReceivedDate.IsZero():
		probs.Add("received_date", "Enter the date the referral was received")
	case ref.ReceivedDate.After(today):
		probs.Add("received_date", "The received date cannot be in the future")
	case today.DaysSince(ref.ReceivedDate) > 365*10:
		probs.Add("received_date", "The received date must be within the last 10 years")
	}
	ref.UBRN = strings.ReplaceAll(strings.TrimSpace(ref.UBRN), " ", "")
	if ref.Source.IsERS() && !isDigits(ref.UBRN, 12) {
		probs.Add("ubrn", "Enter the 12-digit UBRN of the e-Referral Service booking")
	}
	if !ref.Source.IsERS() && ref.UBRN != "" && !isDigits(ref.UBRN, 12) {
		probs.Add("ubrn", "A UBRN has 12 digits")
	}
	if ref.Source.KeepsOriginalStart() {
		switch {
		case ref.OriginalStart.IsZero():
			probs.Add("original_start", "Enter the original clock start date from the referring service")
		case ref.OriginalStart.After(ref.ReceivedDate):
			probs.Add("original_start", "The original clock start cannot be after the received date")
		}
	} else if !ref.OriginalStart.IsZero() && !ref.Source.MayCarryEarlierStart() {
		probs.Add("original_start", "Only interface-service, transfer and e-RS referrals carry an original clock start")
	} else if ref.OriginalStart.After(ref.ReceivedDate) {
		probs.Add("original_start", "The original clock start cannot be after the received date")
	}
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ReferralService registers and reads referrals.
type ReferralService interface {
	// RegisterReferral validates the registration, matches or creates the
	// patient, and creates the referral, its pathway (with a new PPID) and
	// the pathway's referral-received event in one transaction. Returns
	// EINVALID, listing the fields at fault, and saves nothing if the
	// registration breaks a rule.
	RegisterReferral(ctx context.Context, reg *ReferralRegistration) (*Referral, error)

	// ImportReferrals registers every registration or none, in one
	// transaction: if any fails, it returns an *ImportError naming each bad
	// registration by its Line and nothing is saved.
	ImportReferrals(ctx context.Context, regs []*ReferralRegistration) (int, error)

	// FindReferralsByPatient returns a patient's referrals, newest first.
	FindReferralsByPatient(ctx context.Context, patientID int64) ([]*Referral, error)

	// ReceiveERS takes an e-RS referral the way e-RS delivers it, today:
	// the patient books the earliest free new-patient slot in the
	// specialty, converting the UBRN, and the clock starts today (rules.md
	// 1.2.3); when no slot is free inside the priority's booking window the
	// UBRN is deferred to the appointment slot issue (ASI) worklist, and
	// the clock starts today all the same (1.2.4). The appointment is nil
	// when deferred. Validates like RegisterReferral.
	ReceiveERS(ctx context.Context, reg *ReferralRegistration) (*Referral, *Appointment, error)
}

// RowError is a problem with one row of an import file.
type RowError struct {
	Line    int // 1-based line number in the file, counting the header
	Message string
}

// ImportError lists every bad row of an import file; nothing was imported.
type ImportError struct {
	Rows []RowError
}

// Error implements the error interface.
func (e *ImportError) Error() string {
	var b strings.Builder
	b.WriteString("import rejected, nothing was imported:")
	for _, r := range e.Rows {
		b.WriteString("\n  line ")
		b.WriteString(strconv.Itoa(r.Line))
		b.WriteString(": ")
		b.WriteString(r.Message)
	}
	return b.String()
}
