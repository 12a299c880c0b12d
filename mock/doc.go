// Package mock provides function-field mocks of every elective service
// interface, for tests of the adapters (web, fhir, cmd) that need no
// database. Each mock method calls the field of the same name with an Fn
// suffix; a test sets only the fields its code path uses, and a call to an
// unset field panics, which shows the test exercised something unexpected.
package mock
