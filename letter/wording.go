package letter

import (
	"fmt"
	"strings"
	"time"
)

// block is one unit of the letter body: a paragraph, or a row of the
// appointment details when label is set. Wording is kept apart from layout
// so that it can be reviewed (and changed) as plain sentences.
type block struct {
	label string // "When"; empty for a paragraph
	text  string // UTF-8
	bold  bool
}

func para(format string, args ...any) block {
	return block{text: fmt.Sprintf(format, args...)}
}

// civil prints a calendar date the way NHS letters do: "22 November 2026".
// Only the year, month and day of t are read (see Letter).
func civil(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), t.Month(), t.Year())
}

// when prints an appointment time in loc: "Monday 7 December 2026 at 09:30".
func when(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("Monday 2 January 2006 at 15:04")
}

// heading is the bold subject line under the salutation, which is also the
// PDF's title.
func heading(l Letter, loc *time.Location) string {
	switch l.Kind {
	case Acknowledgement:
		if l.Specialty != "" {
			return "Your referral to " + l.Specialty
		}
		return "Your referral"
	case Appointment:
		return "Your appointment"
	case Change:
		return "Your appointment has been changed"
	case Cancellation:
		return "Your appointment on " + when(l.Appointment.When, loc) + " has been cancelled"
	case PartialBookingInvitation:
		return "Please phone us to book your follow-up appointment"
	case PartialBookingReminder:
		return "Reminder: please phone us to book your follow-up appointment"
	case DNA:
		return "You did not attend your appointment"
	case DischargeToGP:
		return "You have been discharged to the care of your GP"
	}
	return l.Kind.Label()
}

// body is the wording of each kind of letter, after the heading and before
// "Yours sincerely".
func body(l Letter, loc *time.Location) []block {
	// A no-break space keeps the number on one line, so that nobody dials
	// half of it.
	phone := strings.ReplaceAll(strings.TrimSpace(l.Trust.Phone), " ", "\u00a0")
	var b []block
	switch l.Kind {
	case Acknowledgement:
		b = append(b,
			para("We have received %s at %s.", referral(l.Specialty), l.Trust.Name),
			para("You do not need to do anything now. You are on our waiting list, and we will write to you again when we are ready to offer you an appointment."),
			para("If your address or phone number changes, or you no longer need to be seen, please phone the booking office on %s.", phone))
	case Appointment:
		b = append(b, para("We have booked your %s. The details are:", appointmentFor(l.Specialty)))
		b = append(b, details(l.Appointment, loc)...)
		b = append(b,
			para("Please arrive 10 minutes before your appointment and bring a list of any medicines you take."),
			cannotAttend(phone))
	case Change:
		if l.CancelledByPatient && !l.Previous.IsZero() {
			b = append(b, para("As you asked, we have moved your appointment on %s. Your new appointment is:", when(l.Previous, loc)))
		} else if l.Previous.IsZero() {
			b = append(b, para("We have had to change your appointment. We are sorry for any inconvenience. Your new appointment is:"))
		} else {
			b = append(b, para("We have had to change your appointment on %s. We are sorry for any inconvenience. Your new appointment is:", when(l.Previous, loc)))
		}
		b = append(b, details(l.Appointment, loc)...)
		if l.Reason != "" && !l.CancelledByPatient {
			b = append(b, block{label: "Reason", text: l.Reason})
		}
		b = append(b, cannotAttend(phone))
	case Cancellation:
		at := when(l.Appointment.When, loc)
		if l.Appointment.Clinic != "" {
			at += " in " + l.Appointment.Clinic
		}
		if l.CancelledByPatient {
			b = append(b,
				para("As you asked, we have cancelled your appointment on %s.", at),
				para("If you still need to be seen and have not already booked a new appointment, please phone the booking office on %s.", phone))
		} else {
			b = append(b, para("We are very sorry, but we have had to cancel your appointment on %s.", at))
			if l.Reason != "" {
				b = append(b, block{label: "Reason", text: l.Reason})
			}
			b = append(b,
				para("You are still on our waiting list and we will send you a new appointment as soon as we can. You do not need to do anything now."),
				para("If you have any questions, please phone the booking office on %s.", phone))
		}
	case PartialBookingInvitation:
		b = append(b,
			para("Your %s wants to see you again for a follow-up appointment. So that you can choose a date and time that suits you, we have not booked it yet.", clinician(l.Specialty)),
			block{text: fmt.Sprintf("Please phone the booking office on %s by %s to book your appointment.", phone, civil(l.RespondBy)), bold: true},
			para("If we have not heard from you by then, we will send you a reminder."))
	case PartialBookingReminder:
		b = append(b,
			para("We wrote to you recently to ask you to phone us to book a follow-up appointment with your %s. We have not yet heard from you.", clinician(l.Specialty)),
			block{text: fmt.Sprintf("Please phone the booking office on %s by %s to book your appointment.", phone, civil(l.RespondBy)), bold: true},
			para("If we do not hear from you by then, we will tell your clinician, who may discharge you to the care of your GP."))
	case DNA:
		at := when(l.Appointment.When, loc)
		if l.Appointment.Clinic != "" {
			at += " in " + l.Appointment.Clinic
		}
		b = append(b,
			para("Our records show that you did not attend your appointment on %s, and we did not hear from you before it.", at),
			para("Your clinician will review your notes and decide what happens next. They may offer you another appointment, or discharge you to the care of your GP. We will write to you when they have decided."),
			para("If you think this is a mistake, or you no longer need to be seen, please phone the booking office on %s.", phone),
			para("If you cannot attend an appointment in future, please let us know as soon as you can, so that we can offer it to another patient."))
	case DischargeToGP:
		b = append(b, para("Your %s has discharged you from the hospital's care, and you have been discharged to the care of your GP at %s. You do not need any more hospital appointments for this.", clinician(l.Specialty), l.GP.Name))
		if l.Reason != "" {
			b = append(b, para("%s", l.Reason))
		}
		b = append(b,
			para("We are sending a copy of this letter to your GP."),
			para("If your symptoms get worse or come back, please contact your GP, who can refer you again if you need it. If you have any questions about this letter, please phone the booking office on %s.", phone))
	}
	return b
}

// details are the rows that say where and when to go; empty fields are left
// out rather than printed blank.
func details(a AppointmentDetails, loc *time.Location) []block {
	rows := []block{{label: "When", text: when(a.When, loc), bold: true}}
	if a.Clinic != "" {
		rows = append(rows, block{label: "Clinic", text: a.Clinic})
	}
	if a.Clinician != "" {
		rows = append(rows, block{label: "With", text: a.Clinician})
	}
	where := a.Site
	if a.Room != "" {
		where += ", " + a.Room
	}
	return append(rows, block{label: "Where", text: where})
}

func cannotAttend(phone string) block {
	return para("If you cannot attend, please phone the booking office on %s as soon as you can. We will book you a new appointment and offer this one to another patient.", phone)
}

func referral(specialty string) string {
	if specialty == "" {
		return "your referral"
	}
	return "your referral to " + specialty
}

func appointmentFor(specialty string) string {
	if specialty == "" {
		return "appointment"
	}
	return specialty + " appointment"
}

func clinician(specialty string) string {
	if specialty == "" {
		return "clinician"
	}
	return specialty + " clinician"
}

// cc is the line at the foot of a letter that says who else gets a copy, so
// that the patient knows their GP has been told.
func cc(l Letter) string {
	if !l.Kind.copiesGP() || blank(l.GP.Name) {
		return ""
	}
	return "cc: " + strings.Join(append([]string{l.GP.Name}, nonBlank(l.GP.Address)...), ", ")
}
