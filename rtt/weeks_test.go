package rtt

import (
	"testing"

	"github.com/openelective/elective"
)

// TestWeeksWaited is scenarios.md 6.5 (TS-80 … TS-90): the weeks-waited
// arithmetic of rules.md 1.11.
func TestWeeksWaited(t *testing.T) {
	start := elective.MustParseDate("2025-01-02")
	tests := []struct {
		id      string
		end     string
		days    int
		band    string
		breach  bool
		longest int
	}{
		{"TS-80", "2025-01-02", 0, "0-1", false, 0},
		{"TS-81", "2025-01-09", 7, "0-1", false, 0},
		{"TS-82", "2025-01-10", 8, "1-2", false, 0},
		{"TS-83", "2025-05-08", 126, "17-18", false, 0},
		{"TS-84", "2025-05-09", 127, "18-19", true, 0},
		{"TS-85", "2026-01-01", 364, "51-52", true, 0},
		{"TS-86", "2026-01-02", 365, "52-53", true, 52},
		{"TS-87", "2026-04-02", 455, "64-65", true, 52},
		{"TS-88", "2026-07-02", 546, "77-78", true, 65},
		{"TS-89", "2026-12-31", 728, "103-104", true, 78},
		{"TS-90", "2027-01-01", 729, "104+", true, 104},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			days := DaysWaited(start, elective.MustParseDate(tt.end))
			if days != tt.days {
				t.Fatalf("days = %d, want %d", days, tt.days)
			}
			if got := BandLabel(days); got != tt.band {
				t.Errorf("band = %q, want %q", got, tt.band)
			}
			if got := Breached(days); got != tt.breach {
				t.Errorf("breached = %v, want %v", got, tt.breach)
			}
			if got := LongWaitWeeks(days); got != tt.longest {
				t.Errorf("long wait = %d, want %d", got, tt.longest)
			}
		})
	}
}

// TestBreachDate checks the breach date is the first day over 126 days.
func TestBreachDate(t *testing.T) {
	start := elective.MustParseDate("2025-01-02")
	b := BreachDate(start)
	if b.String() != "2025-05-09" || Breached(DaysWaited(start, b.AddDays(-1))) || !Breached(DaysWaited(start, b)) {
		t.Fatalf("breach date %s is not the first day over 18 weeks", b)
	}
}

// TestBandBoundaries walks every day to two years and checks each band
// holds the days rules.md 1.11 gives it.
func TestBandBoundaries(t *testing.T) {
	for d := 0; d <= 800; d++ {
		k := BandIndex(d)
		var lo, hi int
		switch {
		case k == 0:
			lo, hi = 0, 7
		case k == TopBand:
			lo, hi = 729, 1<<30
		default:
			lo, hi = 7*k+1, 7*k+7
		}
		if d < lo || d > hi {
			t.Fatalf("day %d in band %d, which holds %d–%d", d, k, lo, hi)
		}
	}
}

// FuzzBand checks the band never decreases as the wait grows.
func FuzzBand(f *testing.F) {
	f.Add(0, 1)
	f.Add(126, 127)
	f.Fuzz(func(t *testing.T, a, b int) {
		if a < 0 || b < a || b > 1<<20 {
			return
		}
		if BandIndex(a) > BandIndex(b) {
			t.Fatalf("band(%d)=%d > band(%d)=%d", a, BandIndex(a), b, BandIndex(b))
		}
	})
}
