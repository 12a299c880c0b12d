package schedule

import (
	"context"
	"math/rand"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// partition is a toy State: split numbers into two sets with sums as equal
// as possible. Cost is |sum(left) − sum(right)|; a move flips one number.
type partition struct {
	nums  []int64
	left  []bool
	diff  int64 // sum(left) − sum(right)
	noMve bool  // Propose always fails (tests the ok=false path)
}

func newPartition(nums []int64) *partition {
	p := &partition{nums: nums, left: make([]bool, len(nums))}
	for _, n := range nums {
		p.diff -= n
	}
	return p
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func (p *partition) Cost() int64 { return abs(p.diff) }

func (p *partition) flipDiff(i int) int64 {
	if p.left[i] {
		return p.diff - 2*p.nums[i]
	}
	return p.diff + 2*p.nums[i]
}

func (p *partition) Propose(r *rand.Rand) (Move, int64, bool) {
	if p.noMve || len(p.nums) == 0 {
		return nil, 0, false
	}
	i := r.Intn(len(p.nums))
	return i, abs(p.flipDiff(i)) - abs(p.diff), true
}

func (p *partition) Apply(m Move) {
	i := m.(int)
	p.diff = p.flipDiff(i)
	p.left[i] = !p.left[i]
}

func (p *partition) Clone() State {
	q := *p
	q.left = slices.Clone(p.left)
	return &q
}

// recompute checks the incremental diff against a full evaluation.
func (p *partition) recompute() int64 {
	var d int64
	for i, n := range p.nums {
		if p.left[i] {
			d += n
		} else {
			d -= n
		}
	}
	return abs(d)
}

func randomNums(seed int64, n int) []int64 {
	r := rand.New(rand.NewSource(seed))
	nums := make([]int64, n)
	for i := range nums {
		nums[i] = 1 + r.Int63n(1_000_000)
	}
	return nums
}

func fromNums(nums []int64) func(*rand.Rand) State {
	return func(*rand.Rand) State { return newPartition(slices.Clone(nums)) }
}

func TestSearch_FindsOptimum(t *testing.T) {
	tests := []struct {
		name string
		nums []int64
		want int64
	}{
		{"even", []int64{3, 1, 1, 2, 2, 1}, 0},
		{"odd", []int64{7, 5, 3, 2}, 1},
		{"one", []int64{4}, 4},
		{"hard-ish", []int64{31, 29, 23, 19, 17, 13, 11, 7, 5, 3, 2}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Search(context.Background(), fromNums(tt.nums), Options{Seed: 1, MaxIterations: 20000})
			if res.Cost != tt.want {
				t.Fatalf("cost %d, want %d", res.Cost, tt.want)
			}
			if got := res.Best.(*partition).recompute(); got != res.Cost {
				t.Fatalf("best state costs %d, result says %d", got, res.Cost)
			}
		})
	}
}

func TestSearch_Deterministic(t *testing.T) {
	nums := randomNums(7, 60)
	o := Options{Seed: 42, MaxIterations: 30000, Threads: 3}
	a := Search(context.Background(), fromNums(nums), o)
	b := Search(context.Background(), fromNums(nums), o)
	if a.Cost != b.Cost || a.Thread != b.Thread || a.Iterations != b.Iterations {
		t.Fatalf("runs differ: %+v vs %+v", a, b)
	}
	if !slices.Equal(a.Best.(*partition).left, b.Best.(*partition).left) {
		t.Fatal("best states differ")
	}
}

func TestSearch_NeverWorseThanInitial(t *testing.T) {
	for seed := int64(0); seed < 5; seed++ {
		nums := randomNums(seed, 40)
		init := newPartition(slices.Clone(nums)).Cost()
		res := Search(context.Background(), fromNums(nums), Options{Seed: seed, MaxIterations: 5000})
		if res.Cost > init {
			t.Errorf("seed %d: cost %d worse than initial %d", seed, res.Cost, init)
		}
		if got := res.Best.(*partition).recompute(); got != res.Cost {
			t.Errorf("seed %d: best state costs %d, result says %d", seed, got, res.Cost)
		}
	}
}

func TestSearch_StopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int64
	o := Options{Seed: 1, ProgressEvery: 1000, Progress: func(Progress) {
		if calls.Add(1) == 3 {
			cancel()
		}
	}}
	done := make(chan Result)
	go func() { done <- Search(ctx, fromNums(randomNums(1, 50)), o) }()
	select {
	case res := <-done:
		if res.Iterations < 3000 || res.Iterations > 3000+checkEvery {
			t.Fatalf("stopped after %d iterations, want about 3000", res.Iterations)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("search did not stop after cancel")
	}
}

func TestSearch_CancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	nums := []int64{5, 4, 3}
	res := Search(ctx, fromNums(nums), Options{Threads: 2})
	if res.Iterations != 0 || res.Cost != 12 || res.Best == nil {
		t.Fatalf("got %+v, want the initial state after 0 iterations", res)
	}
}

