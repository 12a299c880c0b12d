package demo

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// TestStream checks every streamed pathway derives and the waits look like
// the demo hospital's, deterministically.
func TestStream(t *testing.T) {
	today := elective.MustParseDate("2026-11-23")
	run := func() (open, within int, events int) {
		err := Stream(7, 20000, today, func(p *rtt.Pathway, spec int) error {
			res, err := rtt.Derive(*p, rtt.DefaultPolicy())
			if err != nil {
				t.Fatalf("pathway %+v: %v", p.Events, err)
			}
			events += len(p.Events)
			if c := res.Current(); c != nil {
				open++
				if rtt.DaysWaited(c.Start, today) <= rtt.StandardDays {
					within++
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	open, within, events := run()
	if share := float64(within) / float64(open); open < 14000 || open > 16000 || share < 0.55 || share > 0.72 {
		t.Fatalf("%d open, %.2f within 18 weeks", open, share)
	}
	if o2, w2, e2 := run(); o2 != open || w2 != within || e2 != events {
		t.Fatal("the stream is not deterministic for a seed")
	}
}
