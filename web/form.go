package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// FieldProblem is one problem with a form field. Anchor is the id of the
// input the error summary links to.
type FieldProblem struct {
	Field   string
	Anchor  string
	Message string
}

// FormErrors are the problems found in a submitted form: a summary and the
// field problems in form order, for the NHS error summary and the inline
// messages.
type FormErrors struct {
	Summary string
	Items   []FieldProblem
}

// Any reports whether there is anything to show.
func (e FormErrors) Any() bool { return e.Summary != "" || len(e.Items) > 0 }

// For returns the message for a field, "" if it has none. Several problems
// with one field are joined.
func (e FormErrors) For(field string) string {
	var msgs []string
	for _, it := range e.Items {
		if it.Field == field {
			msgs = append(msgs, it.Message)
		}
	}
	return strings.Join(msgs, ". ")
}

// newFormErrors turns a domain error into form errors. anchors maps domain
// field names to input ids where they differ from the field name with
// hyphens for underscores (date inputs link to their day field).
func newFormErrors(err error, anchors map[string]string) FormErrors {
	fe := FormErrors{Summary: elective.ErrorMessage(err)}
	for _, f := range elective.ErrorFields(err) {
		fe.Items = append(fe.Items, FieldProblem{Field: f.Field, Anchor: anchorFor(f.Field, anchors), Message: f.Message})
	}
	return fe
}

func anchorFor(field string, anchors map[string]string) string {
	if a, ok := anchors[field]; ok {
		return a
	}
	return strings.ReplaceAll(field, "_", "-")
}

// DateParts is a date as typed into an NHS date input.
type DateParts struct {
	Day, Month, Year string
}

// readDateParts reads the day, month and year fields named name_day,
// name_month and name_year.
func readDateParts(r *http.Request, name string) DateParts {
	return DateParts{
		Day:   strings.TrimSpace(r.PostFormValue(name + "_day")),
		Month: strings.TrimSpace(r.PostFormValue(name + "_month")),
		Year:  strings.TrimSpace(r.PostFormValue(name + "_year")),
	}
}

// partsOf fills date fields from a date.
func partsOf(d elective.Date) DateParts {
	if d.IsZero() {
		return DateParts{}
	}
	return DateParts{Day: strconv.Itoa(d.Day), Month: strconv.Itoa(int(d.Month)), Year: strconv.Itoa(d.Year)}
}

// IsBlank reports whether nothing was typed.
func (p DateParts) IsBlank() bool { return p.Day == "" && p.Month == "" && p.Year == "" }

// Date returns the date typed. A blank date is the zero Date and valid (the
// domain rules say whether it is required); ok is false when something was
// typed that is not a real date.
func (p DateParts) Date() (d elective.Date, ok bool) {
	if p.IsBlank() {
		return elective.Date{}, true
	}
	day, err1 := strconv.Atoi(p.Day)
	month, err2 := strconv.Atoi(p.Month)
	year, err3 := strconv.Atoi(p.Year)
	if err1 != nil || err2 != nil || err3 != nil || len(p.Year) != 4 || month < 1 || month > 12 {
		return elective.Date{}, false
	}
	d = elective.NewDate(year, time.Month(month), day)
	if d.Day != day || int(d.Month) != month || d.Year != year {
		return elective.Date{}, false // 31 April does not exist
	}
	return d, true
}

// DateInput is everything the date-input partial shows.
type DateInput struct {
	ID     string // the fieldset's id; the inputs are ID-day, ID-month, ID-year
	Name   string // the inputs are Name_day, Name_month, Name_year
	Legend string
	Hint   string
	Value  DateParts
	Error  string
}

// formInt64 reads an optional id from a form or query value; a missing or
// malformed value is 0, which the domain rules reject where it matters.
func formInt64(s string) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// pathID reads the {id} path value. Anything that is not a positive number
// cannot name a record, so it is not found.
func pathID(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || n <= 0 {
		return 0, elective.Errorf(elective.ENOTFOUND, "There is no such record. Check the web address.")
	}
	return n, nil
}

// parseForm reads a POST body, bounded in size.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return elective.Errorf(elective.EINVALID, "The form could not be read. Try again.")
	}
	return nil
}
