// Package elective is the domain of Elective, a patient-access system for
// NHS-style elective (planned) hospital care.
//
// This package holds the domain types, the service interfaces the adapters
// implement, and the small pure rules that belong to the vocabulary itself
// (NHS number check digits, permissions, slot compatibility). It imports the
// standard library only. Clock arithmetic lives in package rtt; storage in
// package store; the staff web UI in package web; cmd/elective wires them.
//
// # Glossary
//
//   - Referral: a request from a GP, another provider or an e-Referral Service
//     (e-RS) booking for a consultant-led opinion or treatment. e-RS referrals
//     carry a 12-digit UBRN (unique booking reference number).
//   - Pathway: a patient's journey for one condition from referral to
//     treatment and beyond, identified by a 20-character patient pathway
//     identifier (PPID) and its issuer. Everything that happens on a pathway
//     is an immutable, dated PathwayEvent in an append-only log.
//   - RTT clock / period: the referral-to-treatment waiting time. A period
//     starts on referral receipt (or a rule 3 event), and stops at first
//     definitive treatment or a non-treatment decision. Periods are derived
//     from the events by package rtt, never stored as the truth.
//   - RTT status: the national code (10, 20, 30 …) recorded at each activity,
//     saying what it means for the clock.
//   - PTL: the patient tracking list, every open pathway with its clock, band,
//     breach date and next activity. It is a read model kept current on every
//     event and rebuildable from the event log.
//   - Waiting list: the PTL seen by list type (outpatient new, follow-up,
//     admitted), ordered by clinical priority and then by longest wait.
//   - Clinic template → session → slot: a template describes a recurring
//     clinic; a session is one occurrence on a date; a slot is bookable time
//     of a type (new or follow-up) inside a session.
//   - Appointment: a booked slot for a pathway, with a status history
//     (booked, attended, did not attend, cancelled by patient or hospital).
//   - DNA: did not attend without notice. A first-appointment DNA stops and
//     nullifies the clock (status 33), except on two-week-wait referrals.
//   - Breach: a clock running more than 126 days (18 weeks).
//
// The national rules the code implements are cited by their numbers in
// shared/domain/rules.md ("rules.md 1.5.2").
package elective
