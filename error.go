package elective

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. Adapters map each code to their own vocabulary once, at the
// edge (HTTP status, CLI exit code, FHIR OperationOutcome).
const (
	ECONFLICT     = "conflict"     // the action conflicts with current state (slot already booked)
	EINTERNAL     = "internal"     // a fault of ours; details are logged, never shown
	EINVALID      = "invalid"      // the input breaks a rule; Fields says which
	ENOTFOUND     = "not_found"    // the thing does not exist (or is not visible)
	EUNAUTHORIZED = "unauthorized" // no signed-in user
	EFORBIDDEN    = "forbidden"    // the user's role does not allow the action
)

// Error is a domain error with a code and a message written for staff.
// Validation errors also list the fields at fault, in form order, so that a
// form can link each message to its input.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
}

// FieldError names one input and what is wrong with it.
type FieldError struct {
	Field   string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return fmt.Sprintf("elective error: code=%s message=%s", e.Code, e.Message)
	}
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return fmt.Sprintf("elective error: code=%s message=%s (%s)", e.Code, e.Message, strings.Join(parts, "; "))
}

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code string, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the staff-facing message of err; internal errors get
// a generic message so that no detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong on our side. The problem has been logged."
}

// ErrorFields returns the field errors of err, if it is a validation error.
func ErrorFields(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Problems collects field errors while validating input.
type Problems []FieldError

// Add records that field is wrong and why.
func (p *Problems) Add(field, format string, args ...any) {
	*p = append(*p, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil if there are no problems, otherwise an EINVALID *Error that
// lists them under the summary message.
func (p Problems) Err(summary string) error {
	if len(p) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: summary, Fields: p}
}
