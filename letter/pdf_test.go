package letter

import (
	"bytes"
	"fmt"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// checkPDF checks the file structure a reader relies on: the header, an
// xref table whose every entry points at its object, stream lengths that
// match, a trailer naming the catalog, and the end-of-file marker.
func checkPDF(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.4\n")) {
		t.Fatalf("no %%PDF-1.4 header: %q", b[:min(20, len(b))])
	}
	if !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")) {
		t.Fatalf("does not end with %%%%EOF: %q", b[max(0, len(b)-20):])
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	var size int
	if _, err := fmt.Sscanf(string(b[xref:]), "xref\n0 %d\n", &size); err != nil {
		t.Fatal(err)
	}
	entries := b[bytes.IndexByte(b[xref+5:], '\n')+xref+6:]
	if string(entries[:20]) != "0000000000 65535 f \n" {
		t.Fatalf("xref entry 0 = %q", entries[:20])
	}
	for n := 1; n < size; n++ {
		e := string(entries[20*n : 20*n+20])
		if !regexp.MustCompile(`^\d{10} 00000 n \n$`).MatchString(e) {
			t.Fatalf("xref entry %d = %q, want 20 bytes", n, e)
		}
		off, _ := strconv.Atoi(e[:10])
		if want := fmt.Sprintf("%d 0 obj\n", n); !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q, want %q", n, b[off:off+10], want)
		}
	}
	trailer := string(entries[20*size:])
	if !strings.HasPrefix(trailer, fmt.Sprintf("trailer\n<< /Size %d /Root 1 0 R", size)) {
		t.Errorf("trailer = %q", trailer)
	}
	// Each /Length must end the data exactly at "endstream".
	for _, loc := range regexp.MustCompile(`<< /Length (\d+) >>\nstream\n`).FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[loc[2]:loc[3]]))
		if end := loc[1] + n; !bytes.HasPrefix(b[end:], []byte("\nendstream\nendobj\n")) {
			t.Errorf("stream at %d: /Length %d does not end at endstream", loc[0], n)
		}
	}
	pages := bytes.Count(b, []byte("/Type /Page "))
	if !bytes.Contains(b, []byte(fmt.Sprintf("/Count %d >>", pages))) {
		t.Errorf("page tree /Count does not match %d page objects", pages)
	}
}

// shown is one text-showing operation of a content stream.
type shown struct {
	font       *font
	size, x, y float64
	text       string // WinAnsi, unescaped
}

var showOp = regexp.MustCompile(`BT /(F\d) ([\d.]+) Tf ([\d.-]+) ([\d.-]+) Td \(((?:[^()\\]|\\.)*)\) Tj ET`)

// shownText returns the text operations of the file in order.
func shownText(b []byte) []shown {
	var out []shown
	for _, m := range showOp.FindAllSubmatch(b, -1) {
		s := shown{text: unescape(string(m[5]))}
		for _, f := range fonts {
			if f.resource == string(m[1]) {
				s.font = f
			}
		}
		s.size, _ = strconv.ParseFloat(string(m[2]), 64)
		s.x, _ = strconv.ParseFloat(string(m[3]), 64)
		s.y, _ = strconv.ParseFloat(string(m[4]), 64)
		out = append(out, s)
	}
	return out
}

