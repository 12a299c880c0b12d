package web

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// worklistText is a worklist's heading and what it is for, in the words of
// the rules it serves.
type worklistText struct {
	Title string
	Intro string
}

// worklistTexts are the two worklists' headings and explanations.
var worklistTexts = map[elective.Worklist]worklistText{
	elective.WorklistFailsafe: {Title: "Failsafe list",
		Intro: "Every patient who would otherwise sit on no list: a clinician's decision outstanding, " +
			"an appointment with no outcome, seen with nothing booked next. No patient may sit on no list."},
	elective.WorklistValidation: {Title: "Validation worklist",
		Intro: "Pathways to validate at 12, 26 and 52 weeks (rules.md 3.9) and records that break " +
			"the national data-quality checks (rules.md 1.12)."},
}

// WorklistFilterForm is a worklist's filter form: the kind of work (a tab)
// and the specialty. Both are GET parameters, so a filtered worklist is a
// shareable URL.
type WorklistFilterForm struct {
	Kind        elective.WorklistKind // "" for every kind on the list
	SpecialtyID int64
}

// readWorklistFilter reads the filters; a kind that is not on the list
// means every kind.
func readWorklistFilter(list elective.Worklist, q url.Values) WorklistFilterForm {
	f := WorklistFilterForm{SpecialtyID: formInt64(q.Get("specialty"))}
	if k := elective.WorklistKind(q.Get("kind")); slices.Contains(list.Kinds(), k) {
		f.Kind = k
	}
	return f
}

// WorklistTab is one tab of a worklist: a kind of work, or all of them,
// with the number of entries.
type WorklistTab struct {
	Label   string
	Count   int
	Href    string
	Current bool
}

// worklistTabs builds the "All" tab and one tab per kind of the list. The
// links keep the other filters and go back to the first page.
func worklistTabs(u *url.URL, list elective.Worklist, current elective.WorklistKind,
	counts map[elective.WorklistKind]int) []WorklistTab {
	link := func(k elective.WorklistKind) string {
		q := u.Query()
		q.Del("page")
		q.Del("kind")
		if k != "" {
			q.Set("kind", string(k))
		}
		if len(q) == 0 {
			return u.Path
		}
		return u.Path + "?" + q.Encode()
	}
	all := WorklistTab{Label: "All", Href: link(""), Current: current == ""}
	tabs := []WorklistTab{all}
	for _, k := range list.Kinds() {
		tabs[0].Count += counts[k]
		tabs = append(tabs, WorklistTab{Label: k.Label(), Count: counts[k], Href: link(k), Current: current == k})
	}
	return tabs
}

// WorklistRow is one worklist entry with its wait and the next thing to
// do about it.
type WorklistRow struct {
	Entry      *elective.WorklistEntry
	Weeks      int // meaningful only when the entry has a clock
	ActionText string
	ActionHref string
}

// worklistRows builds the rows; the actions offered depend on what the
// user's role may do.
func worklistRows(entries []*elective.WorklistEntry, user *elective.User) []WorklistRow {
	canBook := user != nil && elective.Can(user.Role, elective.ActionBookAppointment)
	canValidate := user != nil && elective.Can(user.Role, elective.ActionValidatePathway)
	rows := make([]WorklistRow, len(entries))
	for i, e := range entries {
		rows[i] = WorklistRow{Entry: e, Weeks: rtt.WeeksWaited(e.DaysWaited)}
		rows[i].ActionText, rows[i].ActionHref = worklistAction(e, canBook, canValidate)
	}
	return rows
}

// worklistAction is where an entry is worked: validation on the pathway's
// validation form, a missing outcome or a duplicate on the patient record
// (which lists appointments and every pathway), a missing next step on the
// booking page, anything else on the pathway's event log. A user who may
// not validate or book is sent to the pathway instead.
func worklistAction(e *elective.WorklistEntry, canBook, canValidate bool) (text, href string) {
	switch {
	case e.Kind == elective.WorkValidationDue && canValidate:
		return "Validate", pathwayURL(e.PathwayID) + "#" + validateAnchor
	case e.Kind == elective.WorkOutcomeOverdue, e.Kind == elective.WorkDuplicatePathway:
		return "Open patient", patientURL(e.PatientID)
	case e.Kind == elective.WorkNoNextStep && canBook:
		return "Book", pathwayURL(e.PathwayID) + "/book"
	}
	return "Open pathway", pathwayURL(e.PathwayID)
}

// handleWorklistIndex shows the failsafe list or the validation worklist
// ({list} in the path): the entries of one kind or all, oldest first
// within each kind.
func (s *Server) handleWorklistIndex(w http.ResponseWriter, r *http.Request) error {
	list := elective.Worklist(r.PathValue("list"))
	text, ok := worklistTexts[list]
	if !ok {
		return elective.Errorf(elective.ENOTFOUND, "There is no such worklist. Check the web address.")
	}
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	q := r.URL.Query()
	f, page := readWorklistFilter(list, q), pageNumber(q)
	entries, total, counts, err := s.svc.Worklists.FindWorklist(r.Context(), elective.WorklistFilter{
		List: list, Kind: f.Kind, SpecialtyID: f.SpecialtyID, Census: s.today(),
		Offset: offset(page), Limit: perPage,
	})
	if err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &WorklistIndexPage{List: list, Intro: text.Intro, Filter: f, Specialties: lk.specialties,
		Tabs: worklistTabs(r.URL, list, f.Kind, counts), Pagination: newPagination(r.URL, page, total),
		Rows: worklistRows(entries, elective.UserFromContext(r.Context()))}
	p.Title, p.Nav, p.Wide = text.Title, NavWorklists, true
	return s.render(w, r, http.StatusOK, p)
}

// worklistURL is the address of a worklist.
func worklistURL(list elective.Worklist) string { return "/worklists/" + string(list) }