func TestSearch_Progress(t *testing.T) {
	var mu sync.Mutex
	got := map[int][]Progress{}
	o := Options{Seed: 3, Threads: 2, MaxIterations: 5000, ProgressEvery: 1000, Progress: func(p Progress) {
		mu.Lock()
		defer mu.Unlock()
		got[p.Thread] = append(got[p.Thread], p)
	}}
	Search(context.Background(), fromNums(randomNums(3, 30)), o)
	for th := range 2 {
		ps := got[th]
		if len(ps) != 5 {
			t.Fatalf("thread %d: %d reports, want 5", th, len(ps))
		}
		for i, p := range ps {
			if p.Iterations != int64(1000*(i+1)) || p.Best > p.Cost {
				t.Errorf("thread %d report %d: %+v", th, i, p)
			}
			if i > 0 && p.Best > ps[i-1].Best {
				t.Errorf("thread %d: best rose from %d to %d", th, ps[i-1].Best, p.Best)
			}
		}
	}
}

func TestSearch_Threads(t *testing.T) {
	res := Search(context.Background(), fromNums([]int64{2, 2}), Options{Seed: 5, Threads: 4, MaxIterations: 1000})
	if res.Iterations != 4000 {
		t.Errorf("iterations %d, want 4000 over 4 threads", res.Iterations)
	}
	if res.Cost != 0 || res.Thread != 0 {
		t.Errorf("got cost %d thread %d, want 0 from the lowest thread on a tie", res.Cost, res.Thread)
	}
	nums := randomNums(9, 80)
	one := Search(context.Background(), fromNums(nums), Options{Seed: 5, MaxIterations: 3000})
	four := Search(context.Background(), fromNums(nums), Options{Seed: 5, Threads: 4, MaxIterations: 3000})
	if four.Cost > one.Cost {
		t.Errorf("4 threads cost %d, worse than thread 0 alone %d", four.Cost, one.Cost)
	}
}

func TestSearch_NoMoves(t *testing.T) {
	init := func(*rand.Rand) State { p := newPartition([]int64{3, 4}); p.noMve = true; return p }
	res := Search(context.Background(), init, Options{MaxIterations: 100})
	if res.Cost != 7 || res.Iterations != 100 {
		t.Fatalf("got %+v", res)
	}
}

func TestSearch_TimedSchedule(t *testing.T) {
	// A fake clock that advances a millisecond per reading: the schedule
	// follows it, stopping is still by MaxIterations.
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	var ticks atomic.Int64
	now := func() time.Time { return start.Add(time.Duration(ticks.Add(1)) * time.Millisecond) }
	o := Options{Seed: 2, MaxIterations: 20000, Now: now, Deadline: start.Add(50 * time.Millisecond)}
	res := Search(context.Background(), fromNums([]int64{31, 29, 23, 19, 17, 13, 11, 7, 5, 3, 2}), o)
	if res.Cost != 0 || res.Iterations != 20000 {
		t.Fatalf("got cost %d after %d iterations", res.Cost, res.Iterations)
	}
}

func BenchmarkSearch(b *testing.B) {
	nums := randomNums(11, 200)
	for b.Loop() {
		Search(context.Background(), fromNums(nums), Options{Seed: 1, MaxIterations: 100000})
	}
}

func TestSearch_TemperatureOverrides(t *testing.T) {
	nums := []int64{31, 29, 23, 19, 17, 13, 11, 7, 5, 3, 2}
	o := Options{Seed: 1, MaxIterations: 20000, InitialTemp: 50, FinalTemp: 0.05}
	if res := Search(context.Background(), fromNums(nums), o); res.Cost != 0 {
		t.Errorf("cost %d with set temperatures", res.Cost)
	}
	u := newRun(context.Background(), 0, newPartition(nums), rand.New(rand.NewSource(1)), &Options{InitialTemp: 1, FinalTemp: 5})
	if u.t0 != 1 || u.tEnd != 1 {
		t.Errorf("final temperature %g above initial %g", u.tEnd, u.t0)
	}
}

func TestSearch_Fraction(t *testing.T) {
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	now := start
	clock := func() time.Time { return now }
	tests := []struct {
		name string
		o    Options
		iter int64
		at   time.Duration
		want float64
	}{
		{"Iterations", Options{MaxIterations: 1000}, 250, 0, 0.25},
		{"Time", Options{MaxIterations: 1000, Now: clock, Deadline: start.Add(time.Second)}, 250, 500 * time.Millisecond, 0.5},
		{"PastDeadline", Options{Now: clock, Deadline: start.Add(-time.Second)}, 0, 0, 1},
		{"Overrun", Options{Now: clock, Deadline: start.Add(time.Second)}, 0, 2 * time.Second, 1},
		{"Unbounded", Options{}, reheatEvery + reheatEvery/4, 0, 0.25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now = start
			u := newRun(context.Background(), 0, newPartition([]int64{1, 2}), rand.New(rand.NewSource(1)), &tt.o)
			u.iter, now = tt.iter, start.Add(tt.at)
			if got := u.fraction(); got != tt.want {
				t.Errorf("fraction %g, want %g", got, tt.want)
			}
		})
	}
}
