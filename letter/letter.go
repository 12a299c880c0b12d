package letter

import (
	"errors"
	"strings"
	"time"
)

// Kind is what a letter tells the patient. Each kind has its own wording;
// the booking office chooses the kind, never the text, so that every patient
// gets the same reviewed words.
type Kind string

// The letters a booking office sends.
const (
	// Acknowledgement tells the patient their referral has been received, so
	// that they know they are on the waiting list and whom to call.
	Acknowledgement Kind = "acknowledgement"
	// Appointment confirms a booked appointment: when, where and with whom.
	Appointment Kind = "appointment"
	// Change tells the patient their appointment has moved to a new time.
	Change Kind = "change"
	// Cancellation tells the patient an appointment has been cancelled, by
	// the hospital or at their own request.
	Cancellation Kind = "cancellation"
	// PartialBookingInvitation asks the patient to phone to book a follow-up
	// by a date; follow-ups far ahead are booked nearer the time so that the
	// patient can choose a date they can keep.
	PartialBookingInvitation Kind = "partial_booking_invitation"
	// PartialBookingReminder repeats the invitation when the patient has not
	// phoned.
	PartialBookingReminder Kind = "partial_booking_reminder"
	// DNA tells the patient they did not attend and that the clinician will
	// review what happens next.
	DNA Kind = "dna"
	// DischargeToGP tells the patient they have been discharged to the care
	// of their GP; the GP gets a copy.
	DischargeToGP Kind = "discharge_to_gp"
)

// Kinds lists every kind in the order staff meet them on a pathway.
func Kinds() []Kind {
	return []Kind{Acknowledgement, Appointment, Change, Cancellation,
		PartialBookingInvitation, PartialBookingReminder, DNA, DischargeToGP}
}

var labels = map[Kind]string{
	Acknowledgement:          "Referral acknowledgement",
	Appointment:              "Appointment letter",
	Change:                   "Appointment change",
	Cancellation:             "Appointment cancellation",
	PartialBookingInvitation: "Partial booking invitation",
	PartialBookingReminder:   "Partial booking reminder",
	DNA:                      "Did not attend",
	DischargeToGP:            "Discharge to GP",
}

// Label names the kind for staff, in lists of letters sent and to print.
// An unknown kind is shown as it is stored, so that a bad value stays
// visible instead of looking like a real letter.
func (k Kind) Label() string {
	if l, ok := labels[k]; ok {
		return l
	}
	return string(k)
}

// Valid reports whether k is one of the kinds above.
func (k Kind) Valid() bool {
	_, ok := labels[k]
	return ok
}

// copiesGP reports whether the GP may get a copy of this kind of letter:
// a discharge always, a missed appointment when the practice is known.
func (k Kind) copiesGP() bool { return k == DischargeToGP || k == DNA }

// Trust is the sender: the hospital trust and its booking office, whose
// phone number every letter gives because phoning is how patients change,
// cancel or book.
type Trust struct {
	Name    string   // "Anytown Hospitals NHS Foundation Trust"
	Office  string   // signs the letter; "Booking Office" if empty
	Address []string // return address, postcode on the last line
	Phone   string   // booking office number, as it should be dialled
}

// Recipient is who the letter is posted to: the patient, or a parent or
// carer. The address is the one the letter goes to, so it is required in
// full; a letter without one would be printed and never arrive.
type Recipient struct {
	Name       string   // on the envelope: "Ms Jane Smith"
	Salutation string   // after "Dear": "Ms Smith"; Name is used if empty
	Address    []string // street lines, town; the postcode goes in Postcode
	Postcode   string
}

// Patient identifies whom the letter is about. NHS letters print the name,
// NHS number and date of birth so that whoever opens it (the patient, a
// carer, the GP's staff) can match it to the right record.
type Patient struct {
	Name      string    // "Jane Smith"
	NHSNumber string    // ten digits; printed as "999 123 4567"
	BirthDate time.Time // a civil date: see Letter
}

// AppointmentDetails is an appointment as the patient needs it: when, and
// where to go. When is an instant, printed in the location given to Render.
type AppointmentDetails struct {
	When      time.Time
	Clinic    string // "Cardiology Outpatients"
	Clinician string // "Dr A Patel"
	Site      string // "Anytown General Hospital"
	Room      string // "Clinic 4, Level 2"
}

// GPPractice is the patient's registered GP practice, which receives a copy
// of discharge and did-not-attend letters so that it knows where care stands.
type GPPractice struct {
	Name    string
	Address []string // postcode on the last line
}

// Letter is everything one letter prints. Dates that are calendar facts
// (Date, RespondBy, Patient.BirthDate) are time.Time values read as civil
// dates: only their year, month and day are used, in their own location, and
// never converted, so that a midnight date cannot slip a day across a clock
// change. Pass them as time.Date(y, m, d, 0, 0, 0, 0, time.UTC).
// Appointment times are instants and are converted to Render's location.
type Letter struct {
	Kind      Kind
	Trust     Trust
	Date      time.Time // the date printed on the letter
	Reference string    // pathway identifier or UBRN, for the patient to quote
	Recipient Recipient
	// AddressDoNotUse is set when the patient has asked that this address
	// not be used (for example after leaving an unsafe home); Render refuses
	// rather than post a letter there.
	AddressDoNotUse bool
	Patient         Patient
	Specialty       string             // "Cardiology"
	Appointment     AppointmentDetails // the booked, new, cancelled or missed appointment
	// Previous is the old time of a changed appointment; optional.
	Previous time.Time
	// CancelledByPatient chooses the wording of a Cancellation: an apology
	// for the hospital's own cancellation, a confirmation for the patient's.
	CancelledByPatient bool
	Reason             string    // why it was changed, cancelled or discharged; optional
	RespondBy          time.Time // civil date by which to phone (partial booking)
	GP                 GPPractice
}

