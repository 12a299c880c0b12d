package rtt

// DNADischargeStop chooses the stop date of a clock ended by discharge after
// a DNA that was not the first appointment. The guidance gives both dates
// (rules.md 1.5.5), so it is a local setting.
type DNADischargeStop string

// Stop date choices.
const (
	StopAtDNADate       DNADischargeStop = "dna-date"       // the worked example's reading (default)
	StopAtDischargeDate DNADischargeStop = "discharge-date" // the narrative's reading
)

// Policy holds the local choices the national rules leave to a trust
// (rules.md section 5). Policies are versioned: a pathway's clock can be
// re-derived under a new version when a trust changes its policy.
type Policy struct {
	Name    string
	Version int

	// DNADischargeStop is rtt.subsequentDnaDischargeStopDate.
	DNADischargeStop DNADischargeStop

	// ValidationMilestonesWeeks are the waits at which a pathway must be
	// validated unless it was validated in the ValidationRecencyDays before
	// (rules.md 3.9, section 5: 12, 26 and 52 weeks; 84 days).
	ValidationMilestonesWeeks []int
	ValidationRecencyDays     int

	// PatientCancellationsBeforeReview is cancellation.patientMaxBeforeReview:
	// the patient cancellation in a period that asks for a clinician's
	// review (rules.md 3.2, default the second; 0 never).
	PatientCancellationsBeforeReview int

	// ReasonableNoticeDays is offer.reasonableNoticeDays: the least notice
	// that makes an offered date a reasonable offer unless the patient
	// accepts it (rules.md 1.8.2, 3.1; default 21).
	ReasonableNoticeDays int
	// SecondOfferWithinDays is offer.secondOfferWithinDays: a second date
	// must fall within this many days of the first declined one (rules.md
	// 3.1, TS-64; default 42).
	SecondOfferWithinDays int
	// OffersPerStage is offer.offersPerStage: the reasonable dates a
	// patient is offered, and the declines after which a clinician reviews
	// the pathway (rules.md 3.1; default 2).
	OffersPerStage int

	// ChangeNoticeDays is clinic.changeNoticeDays: a change that removes
	// clinic capacity sooner than this needs a booking manager's approval
	// (rules.md 3.5; default 42).
	ChangeNoticeDays int

	// Partial booking of follow-ups (rules.md 3.4): a follow-up due within
	// FullBookHorizonDays is booked before the patient leaves; a later one
	// is invited InviteLeadDays before it is due, with ResponseDays to
	// answer, then a reminder and ResponseDays more before a clinician
	// reviews it. PIFUDays is the default length of a PIFU (3.11).
	FullBookHorizonDays int
	InviteLeadDays      int
	ResponseDays        int
	PIFUDays            int

	// Triage due dates, days after receipt, by clinical priority. Local
	// choices (rules.md gives none): a two-week-wait referral the next day.
	TriageDaysTwoWeekWait int
	TriageDaysUrgent      int
	TriageDaysRoutine     int
	// e-RS booking windows, days from conversion, by priority: a referral
	// with no directly bookable slot inside its window is deferred to the
	// ASI worklist (rules.md 1.2.4). Local settings.
	ERSWindowDaysTwoWeekWait int
	ERSWindowDaysUrgent      int
	ERSWindowDaysRoutine     int
	// UrgentReleaseDays: ring-fenced urgent slots still free this many
	// days before their session are released to any priority. Local.
	UrgentReleaseDays int

	// TheatreMilestonesWeeks is theatre.milestonesWeeks: the 6-4-2 steps
	// before a theatre list's date, strictly decreasing: staff confirmed
	// (or the list released), the list filled, the list locked (rules.md
	// 3.6; default 6, 4, 2; an 8-5-3 variant is allowed).
	TheatreMilestonesWeeks []int
	// POAValidityDays is poa.validityDays: how long a fit pre-operative
	// assessment stays valid (rules.md 3.7; default 84, unconfirmed).
	POAValidityDays int
	// RebookWithinDays is cancelledOps.rebookWithinDays: a last-minute
	// non-clinical cancellation must be rebooked within this many days of
	// the planned operation date, day 0 (rules.md 2.1.1, 2.1.6; 28).
	RebookWithinDays int
	// PostponementHours is cancelledOps.postponementHours: an operation
	// rebooked within this many hours of its original time is a
	// postponement, not a cancellation (rules.md 2.1.5; 24).
	PostponementHours int

	// Workforce (rules.md 3.5, 4.1, 4.2; package workforce): the notice
	// planned leave needs, for consultants and SAS doctors apart (42, or
	// 56 where a trust asks 8 weeks); the most of a team away at once (0
	// no limit); and the plain-time window of a weekday for job plans
	// (08:00-20:00; sources differ, so it is a setting).
	LeaveNoticeDays       int
	LeaveNoticeDaysSenior int
	LeaveMaxAwayPerTeam   int
	PlainTimeStartHour    int
	PlainTimeEndHour      int

	// Rota breaks (rules.md 4.3, Breaks; package rota): a shift over
	// RotaOneBreakOverMinutes needs one 30-minute break, over
	// RotaTwoBreaksOverMinutes two, from RotaThreeBreaksFromMinutes three
	// (0: no third break). 5 h, 9 h and 12 h (the 2019 amendment);
	// rules.md marks the 2016 thresholds unconfirmed, so they are the
	// trust's to set. Rotas under the 2016 terms never need a third.
	RotaOneBreakOverMinutes    int
	RotaTwoBreaksOverMinutes   int
	RotaThreeBreaksFromMinutes int
}

// DefaultPolicy is the national default profile of rules.md section 5.
func DefaultPolicy() Policy {
	return Policy{
		Name:             "England default",
		Version:          1,
		DNADischargeStop: StopAtDNADate,

		ValidationMilestonesWeeks: []int{12, 26, 52},
		ValidationRecencyDays:     84,

		PatientCancellationsBeforeReview: 2,

		ReasonableNoticeDays:  21,
		SecondOfferWithinDays: 42,
		OffersPerStage:        2,

		ChangeNoticeDays: 42,

		FullBookHorizonDays: 42,
		InviteLeadDays:      42,
		ResponseDays:        14,
		PIFUDays:            182,

		TriageDaysTwoWeekWait:    1,
		TriageDaysUrgent:         3,
		TriageDaysRoutine:        7,
		ERSWindowDaysTwoWeekWait: 14,
		ERSWindowDaysUrgent:      28,
		ERSWindowDaysRoutine:     126,
		UrgentReleaseDays:        3,

		TheatreMilestonesWeeks: []int{6, 4, 2},
		POAValidityDays:        84,
		RebookWithinDays:       28,
		PostponementHours:      24,

		LeaveNoticeDays:       42,
		LeaveNoticeDaysSenior: 42,
		LeaveMaxAwayPerTeam:   2,
		PlainTimeStartHour:    8,
		PlainTimeEndHour:      20,

		RotaOneBreakOverMinutes:    5 * 60,
		RotaTwoBreaksOverMinutes:   9 * 60,
		RotaThreeBreaksFromMinutes: 12 * 60,
	}
}