func unescape(s string) string {
	r := strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`, `\n`, "\n", `\r`, "\r")
	return r.Replace(s)
}

// plainText is all text shown in the file, one line per operation,
// converted back to UTF-8 for comparison with the input.
func plainText(b []byte) string {
	var sb strings.Builder
	for _, s := range shownText(b) {
		sb.WriteString(decodeWinAnsi(s.text))
		sb.WriteByte('\n')
	}
	return sb.String()
}

func decodeWinAnsi(s string) string {
	back := map[byte]rune{}
	for r, c := range winAnsiPunctuation {
		back[c] = r
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if r, ok := back[s[i]]; ok {
			sb.WriteRune(r)
		} else {
			sb.WriteRune(rune(s[i]))
		}
	}
	return sb.String()
}

func TestEmptyDocumentIsValid(t *testing.T) {
	d := &document{title: "Test (1) – £"}
	d.newPage().text(regular, 11, 57, 700, encodeWinAnsi("Hello (world) \\ £5"))
	d.newPage()
	b := d.bytes()
	checkPDF(t, b)
	if !bytes.Contains(b, []byte(`(Hello \(world\) \\ `+"\xA35)")) {
		t.Errorf("text not escaped in content stream:\n%s", b)
	}
	if got := plainText(b); got != "Hello (world) \\ £5\n" {
		t.Errorf("text = %q", got)
	}
	for _, want := range []string{"/BaseFont /Helvetica /Encoding /WinAnsiEncoding", "/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding", "/MediaBox [0 0 595 842]"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestEncodeWinAnsi(t *testing.T) {
	for in, want := range map[string]string{
		"plain ASCII ~": "plain ASCII ~",
		"£25":           "\xA325",
		"Café":          "Caf\xE9",
		"O’Brien":       "O\x92Brien",
		"9–5 — “ok”":    "9\x965 \x97 \x93ok\x94",
		"€10 • ½":       "\x8010 \x95 \xBD",
		"a\tb":          "a b",
		"snow ☃ 漢字":     "snow ? ??",
		"bad \xff byte": "bad ? byte",
		"bell\a":        "bell?",
	} {
		if got := encodeWinAnsi(in); got != want {
			t.Errorf("encodeWinAnsi(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeString(t *testing.T) {
	for in, want := range map[string]string{
		"":             "()",
		"a (b) c":      `(a \(b\) c)`,
		`back\slash`:   `(back\\slash)`,
		"))((":         `(\)\)\(\()`,
		"line\nbreak":  `(line\nbreak)`,
		"\xA3 as byte": "(\xA3 as byte)",
	} {
		if got := escapeString(in); got != want {
			t.Errorf("escapeString(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFontWidths(t *testing.T) {
	for _, f := range fonts {
		for c := 32; c <= 126; c++ {
			if f.widths[c] == 0 {
				t.Errorf("%s has no width for %q", f.baseFont, rune(c))
			}
		}
		for c := 0xA0; c <= 0xFF; c++ {
			if f.widths[c] == 0 {
				t.Errorf("%s has no width for code %#x", f.baseFont, c)
			}
		}
	}
	// Spot checks against the AFM files.
	for _, c := range []struct {
		f    *font
		s    string
		want float64
	}{
		{regular, " ", 278}, {regular, "A", 667}, {regular, "i", 222}, {regular, "W", 944},
		{regular, "@", 1015}, {regular, "\xA3", 556}, {regular, "'", 191}, {regular, "\x96", 556},
		{bold, "A", 722}, {bold, "i", 278}, {bold, "@", 975}, {bold, "'", 238}, {bold, "\x92", 278},
		{regular, "Hello", 722 + 556 + 222 + 222 + 556},
	} {
		if got := c.f.width(c.s, 1000); got != c.want {
			t.Errorf("%s width(%q) = %v, want %v", c.f.baseFont, c.s, got, c.want)
		}
	}
}

func TestWrapNeverExceedsWidth(t *testing.T) {
	texts := []string{
		"",
		"short",
		"Our records show that you did not attend your appointment on Monday 7 December 2026 at 09:30, and we did not hear from you before it.",
		"Supercalifragilisticexpialidocious-and-then-some-more-characters-without-any-spaces-at-all-WWWWWWWWWWWWWWWWWWWWWWWWWW",
		"  leading   and  trailing   spaces  ",
		encodeWinAnsi("£££ ééé ’’’ ––– WWW mmm iii"),
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200; i++ {
		var sb strings.Builder
		for j := rng.Intn(300); j > 0; j-- {
			if rng.Intn(6) == 0 {
				sb.WriteByte(' ')
			} else {
				sb.WriteByte(byte(33 + rng.Intn(94)))
			}
		}
		texts = append(texts, sb.String())
	}
	for _, f := range fonts {
		for _, size := range []float64{8, 11, 16} {
			for _, max := range []float64{30, 100, textWidth} {
				for _, s := range texts {
					lines := wrap(s, f, size, max)
					if len(lines) == 0 {
						t.Fatalf("wrap(%q) returned no lines", s)
					}
					for _, l := range lines {
						if w := f.width(l, size); w > max && len(l) > 1 {
							t.Errorf("%s %v pt: line %q is %.1f pt wide, max %v", f.baseFont, size, l, w, max)
						}
					}
					// Nothing is lost: the non-space characters come back in order.
					if got, want := strings.ReplaceAll(strings.Join(lines, ""), " ", ""), strings.ReplaceAll(s, " ", ""); got != want {
						t.Errorf("wrap lost text: %q -> %q", want, got)
					}
				}
			}
		}
	}
}

func TestWrapBreaksAtSpaces(t *testing.T) {
	got := wrap("one two three four five", regular, 10, regular.width("one two three", 10))
	want := []string{"one two three", "four five"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	// A no-break space holds two words together.
	got = wrap("Dr\xA0Patel", regular, 10, regular.width("Dr", 10)+30)
	if len(got) != 1 || got[0] != "Dr\xA0Patel" {
		t.Errorf("no-break space was broken: %q", got)
	}
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 11: "11", 56.7: "56.7", 12.345: "12.35", -3.5: "-3.5", 1.0 / 3: "0.33"} {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("Please phone the booking office on 01234 567890 by 15 January 2027.", 100.0)
	f.Add("WWWWWWWWWWWWWWWWWWWW", 5.0)
	f.Fuzz(func(t *testing.T, s string, max float64) {
		if !(max > 0 && max < 1e6) {
			t.Skip()
		}
		for _, l := range wrap(encodeWinAnsi(s), regular, 11, max) {
			if len(l) > 1 && regular.width(l, 11) > max {
				t.Fatalf("line %q wider than %v", l, max)
			}
		}
	})
}