// ErrAddressWithheld is returned when the patient has asked that the
// recipient address not be used.
var ErrAddressWithheld = errors.New("letter: the patient asked that this address not be used")

// Render validates l and returns it as a PDF. Appointment times are shown in
// loc, which should be Europe/London for an English trust. A DNA or
// discharge letter names the GP in a "cc:" line; RenderCopies adds the GP's
// copy itself.
func Render(l Letter, loc *time.Location) ([]byte, error) {
	if err := validate(l, loc); err != nil {
		return nil, err
	}
	d := &document{title: heading(l, loc)}
	compose(d, l, loc, "", l.Recipient.lines())
	return d.bytes(), nil
}

// RenderCopies is Render followed, for a DNA or discharge letter with a GP
// practice, by the GP's copy: the same letter starting on a new page, headed
// "Copy to GP" and addressed to the practice, so that one print run fills
// both envelopes. Other letters come out as Render makes them.
func RenderCopies(l Letter, loc *time.Location) ([]byte, error) {
	if err := validate(l, loc); err != nil {
		return nil, err
	}
	d := &document{title: heading(l, loc)}
	compose(d, l, loc, "", l.Recipient.lines())
	if l.Kind.copiesGP() && l.GP.Name != "" {
		gp := append([]string{l.GP.Name}, nonBlank(l.GP.Address)...)
		compose(d, l, loc, "Copy to GP", gp)
	}
	return d.bytes(), nil
}

// lines is the recipient's address block as printed in the envelope window.
func (r Recipient) lines() []string {
	lines := append([]string{r.Name}, nonBlank(r.Address)...)
	return append(lines, r.Postcode)
}

func nonBlank(lines []string) []string {
	var out []string
	for _, s := range lines {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// validate returns the first thing missing that the letter cannot go
// without, in the order a reader meets it on the page.
func validate(l Letter, loc *time.Location) error {
	fail := func(msg string) error { return errors.New("letter: " + msg) }
	switch {
	case !l.Kind.Valid():
		return fail("unknown letter kind " + `"` + string(l.Kind) + `"`)
	case loc == nil:
		return fail("no time zone given for appointment times")
	case blank(l.Trust.Name):
		return fail("the trust has no name")
	case len(nonBlank(l.Trust.Address)) == 0:
		return fail("the trust has no return address")
	case blank(l.Trust.Phone):
		return fail("the booking office has no phone number")
	case l.Date.IsZero():
		return fail("the letter has no date")
	case l.AddressDoNotUse:
		return ErrAddressWithheld
	case blank(l.Recipient.Name):
		return fail("the recipient has no name")
	case len(nonBlank(l.Recipient.Address)) == 0:
		return fail("the recipient has no postal address")
	case blank(l.Recipient.Postcode):
		return fail("the recipient has no postcode")
	case blank(l.Patient.Name):
		return fail("patient name missing")
	case blank(l.Patient.NHSNumber):
		return fail("patient NHS number missing")
	case !tenDigits(l.Patient.NHSNumber):
		return fail("patient NHS number " + `"` + l.Patient.NHSNumber + `"` + " does not have 10 digits")
	case l.Patient.BirthDate.IsZero():
		return fail("patient date of birth missing")
	}
	switch l.Kind {
	case Appointment, Change:
		if l.Appointment.When.IsZero() {
			return fail("an " + kindNoun(l.Kind) + " needs the appointment time")
		}
		if blank(l.Appointment.Site) {
			return fail("an " + kindNoun(l.Kind) + " needs the site of the appointment")
		}
	case Cancellation, DNA:
		if l.Appointment.When.IsZero() {
			return fail("a " + kindNoun(l.Kind) + " needs the appointment time")
		}
	case PartialBookingInvitation, PartialBookingReminder:
		if l.RespondBy.IsZero() {
			return fail("a partial booking letter needs the respond-by date")
		}
	case DischargeToGP:
		if blank(l.GP.Name) {
			return fail("a discharge letter needs the GP practice for the copy")
		}
	}
	if l.Kind.copiesGP() && !blank(l.GP.Name) && len(nonBlank(l.GP.Address)) == 0 {
		return fail("the GP practice has no address for the copy")
	}
	return nil
}

func kindNoun(k Kind) string {
	switch k {
	case Appointment:
		return "appointment letter"
	case Change:
		return "appointment change letter"
	case Cancellation:
		return "cancellation letter"
	case DNA:
		return "did-not-attend letter"
	}
	return "letter"
}

// digits returns s without the spaces and hyphens staff type in an NHS
// number ("999 123 4567", "999-123-4567").
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// tenDigits reports whether s is an NHS number of ten digits. The check
// digit is the domain's business when the number is recorded; a letter
// only refuses what cannot be printed in the 3-3-4 form.
func tenDigits(s string) bool {
	d := digits(s)
	if len(d) != 10 {
		return false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

// formatNHSNumber prints a valid NHS number in the 3-3-4 grouping patients
// see on their NHS cards.
func formatNHSNumber(s string) string {
	d := digits(s)
	return d[:3] + " " + d[3:6] + " " + d[6:]
}
