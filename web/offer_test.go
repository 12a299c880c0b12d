package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

// stubOffers serves pathway 7's booking page with two earliest offers and
// records the offers and unavailability saved.
func (e *testEnv) stubOffers(recorded *[]*elective.Offer, short *bool) {
	var filters []elective.SlotFilter
	e.stubBooking(&filters)
	e.offers.EarliestOffersFn = func(_ context.Context, id int64, n int, shortNotice bool) ([]*elective.Slot, error) {
		*short = shortNotice
		return fixtureSlots(e.loc)[:2], nil
	}
	e.offers.RecordOfferFn = func(_ context.Context, o *elective.Offer) error {
		*recorded = append(*recorded, o)
		return nil
	}
}

func TestBookingPageOffers(t *testing.T) {
	e := newTestEnv(t)
	var recorded []*elective.Offer
	var short bool
	e.stubOffers(&recorded, &short)
	w := e.get("/pathways/7/book", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Offer the earliest reasonable dates", `name="offer_slot" value="200"`, `name="answer_200"`,
		"at least 21 days ahead", "The patient will take a date sooner", "When the patient cannot come")
	if short {
		t.Error("short notice searched without being asked")
	}
	wantStatus(t, e.get("/pathways/7/book?short_notice=1", "tok-officer"), http.StatusOK)
	if !short {
		t.Error("short_notice=1 did not search with short notice")
	}
}

func TestOfferCreate(t *testing.T) {
	answers := func(a200, a201 string) url.Values {
		return url.Values{"offer_slot": {"200", "201"}, "offer_date_200": {"2026-11-30"}, "offer_date_201": {"2026-11-30"},
			"answer_200": {a200}, "answer_201": {a201}}
	}
	t.Run("AcceptedIsBooked", func(t *testing.T) {
		e := newTestEnv(t)
		var recorded []*elective.Offer
		var short bool
		e.stubOffers(&recorded, &short)
		var booked *elective.BookingRequest
		e.bookings.BookAppointmentFn = func(_ context.Context, req *elective.BookingRequest) (*elective.Appointment, error) {
			booked = req
			return &elective.Appointment{ID: 301, PatientID: 42, Start: fixtureSlots(e.loc)[1].Start}, nil
		}
		w := e.post("/pathways/7/offers", "tok-officer", answers("declined", "accepted"))
		wantRedirect(t, w, "/patients/42")
		if booked == nil || booked.SlotID != 201 || booked.Communicated != elective.CommunicatedByPhone {
			t.Errorf("booked %+v", booked)
		}
		if len(recorded) != 2 || recorded[0].Response != elective.OfferDeclined || recorded[1].SlotID != 201 ||
			recorded[0].OfferedOn != e.today() || recorded[0].Date != elective.MustParseDate("2026-11-30") {
			t.Errorf("recorded %+v", recorded)
		}
	})
	t.Run("BothDeclined", func(t *testing.T) {
		e := newTestEnv(t)
		var recorded []*elective.Offer
		var short bool
		e.stubOffers(&recorded, &short)
		w := e.post("/pathways/7/offers", "tok-officer", answers("declined", "no-answer"))
		wantRedirect(t, w, "/pathways/7/book")
		if len(recorded) != 2 {
			t.Errorf("recorded %d offers", len(recorded))
		}
	})
	for name, form := range map[string]url.Values{
		"ErrTwoAccepted": answers("accepted", "accepted"),
		"ErrUnanswered":  answers("declined", ""),
	} {
		t.Run(name, func(t *testing.T) {
			e := newTestEnv(t)
			var recorded []*elective.Offer
			var short bool
			e.stubOffers(&recorded, &short)
			w := e.post("/pathways/7/offers", "tok-officer", form)
			wantStatus(t, w, http.StatusUnprocessableEntity)
			wantBody(t, w, `id="offers-error"`)
			if len(recorded) != 0 {
				t.Errorf("recorded %d offers after an error", len(recorded))
			}
		})
	}
	t.Run("ErrConflictRecordsNothing", func(t *testing.T) {
		e := newTestEnv(t)
		var recorded []*elective.Offer
		var short bool
		e.stubOffers(&recorded, &short)
		e.bookings.BookAppointmentFn = func(context.Context, *elective.BookingRequest) (*elective.Appointment, error) {
			return nil, elective.Errorf(elective.ECONFLICT, "taken")
		}
		w := e.post("/pathways/7/offers", "tok-officer", answers("accepted", "declined"))
		wantStatus(t, w, http.StatusConflict)
		wantBody(t, w, slotConflict)
		if len(recorded) != 0 {
			t.Errorf("recorded %d offers after a conflict", len(recorded))
		}
	})
}

func TestOfferRecordOther(t *testing.T) {
	e := newTestEnv(t)
	var recorded []*elective.Offer
	var short bool
	e.stubOffers(&recorded, &short)
	w := e.post("/pathways/7/offers/other", "tok-officer", url.Values{"offered_on": {"2026-11-20"}, "offer_date": {"soon"},
		"response": {"declined"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the date offered", `value="2026-11-20"`)
	w = e.post("/pathways/7/offers/other", "tok-officer", url.Values{"offered_on": {"2026-11-20"}, "offer_date": {"2026-12-14"},
		"response": {"declined"}, "short_notice_agreed": {"1"}, "note": {"Away"}})
	wantRedirect(t, w, "/pathways/7/book")
	if len(recorded) != 1 || !recorded[0].ShortNoticeAgreed || recorded[0].Note != "Away" {
		t.Errorf("recorded %+v", recorded)
	}
}

func TestUnavailabilityCreate(t *testing.T) {
	e := newTestEnv(t)
	var recorded []*elective.Offer
	var short bool
	e.stubOffers(&recorded, &short)
	var added *elective.Unavailability
	e.offers.AddUnavailabilityFn = func(_ context.Context, u *elective.Unavailability) error {
		added = u
		return u.Validate(e.today())
	}
	w := e.post("/pathways/7/unavailability", "tok-officer", url.Values{"unavailable_from": {"2026-12-20"}, "unavailable_to": {"2026-12-10"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "The last date cannot be before the first", `value="2026-12-20"`)
	w = e.post("/pathways/7/unavailability", "tok-officer", url.Values{"unavailable_from": {"2026-12-20"},
		"unavailable_to": {"2027-01-03"}, "reason": {"Holiday"}})
	wantRedirect(t, w, "/pathways/7/book")
	if added.PatientID != 42 || added.Reason != "Holiday" {
		t.Errorf("added %+v", added)
	}
}

func TestSlotView(t *testing.T) {
	e := newTestEnv(t)
	rows := fixturePTLEntries()
	e.offers.NextPatientsFn = func(_ context.Context, id int64, limit int) (*elective.Slot, []*elective.SlotCandidate, error) {
		if id != 200 {
			return nil, nil, elective.Errorf(elective.ECONFLICT, "booked")
		}
		return fixtureSlots(e.loc)[0], []*elective.SlotCandidate{{Entry: rows[0], Skip: "Unavailable 1 Dec to 8 Dec 2026"},
			{Entry: rows[1], ShortNotice: true}}, nil
	}
	w := e.get("/slots/200", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Who should have this slot", "Passed over", "Unavailable 1 Dec to 8 Dec 2026", "Next patient",
		"only if the patient agrees", fmt.Sprintf(`action="/pathways/%d/appointments"`, rows[1].PathwayID))
	wantRedirect(t, e.get("/slots/201", "tok-officer"), "/slots")
	wantStatus(t, e.get("/slots/200", "tok-rota"), http.StatusForbidden)
}
