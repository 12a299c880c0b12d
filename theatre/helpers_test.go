package theatre

import (
	"strconv"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

func d(s string) elective.Date { return elective.MustParseDate(s) }

// wantErr checks that err is nil when want is empty, or an EINVALID error
// whose message contains want.
func wantErr(t *testing.T, name string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", name, err)
	case want != "" && err == nil:
		t.Errorf("%s: no error, want %q", name, want)
	case want != "" && elective.ErrorCode(err) != elective.EINVALID:
		t.Errorf("%s: error code %q, want %q (%v)", name, elective.ErrorCode(err), elective.EINVALID, err)
	case want != "" && !strings.Contains(elective.ErrorMessage(err), want):
		t.Errorf("%s: error %q, want it to contain %q", name, elective.ErrorMessage(err), want)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func fmtInt(n int64) string { return strconv.FormatInt(n, 10) }
