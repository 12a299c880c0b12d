package web

import (
	"context"
	"net/http"
	"testing"

	"github.com/openelective/elective"
)

// stubWorklist serves fixtureWorklistEntries with counts per kind and
// records the filters asked for.
func (e *testEnv) stubWorklist(got *elective.WorklistFilter) {
	e.work.FindWorklistFn = func(_ context.Context, f elective.WorklistFilter) ([]*elective.WorklistEntry, int, map[elective.WorklistKind]int, error) {
		*got = f
		counts := map[elective.WorklistKind]int{
			elective.WorkClinicalReview: 3, elective.WorkOutcomeOverdue: 5, elective.WorkNoNextStep: 112,
			elective.WorkValidationDue: 40, elective.WorkInvalidEvents: 2,
		}
		return fixtureWorklistEntries(), 120, counts, nil
	}
}

func TestWorklistIndex(t *testing.T) {
	e := newTestEnv(t)
	var got elective.WorklistFilter
	e.stubWorklist(&got)
	t.Run("Failsafe", func(t *testing.T) {
		w := e.get("/worklists/failsafe", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		want := elective.WorklistFilter{List: elective.WorklistFailsafe, Census: e.today(), Limit: 50}
		if got != want {
			t.Errorf("filter = %+v, want %+v", got, want)
		}
		wantBody(t, w, "<h1>Failsafe list</h1>", "No patient may sit on no list.",
			`aria-current="page">Worklists</a>`, `href="/worklists/validation">Validation worklist</a>`,
			// Tabs: All is the failsafe kinds only (3+5+112), then each kind.
			`href="/worklists/failsafe" aria-current="page">All (120)</a>`,
			`href="/worklists/failsafe?kind=clinical-review">Clinical review needed (3)</a>`,
			`href="/worklists/failsafe?kind=outcome-overdue">Outcome not recorded (5)</a>`,
			`href="/worklists/failsafe?kind=no-next-step">No next step (112)</a>`,
			// Rows: patient, reason, since, weeks or no clock.
			`href="/patients/41">PATIENT, Test validation-due</a>`, "999 123 4578", "Trauma and orthopaedics",
			"the appointment on 1 Oct 2026 has no outcome recorded", "1 Oct 2026", ">19</td>", ">No clock</td>", ">—</td>",
			"Showing 1 to 50 of 120", `aria-label="Page 3"`)
		wantNoBody(t, w, "Validation due (40)") // a validation kind is not a failsafe tab
	})
	t.Run("Actions", func(t *testing.T) {
		w := e.get("/worklists/failsafe", "tok-officer")
		wantBody(t, w,
			`href="/pathways/1#validate">Validate<`,
			`href="/patients/42">Open patient<`, // outcome overdue
			`href="/pathways/3/book">Book<`,
			`href="/pathways/4">Open pathway<`,  // invalid events
			`href="/pathways/5">Open pathway<`,  // discharged, clock running
			`href="/patients/46">Open patient<`, // duplicate pathway
			`href="/pathways/7">Open pathway<`,  // clinical review
			`<span class="nhsuk-u-visually-hidden"> for PATIENT, Test no-next-step</span>`)
	})
	t.Run("ClinicianNeitherBooksNorValidates", func(t *testing.T) {
		w := e.get("/worklists/failsafe", "tok-clinician")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, `href="/pathways/1">Open pathway<`, `href="/pathways/3">Open pathway<`)
		wantNoBody(t, w, `href="/pathways/3/book"`, "#validate")
	})
	t.Run("Validation", func(t *testing.T) {
		w := e.get("/worklists/validation?kind=validation-due&specialty=2&page=2", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		want := elective.WorklistFilter{List: elective.WorklistValidation, Kind: elective.WorkValidationDue,
			SpecialtyID: 2, Census: e.today(), Offset: 50, Limit: 50}
		if got != want {
			t.Errorf("filter = %+v, want %+v", got, want)
		}
		wantBody(t, w, "<h1>Validation worklist</h1>", "rules.md 3.9", "rules.md 1.12",
			`href="/worklists/validation?specialty=2">All (42)</a>`,
			`href="/worklists/validation?kind=validation-due&amp;specialty=2" aria-current="page">Validation due (40)</a>`,
			`href="/worklists/validation?kind=duplicate-pathway&amp;specialty=2">Duplicate open pathway (0)</a>`,
			`name="kind" value="validation-due"`, `value="2" selected`,
			`/worklists/validation?kind=validation-due&amp;page=3&amp;specialty=2`)
	})
	t.Run("KindNotOnList", func(t *testing.T) {
		wantStatus(t, e.get("/worklists/failsafe?kind=validation-due", "tok-officer"), http.StatusOK)
		if got.Kind != "" {
			t.Errorf("kind = %q, want every kind", got.Kind)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		wantStatus(t, e.get("/worklists/nonsense", "tok-officer"), http.StatusNotFound)
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		for _, list := range []string{"failsafe", "validation"} {
			w := e.get("/worklists/"+list, "tok-rota")
			wantStatus(t, w, http.StatusForbidden)
			wantBody(t, w, "does not allow this")
		}
	})
	t.Run("Navigation", func(t *testing.T) {
		wantBody(t, e.get("/", "tok-officer"), `href="/worklists/failsafe">Worklists</a>`,
			"<kbd>g</kbd> <kbd>f</kbd></dt><dd>Failsafe list")
		wantNoBody(t, e.get("/", "tok-rota"), `href="/worklists/failsafe"`, "<kbd>f</kbd>")
	})
}
