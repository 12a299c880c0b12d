package main

import (
	"context"
	"fmt"
	"runtime"
)

func (m *Main) version(ctx context.Context, args []string) error {
	fs := m.flags("version", "version")
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "elective %s (commit %s, %s)\n", Version, Commit, runtime.Version())
	return nil
}
