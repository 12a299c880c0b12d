package demo_test

import (
	"fmt"
	"hash"
	"hash/fnv"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/demo"
)

// testToday is the census date of the test hospitals.
var testToday = elective.MustParseDate("2026-02-02")

// testConfig is a small but complete hospital: 2,000 open pathways.
func testConfig(tb testing.TB, seed uint64) demo.Config {
	tb.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		tb.Skipf("no Europe/London time zone: %v", err)
	}
	return demo.Config{Seed: seed, Scale: demo.Small, Today: testToday, Location: loc, Pathways: 2000}
}

// hospital is everything one run produced, kept for checking.
type hospital struct {
	ref     *elective.ReferenceData
	batches []*elective.LoadBatch
	done    []int // progress reports: pathways done
	total   int
}

// MustGenerate builds a hospital and keeps every batch.
func MustGenerate(tb testing.TB, cfg demo.Config) *hospital {
	tb.Helper()
	h := &hospital{}
	err := demo.Generate(cfg,
		func(r *elective.ReferenceData) error { h.ref = r; return nil },
		func(b *elective.LoadBatch) error { h.batches = append(h.batches, b); return nil },
		func(done, total int) { h.done = append(h.done, done); h.total = total })
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// fingerprint hashes every field of every record, following pointers to
// events and appointment changes, so two runs can be compared.
func (h *hospital) fingerprint() uint64 {
	f := fnv.New64a()
	r := h.ref
	w := func(v any) { fmt.Fprintf(f, "%+v\n", v) }
	w(*r.Organisation)
	for _, x := range r.Sites {
		w(*x)
	}
	for _, x := range r.Specialties {
		w(*x)
	}
	for _, x := range r.Clinicians {
		w(*x)
	}
	for _, x := range r.Templates {
		w(*x)
	}
	for _, b := range h.batches {
		fingerprintBatch(f, b)
	}
	return f.Sum64()
}

func fingerprintBatch(f hash.Hash64, b *elective.LoadBatch) {
	w := func(v any) { fmt.Fprintf(f, "%+v\n", v) }
	for _, x := range b.Sessions {
		w(*x)
	}
	for _, x := range b.Slots {
		w(*x)
	}
	for _, x := range b.Patients {
		w(*x)
	}
	for _, x := range b.Referrals {
		w(*x)
	}
	for _, x := range b.Pathways {
		c := *x
		c.Events = nil
		w(c)
		for _, e := range x.Events {
			w(*e)
		}
	}
	for _, x := range b.Appointments {
		c := *x
		c.History = nil
		w(c)
		for _, ch := range x.History {
			w(*ch)
		}
	}
}

func TestGenerate_Deterministic(t *testing.T) {
	a := MustGenerate(t, testConfig(t, 7)).fingerprint()
	b := MustGenerate(t, testConfig(t, 7)).fingerprint()
	c := MustGenerate(t, testConfig(t, 8)).fingerprint()
	if a != b {
		t.Errorf("same seed gave different hospitals: %x and %x", a, b)
	}
	if a == c {
		t.Errorf("different seeds gave the same hospital %x", a)
	}
}

func TestGenerate_Progress(t *testing.T) {
	h := MustGenerate(t, testConfig(t, 1))
	if len(h.done) != len(h.batches) {
		t.Errorf("progress called %d times for %d batches", len(h.done), len(h.batches))
	}
	if want := 2000 + 800; h.total != want || h.done[len(h.done)-1] != want {
		t.Errorf("progress ended at %d of %d, want %d of %d", h.done[len(h.done)-1], h.total, want, want)
	}
	for _, b := range h.batches {
		if len(b.Slots) > 20000 {
			t.Errorf("a batch has %d slots, want at most 20,000", len(b.Slots))
		}
		if len(b.Pathways) > 2001 {
			t.Errorf("a batch has %d pathways, want about 2,000", len(b.Pathways))
		}
	}
}

func TestGenerate_ErrToday(t *testing.T) {
	err := demo.Generate(demo.Config{Scale: demo.Small}, nil, nil, nil)
	if err == nil {
		t.Fatal("Generate without Today succeeded")
	}
}

func TestParseScale(t *testing.T) {
	for in, want := range map[string]demo.Scale{"small": demo.Small, "Large": demo.Large, " small ": demo.Small} {
		if got, err := demo.ParseScale(in); err != nil || got != want {
			t.Errorf("ParseScale(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := demo.ParseScale("huge"); err == nil {
		t.Error(`ParseScale("huge") succeeded`)
	}
}

func TestUsers(t *testing.T) {
	users := demo.Users()
	if len(users) != len(elective.Roles) {
		t.Fatalf("%d users for %d roles", len(users), len(elective.Roles))
	}
	for i, u := range users {
		if u.Role != elective.Roles[i] {
			t.Errorf("user %d has role %s, want %s", i, u.Role, elective.Roles[i])
		}
		if err := elective.ValidateNewUser(u, "correct horse battery"); err != nil {
			t.Errorf("user %s: %v", u.Username, err)
		}
	}
}

func BenchmarkGenerateLarge(b *testing.B) {
	cfg := testConfig(b, 1)
	cfg.Scale, cfg.Pathways = demo.Large, 0
	for b.Loop() {
		slots, events := 0, 0
		err := demo.Generate(cfg, func(*elective.ReferenceData) error { return nil },
			func(lb *elective.LoadBatch) error {
				slots += len(lb.Slots)
				for _, p := range lb.Pathways {
					events += len(p.Events)
				}
				return nil
			}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(slots), "slots")
		b.ReportMetric(float64(events), "events")
	}
}
