package letter

import (
	"strings"
	"unicode/utf8"
)

// winAnsiPunctuation maps the characters Windows-1252 places in 0x80–0x9F,
// where it differs from Latin-1. Names and addresses typed into the system
// carry curly apostrophes (O’Brien) and en dashes; they must not print as '?'.
var winAnsiPunctuation = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// encodeWinAnsi converts UTF-8 text to the single-byte WinAnsiEncoding the
// standard fonts are declared with. Latin-1 letters and signs (£, é) keep
// their code, since Windows-1252 agrees with Latin-1 from 0xA0 up; a tab
// becomes a space; anything the standard fonts cannot show becomes '?', so
// that a lost character is visible on the page rather than silently dropped.
func encodeWinAnsi(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xFF:
			b.WriteByte(byte(r))
		case r == utf8.RuneError:
			b.WriteByte('?')
		default:
			if c, ok := winAnsiPunctuation[r]; ok {
				b.WriteByte(c)
			} else {
				b.WriteByte('?')
			}
		}
	}
	return b.String()
}

// escapeString writes s as a PDF literal string: the delimiters '(' and ')'
// and the escape '\' are escaped (ISO 32000-1, 7.3.4.2). Other bytes,
// including the WinAnsi high half, are written as they are.
func escapeString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			b.WriteString(`\r`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// wrap breaks s, a WinAnsi string, into lines no wider than max points when
// set in f at size. It breaks at spaces; a word wider than a whole line (a
// long reference, an e-mail address) is broken between characters, because
// running off the page would lose text. The result always has at least one
// line, so that an empty paragraph still takes its space.
func wrap(s string, f *font, size, max float64) []string {
	// Split on the space byte only: s is WinAnsi, not UTF-8, and a no-break
	// space (0xA0) must hold its words together.
	var words []string
	for _, w := range strings.Split(s, " ") {
		if w != "" {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return []string{""}
	}
	space := f.width(" ", size)
	var lines []string
	line, lineWidth := "", 0.0
	for _, w := range words {
		ww := f.width(w, size)
		if line != "" && lineWidth+space+ww <= max {
			line += " " + w
			lineWidth += space + ww
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line, lineWidth = "", 0
		}
		for ww > max && len(w) > 1 {
			head := fitPrefix(w, f, size, max)
			lines = append(lines, w[:head])
			w = w[head:]
			ww = f.width(w, size)
		}
		line, lineWidth = w, ww
	}
	return append(lines, line)
}

// fitPrefix returns how many bytes of w fit in max points, at least one so
// that wrapping always makes progress.
func fitPrefix(w string, f *font, size, max float64) int {
	n := 1
	for n < len(w) && f.width(w[:n+1], size) <= max {
		n++
	}
	return n
}
