package store

import (
	"testing"
	"time"
)

// TestFormatTime checks the hand-written formatter against time.Format.
func TestFormatTime(t *testing.T) {
	base := time.Date(2026, 3, 29, 0, 59, 59, 123456789, time.UTC)
	for i := 0; i < 5000; i++ {
		tm := base.Add(time.Duration(i) * 7919 * time.Second).In(time.FixedZone("X", 3600))
		if got, want := formatTime(tm), tm.UTC().Format(timeLayout); got != want {
			t.Fatalf("formatTime(%v) = %s, want %s", tm, got, want)
		}
	}
}
