package access

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

var d = elective.MustParseDate

func offer(made, date string, r elective.OfferResponse) *elective.Offer {
	return &elective.Offer{OfferedOn: d(made), Date: d(date), Response: r}
}

// TestReasonable: one offer on its own (rules.md 1.8.2, 3.1; scenarios 6.4).
func TestReasonable(t *testing.T) {
	holiday := []*elective.Unavailability{{From: d("2025-04-09"), To: d("2025-04-16")}} // Wed to Wed
	tests := []struct {
		name  string
		o     *elective.Offer
		unav  []*elective.Unavailability
		want  bool
		words string
	}{
		{"TS-62 14 days' notice declined", offer("2025-03-01", "2025-03-15", elective.OfferDeclined), nil, false, "14 days"},
		{"TS-63 21 days' notice", offer("2025-03-01", "2025-03-22", elective.OfferDeclined), nil, true, "21 days"},
		{"20 days' notice is one short", offer("2025-03-01", "2025-03-21", elective.OfferDeclined), nil, false, "less than 21"},
		{"3.1 short notice accepted is reasonable", offer("2025-03-01", "2025-03-04", elective.OfferAccepted), nil, true, "accepted"},
		{"short notice unanswered is not", offer("2025-03-01", "2025-03-04", elective.OfferNoAnswer), nil, false, ""},
		{"TS-67 inside the holiday", offer("2025-03-01", "2025-04-10", elective.OfferDeclined), holiday, false, "TS-67"},
		{"TS-67 same week, before the holiday starts", offer("2025-03-01", "2025-04-07", elective.OfferDeclined), holiday, false, "same week"},
		{"TS-67 same week, after the holiday ends", offer("2025-03-01", "2025-04-20", elective.OfferDeclined), holiday, false, "same week"},
		{"the week after the holiday is fine", offer("2025-03-01", "2025-04-21", elective.OfferDeclined), holiday, true, ""},
		{"the week before the holiday is fine", offer("2025-03-01", "2025-04-06", elective.OfferDeclined), holiday, true, ""},
	}
	for _, tt := range tests {
		got, reason := Reasonable(tt.o, tt.unav, rtt.DefaultPolicy())
		if got != tt.want || !strings.Contains(reason, tt.words) {
			t.Errorf("%s: Reasonable = %v, %q; want %v containing %q", tt.name, got, reason, tt.want, tt.words)
		}
	}
}

// TestAssess: what a run of offers adds up to (rules.md 3.1, TS-62, TS-64,
// TS-65).
func TestAssess(t *testing.T) {
	dec, acc, none := elective.OfferDeclined, elective.OfferAccepted, elective.OfferNoAnswer
	tests := []struct {
		name     string
		offers   []*elective.Offer
		declines int
		review   bool
	}{
		{"no offers", nil, 0, false},
		{"TS-65 two reasonable declines ask for a review",
			[]*elective.Offer{offer("2025-03-01", "2025-03-24", dec), offer("2025-03-05", "2025-04-01", dec)}, 2, true},
		{"TS-62 a short-notice decline does not count",
			[]*elective.Offer{offer("2025-03-01", "2025-03-10", dec), offer("2025-03-05", "2025-04-01", dec)}, 1, false},
		{"TS-64 second date 42 days after the first counts",
			[]*elective.Offer{offer("2025-03-01", "2025-03-24", dec), offer("2025-03-10", "2025-05-05", dec)}, 2, true},
		{"TS-64 second date 43 days after the first starts a new pair",
			[]*elective.Offer{offer("2025-03-01", "2025-03-24", dec), offer("2025-03-10", "2025-05-06", dec)}, 1, false},
		{"an accepted offer ends the stage",
			[]*elective.Offer{offer("2025-03-01", "2025-03-24", dec), offer("2025-03-02", "2025-03-31", acc),
				offer("2025-05-01", "2025-05-26", dec)}, 1, false},
		{"no answer is not a decline",
			[]*elective.Offer{offer("2025-03-01", "2025-03-24", none), offer("2025-03-02", "2025-03-31", dec)}, 1, false},
	}
	for _, tt := range tests {
		h := Assess(tt.offers, nil, rtt.DefaultPolicy())
		if h.Declines != tt.declines || h.ReviewDue != tt.review || len(h.Assessments) != len(tt.offers) {
			t.Errorf("%s: declines %d review %v, want %d %v", tt.name, h.Declines, h.ReviewDue, tt.declines, tt.review)
		}
		if h.ReviewDue != (h.ReviewMessage() != "") {
			t.Errorf("%s: review message %q", tt.name, h.ReviewMessage())
		}
	}
}

// TestAssessPolicy: the trust's own numbers are used (rules.md 3.1 is a
// configurable profile; Scotland uses 10 days' notice).
func TestAssessPolicy(t *testing.T) {
	p := rtt.DefaultPolicy()
	p.ReasonableNoticeDays, p.OffersPerStage = 10, 3
	offers := []*elective.Offer{offer("2025-03-01", "2025-03-11", elective.OfferDeclined),
		offer("2025-03-02", "2025-03-20", elective.OfferDeclined)}
	if h := Assess(offers, nil, p); h.Declines != 2 || h.ReviewDue {
		t.Fatalf("10-day notice, 3 per stage: %+v", h)
	}
}
