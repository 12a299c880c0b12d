package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/openelective/elective/rtt"
)

func (m *Main) rtt(ctx context.Context, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "check":
			return m.rttCheck(args[1:])
		case "eval":
			return m.rttEval(args[1:])
		}
	}
	fmt.Fprintln(m.Stderr, "Usage:\n  elective rtt check FILE_OR_DIR...   check every scenario; exit 1 if any fails\n  elective rtt eval FILE              print what the rules derive, as JSON")
	return fmt.Errorf("%w: expected rtt check or rtt eval", errUsage)
}

// rttCheck runs scenario files, printing one line per scenario and the
// differences of each failure.
func (m *Main) rttCheck(args []string) error {
	fset := m.flags("rtt check", "rtt check FILE_OR_DIR...")
	if err := parse(fset, args); err != nil {
		return err
	}
	files, err := scenarioFiles(fset.Args())
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%w: give scenario files or folders holding *.json", errUsage)
	}
	failed := 0
	for _, f := range files {
		fails := checkScenario(f)
		if len(fails) == 0 {
			fmt.Fprintf(m.Stdout, "ok    %s\n", f)
			continue
		}
		failed++
		fmt.Fprintf(m.Stdout, "FAIL  %s\n", f)
		for _, x := range fails {
			fmt.Fprintf(m.Stdout, "      %s\n", x)
		}
	}
	fmt.Fprintf(m.Stdout, "%d scenarios, %d passed, %d failed\n", len(files), len(files)-failed, failed)
	if failed > 0 {
		return fmt.Errorf("%d of %d scenarios failed", failed, len(files))
	}
	return nil
}

func checkScenario(file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return []string{err.Error()}
	}
	s, err := rtt.ParseScenario(data)
	if err != nil {
		return []string{err.Error()}
	}
	fails := s.Check(rtt.DefaultPolicy())
	if len(fails) > 0 {
		fails = append([]string{s.Name}, fails...)
	}
	return fails
}

func (m *Main) rttEval(args []string) error {
	fset := m.flags("rtt eval", "rtt eval FILE")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() != 1 {
		return fmt.Errorf("%w: give one scenario file", errUsage)
	}
	data, err := os.ReadFile(fset.Arg(0))
	if err != nil {
		return err
	}
	s, err := rtt.ParseScenario(data)
	if err != nil {
		return fmt.Errorf("%s: %v", fset.Arg(0), err)
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(s.Eval(rtt.DefaultPolicy()))
}

// scenarioFiles expands folders into the *.json files under them, sorted.
func scenarioFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}
