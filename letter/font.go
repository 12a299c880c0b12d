package letter

// A font is one of the standard Type 1 fonts every PDF reader carries, so
// nothing is embedded. Text is laid out by this package, not by the reader,
// so it needs each glyph's advance width to wrap lines; the widths below are
// the ones published in Adobe's font metrics (AFM) for Helvetica and
// Helvetica-Bold, indexed by WinAnsiEncoding code, in 1/1000 of the font size.
type font struct {
	resource string   // the name the content streams use: /F1, /F2
	baseFont string   // the PostScript name: Helvetica
	widths   [256]int // advance widths by WinAnsi code; 0 where no glyph
}

var (
	regular = newFont("F1", "Helvetica", helveticaASCII, helveticaHigh)
	bold    = newFont("F2", "Helvetica-Bold", helveticaBoldASCII, helveticaBoldHigh)
)

// fonts lists the fonts in the order the PDF writer declares them.
var fonts = []*font{regular, bold}

func newFont(resource, base string, ascii [95]int, high [128]int) *font {
	f := &font{resource: resource, baseFont: base}
	copy(f.widths[32:127], ascii[:])
	copy(f.widths[128:], high[:])
	return f
}

// width returns the advance width of s, a string of WinAnsi bytes, set in
// this font at size points. Bytes without a glyph measure as '?', which is
// what encodeWinAnsi puts in their place anyway.
func (f *font) width(s string, size float64) float64 {
	total := 0
	for i := 0; i < len(s); i++ {
		w := f.widths[s[i]]
		if w == 0 {
			w = f.widths['?']
		}
		total += w
	}
	return float64(total) * size / 1000
}

// Widths of WinAnsi codes 32 to 126 (space to asciitilde). Code 39 is
// quotesingle and 96 is grave in WinAnsiEncoding, unlike StandardEncoding's
// quoteright and quoteleft, so their widths differ from the AFM's default
// encoding order.
var helveticaASCII = [95]int{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // 32-47
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 48-63
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64-79
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 80-95
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // 96-111
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 112-126
}

var helveticaBoldASCII = [95]int{
	278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // 32-47
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 48-63
	975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // 64-79
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // 80-95
	333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // 96-111
	611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // 112-126
}

// Widths of WinAnsi codes 128 to 255: the Windows-1252 punctuation (Euro,
// curly quotes, dashes, bullet) and the Latin-1 letters and signs (£, é).
// Codes 129, 141, 143, 144 and 157 are unassigned.
var helveticaHigh = [128]int{
	556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 128-143
	0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667, // 144-159
	278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160-175
	400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176-191
	667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192-207
	722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208-223
	556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224-239
	556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 240-255
}

var helveticaBoldHigh = [128]int{
	556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, // 128-143
	0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667, // 144-159
	278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160-175
	400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176-191
	722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192-207
	722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208-223
	556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224-239
	611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 240-255
}
