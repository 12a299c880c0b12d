package main

import (
	"context"
	"fmt"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/demo"
	"github.com/openelective/elective/rtt"
)

// benchRTT derives a national-scale synthetic list in one streaming pass:
// pathways are generated, derived and counted one at a time, never held,
// until the list holds --pathways open pathways (7.5 million: the size of
// England's waiting list).
func (m *Main) benchRTT(ctx context.Context, args []string) error {
	fs := m.flags("bench rtt", "bench rtt [--pathways N] [--seed N]")
	target := fs.Int("pathways", 7500000, "open pathways to reach")
	seed := fs.Uint64("seed", 1, "seed of the synthetic list")
	if err := parse(fs, args); err != nil {
		return err
	}
	today := elective.DateOf(m.Now(), london())
	pol := rtt.DefaultPolicy()
	var all, open, within, over52, events int
	var bands [rtt.TopBand + 1]int
	stop := fmt.Errorf("reached")
	start := time.Now()
	err := demo.Stream(*seed, 1<<62, today, func(p *rtt.Pathway, _ int) error {
		res, err := rtt.Derive(*p, pol)
		if err != nil {
			return err
		}
		all++
		events += len(p.Events)
		if c := res.Current(); c != nil && !res.Transferred {
			days := rtt.DaysWaited(c.Start, today)
			open++
			bands[rtt.BandIndex(days)]++
			if !rtt.Breached(days) {
				within++
			}
			if days >= 365 {
				over52++
			}
			if open == *target {
				return stop
			}
		}
		return nil
	})
	if err != nil && err != stop {
		return err
	}
	elapsed := time.Since(start)
	fmt.Fprintf(m.Stdout, "Derived %d synthetic pathways (%d events) in one pass in %.1f s: %.0f pathways/s, peak memory %s\n",
		all, events, elapsed.Seconds(), float64(all)/elapsed.Seconds(), peakMemory())
	fmt.Fprintf(m.Stdout, "  %d open pathways at %s: %.1f%% within 18 weeks, %d over 52 weeks; bands 0-1: %d, 17-18: %d, 104+: %d\n",
		open, today, 100*float64(within)/float64(max(open, 1)), over52, bands[0], bands[17], bands[rtt.TopBand])
	return nil
}
