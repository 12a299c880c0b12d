package rota

// match pairs people with positions, each person to at most one position
// that accepts them, as many pairs as possible (augmenting paths; groups
// are a handful of people). It returns, per position, the index into
// people matched to it, or -1.
func match(positions, people int, accepts func(pos, person int) bool) []int {
	at := make([]int, positions) // position → person
	for i := range at {
		at[i] = -1
	}
	for person := range people {
		seen := make([]bool, positions)
		augment(person, at, seen, positions, accepts)
	}
	return at
}

func augment(person int, at []int, seen []bool, positions int, accepts func(pos, person int) bool) bool {
	for pos := range positions {
		if seen[pos] || !accepts(pos, person) {
			continue
		}
		seen[pos] = true
		if at[pos] < 0 || augment(at[pos], at, seen, positions, accepts) {
			at[pos] = person
			return true
		}
	}
	return false
}

// matched counts the positions filled in a match.
func matched(at []int) int {
	n := 0
	for _, p := range at {
		if p >= 0 {
			n++
		}
	}
	return n
}
