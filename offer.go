package elective

import (
	"context"
	"time"
)

// OfferResponse is what the patient said to an offered date.
type OfferResponse string

// Responses.
const (
	OfferAccepted OfferResponse = "accepted"
	OfferDeclined OfferResponse = "declined"
	OfferNoAnswer OfferResponse = "no-answer" // could not be reached; not a decline
)

// OfferResponses lists the responses in form order.
var OfferResponses = []OfferResponse{OfferAccepted, OfferDeclined, OfferNoAnswer}

// Label is the response for staff.
func (r OfferResponse) Label() string {
	switch r {
	case OfferAccepted:
		return "Accepted"
	case OfferDeclined:
		return "Declined"
	case OfferNoAnswer:
		return "No answer"
	}
	return string(r)
}

// Offer is a date offered to a patient for their next appointment or
// admission, with their answer. Whether it counted as a reasonable offer is
// decided by the rules (package access), not stored.
type Offer struct {
	ID                int64
	PathwayID         int64
	SlotID            int64 // the slot offered, 0 when not a slot (an admission date)
	OfferedOn         Date  // when the offer was made
	Date              Date  // the date offered
	ShortNoticeAgreed bool  // the patient agreed to less than the reasonable notice (rules.md 3.1)
	Response          OfferResponse
	Note              string
	RecordedAt        time.Time
	RecordedBy        int64
}

// Validate checks an offer against the referral it is for and today: it
// cannot be made before the referral was received or after today, and the
// date offered cannot be before the offer was made.
func (o *Offer) Validate(referralReceived, today Date) error {
	var probs Problems
	switch {
	case o.OfferedOn.IsZero():
		probs.Add("offered_on", "Enter the date the offer was made")
	case o.OfferedOn.Before(referralReceived):
		probs.Add("offered_on", "The offer cannot be made before the referral was received (%s)",
			referralReceived.Format("2 Jan 2006"))
	case o.OfferedOn.After(today):
		probs.Add("offered_on", "The offer cannot be recorded before it is made")
	}
	switch {
	case o.Date.IsZero():
		probs.Add("date", "Enter the date offered")
	case !o.OfferedOn.IsZero() && !o.Date.After(o.OfferedOn):
		probs.Add("date", "The date offered must be after the day the offer was made")
	}
	switch o.Response {
	case OfferAccepted, OfferDeclined, OfferNoAnswer:
	default:
		probs.Add("response", "Select the patient's answer")
	}
	if len(o.Note) > 500 {
		probs.Add("note", "The note can be at most 500 characters")
	}
	return probs.Err("The offer was not recorded")
}

// Unavailability is a period a patient has said they cannot attend
// (holiday, work, caring): no date inside it is offered, and an offer
// inside it is not a reasonable offer (rules.md 1.7.7).
type Unavailability struct {
	ID        int64
	PatientID int64
	From      Date
	To        Date // inclusive
	Reason    string
}

// Covers reports whether the patient is unavailable on d.
func (u Unavailability) Covers(d Date) bool { return !d.Before(u.From) && !d.After(u.To) }

// Validate checks a stated unavailability.
func (u *Unavailability) Validate(today Date) error {
	var probs Problems
	switch {
	case u.From.IsZero() || u.To.IsZero():
		probs.Add("from", "Enter the first and last dates the patient cannot come")
	case u.To.Before(u.From):
		probs.Add("to", "The last date cannot be before the first")
	case u.To.Before(today):
		probs.Add("to", "The period has already ended")
	case u.To.DaysSince(u.From) > 366:
		probs.Add("to", "A period of unavailability can be at most a year; a longer one needs a clinical review")
	}
	return probs.Err("The unavailability was not saved")
}

// OfferService records offers and a patient's unavailability, and finds
// the earliest reasonable offers.
type OfferService interface {
	// EarliestOffers returns the earliest free slots the pathway's list may
	// book that are reasonable offers at today: enough notice (or any, if
	// the patient agrees to short notice), outside the patient's stated
	// unavailability, on n different dates.
	EarliestOffers(ctx context.Context, pathwayID int64, n int, shortNoticeAgreed bool) ([]*Slot, error)

	// RecordOffer records an offered date and the patient's answer. Returns
	// EINVALID for an offer dated before the referral or in the future.
	RecordOffer(ctx context.Context, o *Offer) error

	// FindOffers returns a pathway's offers, oldest first.
	FindOffers(ctx context.Context, pathwayID int64) ([]*Offer, error)

	// AddUnavailability records a period the patient cannot attend.
	AddUnavailability(ctx context.Context, u *Unavailability) error

	// FindUnavailability returns a patient's periods of unavailability
	// that have not ended before today, earliest first.
	FindUnavailability(ctx context.Context, patientID int64) ([]*Unavailability, error)

	// RemoveUnavailability deletes a period the patient no longer has.
	RemoveUnavailability(ctx context.Context, id int64) error

	// NextPatients ranks up to limit waiting patients of the slot's
	// specialty for a free slot (package access, RankForSlot). Returns
	// ECONFLICT if the slot is no longer free.
	NextPatients(ctx context.Context, slotID int64, limit int) (*Slot, []*SlotCandidate, error)
}

// SlotCandidate is a waiting patient considered for a free slot, in the
// order the rules rank them (clinical priority, then longest wait). Skip
// says why they cannot take it; empty means they can.
type SlotCandidate struct {
	Entry       *PTLEntry
	Skip        string
	ShortNotice bool // the slot is inside the reasonable notice: the patient must agree
}
