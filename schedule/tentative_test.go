package schedule

import (
	"context"
	"math/rand"
	"testing"
)

// counter is a Reversible toy: a number to bring to zero by steps of ±1
// to ±3, with its move living in the state as the solvers' do.
type counter struct {
	n, undos int
	mv       int
}

func (c *counter) Cost() int64 { return int64(max(c.n, -c.n)) }
func (c *counter) Draw(r *rand.Rand) (*int, bool) {
	c.mv = r.Intn(7) - 3
	return &c.mv, c.mv != 0
}
func (c *counter) Do(m *int)      { c.n += *m }
func (c *counter) Undo(m *int)    { c.n -= *m; c.undos++ }
func (c *counter) Copy() *counter { cp := *c; return &cp }

// TestTentative: a proposed move is done at once with its exact delta,
// undone by the next call unless applied, never leaks into a clone, and
// Search on the adapter finds the optimum.
func TestTentative(t *testing.T) {
	st := &Tentative[*counter, *int]{St: &counter{n: 10}}
	r := rand.New(rand.NewSource(1))
	var m Move
	var delta int64
	for ok := false; !ok; {
		m, delta, ok = st.Propose(r)
	}
	step := *m.(*int)
	if st.St.n != 10+step || delta != int64(max(10+step, -10-step))-10 {
		t.Fatalf("after proposing %+d: n = %d, delta %d", step, st.St.n, delta)
	}
	if c := st.Clone().(*Tentative[*counter, *int]); c.St.n != 10 || st.St.n != 10 || st.St.undos != 1 {
		t.Fatalf("clone n = %d, state n = %d, undos %d: a clone settles the pending move", c.St.n, st.St.n, st.St.undos)
	}
	for ok := false; !ok; {
		m, _, ok = st.Propose(r)
	}
	step = *m.(*int)
	st.Apply(m)
	if st.Cost(); st.St.n != 10+step {
		t.Fatalf("applied %+d: n = %d, want %d", step, st.St.n, 10+step)
	}
	res := Search(context.Background(), func(*rand.Rand) State { return &Tentative[*counter, *int]{St: &counter{n: 50}} },
		Options{Seed: 1, Threads: 1, MaxIterations: 5000})
	if got := res.Best.Cost(); got != 0 {
		t.Errorf("best cost %d, want 0", got)
	}
}
