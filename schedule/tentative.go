package schedule

import "math/rand"

// Reversible is a problem state that does and undoes a move in place and
// prices itself. Tentative runs it under Search; a state with incremental
// costs can then price a move by doing it, which is the cheapest way to
// know its delta exactly.
type Reversible[S any, M any] interface {
	// Cost is the state's total, as State.Cost.
	Cost() int64
	// Draw picks a random move, or reports that none was found this
	// time. The move may live in the state and be reused by the next Draw.
	Draw(r *rand.Rand) (M, bool)
	// Do makes a move; Undo takes back the move done last.
	Do(m M)
	Undo(m M)
	// Copy returns an independent deep copy.
	Copy() S
}

// Tentative adapts a Reversible state to State. A proposed move stays
// done (pending) until the next call: Apply then only keeps it, and any
// other call undoes it first, so a rejected move costs one undo and an
// accepted one nothing more. The IHTC-2024 and Curtois–Qu solvers run on
// it.
type Tentative[S Reversible[S, M], M any] struct {
	St      S
	last    M
	pending bool
}

// Settle undoes a pending move and returns the state as it stands.
func (t *Tentative[S, M]) Settle() S {
	if t.pending {
		t.St.Undo(t.last)
		t.pending = false
	}
	return t.St
}

// Cost is the settled state's total.
func (t *Tentative[S, M]) Cost() int64 { return t.Settle().Cost() }

// Propose draws a move and does it tentatively; the returned Move is
// valid only until the next call on the same state, as Search uses it.
func (t *Tentative[S, M]) Propose(r *rand.Rand) (Move, int64, bool) {
	st := t.Settle()
	m, ok := st.Draw(r)
	if !ok {
		return nil, 0, false
	}
	before := st.Cost()
	st.Do(m)
	t.last, t.pending = m, true
	return m, st.Cost() - before, true
}

// Apply keeps the move just proposed (or, with none pending, does m).
func (t *Tentative[S, M]) Apply(m Move) {
	if t.pending {
		t.pending = false
		return
	}
	t.St.Do(m.(M))
}

// Clone returns an independent copy, without any pending move.
func (t *Tentative[S, M]) Clone() State { return &Tentative[S, M]{St: t.Settle().Copy()} }
