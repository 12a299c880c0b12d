// Package store implements the elective service interfaces over
// database/sql for both SQLite (the embedded default, via the pure-Go
// modernc.org/sqlite driver) and PostgreSQL (production, via pgx).
//
// One package serves both databases: queries are written in portable SQL
// with ? placeholders, rebound to $n for PostgreSQL, and the few dialect
// differences live in the two migration folders. Dates travel as
// YYYY-MM-DD text and instants as UTC RFC 3339 text in both directions, so
// that a calendar date can never be shifted by a time zone.
//
// Every service method that touches patient data opens one transaction,
// asks the pure rules (package rtt and the root package) what is allowed,
// appends events, updates the PTL read model, writes the audit event and
// commits: nothing is half-done.
package store
