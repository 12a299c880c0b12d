package elective_test

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/openelective/elective"

// layer says which of the module's packages a package may import, and
// which standard packages it must not reach even indirectly.
type layer struct {
	allowed   []string // module packages (relative paths; "" is the root)
	forbidden []string // standard packages banned from the dependency closure
}

// pureBans keeps rule packages free of I/O: no database, HTTP or OS access.
// Packages ending in "!" are banned as direct imports only (fmt and time
// reach os themselves); the others from the whole dependency closure.
var pureBans = []string{"database/sql", "net/http", "net", "os!", "os/exec!", "io/fs!", "syscall!"}

// layers is the architecture of house-style.md section 10, as a table.
// A package not listed here fails the test until it is given a layer.
var layers = map[string]layer{
	"":             {nil, pureBans},
	"rtt":          {[]string{""}, pureBans},
	"demo":         {[]string{"", "rtt", "calendar"}, pureBans},
	"forecast":     {[]string{"", "rtt"}, pureBans},
	"access":       {[]string{"", "rtt"}, pureBans},
	"calendar":     {[]string{""}, pureBans},
	"workforce":    {[]string{""}, pureBans},
	"theatre":      {[]string{"", "rtt"}, pureBans},
	"schedule":     {[]string{""}, pureBans},
	"ihtc":         {[]string{"", "schedule"}, pureBans},
	"nrp":          {[]string{"", "schedule"}, pureBans},
	"rota":         {[]string{"", "schedule"}, pureBans},
	"letter":       {nil, pureBans},
	"outbox":       {[]string{""}, []string{"database/sql", "net/http"}},
	"fixture":      {[]string{""}, pureBans},
	"mock":         {[]string{""}, []string{"database/sql", "net/http"}},
	"csvimport":    {[]string{""}, []string{"database/sql", "net/http"}},
	"store":        {[]string{"", "rtt", "forecast", "access", "letter", "calendar", "theatre", "schedule", "rota", "workforce"}, []string{"net/http"}},
	"web":          {[]string{"", "rtt", "forecast", "access", "calendar", "theatre", "rota", "workforce"}, []string{"database/sql"}},
	"cmd/elective": {[]string{"", "rtt", "store", "web", "demo", "csvimport", "forecast", "access", "outbox", "calendar", "theatre", "schedule", "ihtc", "nrp", "rota", "workforce"}, nil},
}

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// TestImportRules enforces the layers with `go list`, so that the rules
// outlive the people who wrote them: pure packages import no database,
// HTTP or OS package, and adapters (store, web) meet only through the
// domain interfaces.
func TestImportRules(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		checkPackage(t, p)
	}
}

func checkPackage(t *testing.T, p pkg) {
	rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
	l, ok := layers[rel]
	if !ok {
		t.Errorf("package %q has no layer in deps_test.go: add it with the imports it may use", rel)
		return
	}
	for _, imp := range p.Imports {
		if !strings.HasPrefix(imp, module) {
			continue
		}
		target := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
		if !contains(l.allowed, target) {
			t.Errorf("%s imports %s, which its layer does not allow", p.ImportPath, imp)
		}
	}
	for _, d := range p.Deps {
		if contains(l.forbidden, d) {
			t.Errorf("%s depends on %s: it must stay free of database, HTTP and OS access", p.ImportPath, d)
		}
	}
	for _, imp := range p.Imports {
		if contains(l.forbidden, imp+"!") {
			t.Errorf("%s imports %s: rule packages do no I/O", p.ImportPath, imp)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
