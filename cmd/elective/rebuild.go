package main

import (
	"context"
	"fmt"
)

// rebuild re-derives the PTL and worklists from the event log: after a
// change of rules or local policy, or to prove the live read models agree
// with the events.
func (m *Main) rebuild(ctx context.Context, args []string) error {
	fs := m.flags("rebuild", "rebuild [--db PATH_OR_URL]")
	dsn := m.dbFlag(fs)
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.Rebuild(systemContext(ctx, "rebuild"))
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Rebuilt the PTL of %s from %d events of %d pathways in %.1f s (peak memory %s):\n"+
		"  %d open pathways on the PTL, %d worklist tasks, %d pathways whose events break the rules;\n"+
		"  %d rows differed from the live read models and were rewritten\n",
		db.Dialect(), rep.Events, rep.Pathways, rep.Elapsed.Seconds(), peakMemory(), rep.OnPTL, rep.Tasks, rep.Invalid, rep.Changed)
	return nil
}
