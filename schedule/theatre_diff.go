package schedule

// Diff lists the cases whose session in prop differs from their current
// booking in p (CurrentSessionID or a session's Booked list), in the order
// of p.Cases, so staff see what booking the proposal would change.
func Diff(p ListProblem, prop Proposal) []Change {
	cur := map[int64]int64{}
	for _, s := range p.Sessions {
		for _, id := range s.Booked {
			cur[id] = s.ID
		}
	}
	to := map[int64]int64{}
	for _, pl := range prop.Placements {
		to[pl.CaseID] = pl.SessionID
	}
	var changes []Change
	for _, c := range p.Cases {
		from := c.CurrentSessionID
		if from == 0 {
			from = cur[c.ID]
		}
		switch next := to[c.ID]; {
		case from == next:
		case from == 0:
			changes = append(changes, Change{CaseID: c.ID, Kind: ChangeAdded, ToSessionID: next})
		case next == 0:
			changes = append(changes, Change{CaseID: c.ID, Kind: ChangeRemoved, FromSessionID: from})
		default:
			changes = append(changes, Change{CaseID: c.ID, Kind: ChangeMoved, FromSessionID: from, ToSessionID: next})
		}
	}
	return changes
}
