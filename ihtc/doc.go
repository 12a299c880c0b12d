// Package ihtc reads, writes and evaluates instances and solutions of the
// Integrated Healthcare Timetabling Competition 2024 (IHTC-2024), the
// public benchmark Elective uses to measure its admission and rota
// optimisers against the best published results.
//
// The IHTC-2024 problem (the Integrated Healthcare Timetabling Problem)
// combines three hospital decisions over a period of 14 to 28 days: the
// admission day of each patient (or postponement, for optional patients),
// with surgery that day in an operating theatre; the recovery room for the
// whole stay; and the nurse caring for each occupied room in every early,
// late and night shift. Hard constraints H1-H7 (no gender mix, compatible
// rooms, surgeon and theatre overtime, mandatory admissions, admission
// window, room capacity) must hold, together with two rules the official
// checker also enforces (a nurse works only in shifts they are rostered
// for, and every occupied room has a nurse in every shift). Soft costs
// S1-S8 (age mix, nurse skill, continuity of care, nurse workload, open
// theatres, surgeon transfers, admission delay, unscheduled optional
// patients) are weighted per instance and summed.
//
// ParseInstance and ParseSolution read the competition's JSON files into
// dense integer indices (days, global shifts 3*day+type, age groups and
// all entities), so that solvers can work on plain arrays; WriteSolution
// writes the competition's solution format; Evaluate computes every
// violation count and cost component.
//
// The evaluator is written from the official problem description and is
// tested to reproduce, for every published solution, the costs computed by
// the organisers' checker. The competition and its data are by S. Ceschia,
// R. M. Rosati, A. Schaerf, P. Smet, G. Vanden Berghe and E. Zanazzo
// (University of Udine and KU Leuven): "The Integrated Healthcare
// Timetabling Competition 2024 — Problem description and rules",
// https://ihtc2024.github.io.
package ihtc
