package letter

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf16"
)

// A4 page size in PDF points (1/72 inch): 210 × 297 mm.
const (
	pageWidth  = 595
	pageHeight = 842
)

// page is one A4 page being drawn. Its content stream is kept uncompressed:
// a letter is a few kilobytes of text, and plain operators let tests (and a
// person with a text editor) read what was printed.
type page struct {
	content bytes.Buffer
}

// text draws s, a WinAnsi string, with its baseline starting at (x, y),
// measured in points from the bottom-left corner of the page.
func (p *page) text(f *font, size, x, y float64, s string) {
	fmt.Fprintf(&p.content, "BT /%s %s Tf %s %s Td %s Tj ET\n",
		f.resource, num(size), num(x), num(y), escapeString(s))
}

// rule draws a horizontal line of the given thickness from x1 to x2 at y.
func (p *page) rule(x1, x2, y, thickness float64) {
	fmt.Fprintf(&p.content, "%s w %s %s m %s %s l S\n",
		num(thickness), num(x1), num(y), num(x2), num(y))
}

// document is a PDF file under construction: a list of pages sharing the two
// standard fonts.
type document struct {
	title string // UTF-8; shown by readers in the window title
	pages []*page
}

func (d *document) newPage() *page {
	p := &page{}
	d.pages = append(d.pages, p)
	return p
}

// num formats a coordinate or size with at most two decimals, which is
// finer than a printer's dot, and without trailing zeros.
func num(v float64) string {
	return strconv.FormatFloat(float64(int64(v*100+0.5*sign(v)))/100, 'f', -1, 64)
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// bytes serialises the document as PDF 1.4 (ISO 32000-1 section 7.5): the
// header, the objects, a cross-reference table giving each object's byte
// offset, and the trailer. Object numbers are fixed by position: 1 the
// catalog, 2 the page tree, 3 the document information, then one per font,
// then a page object and its content stream for each page.
func (d *document) bytes() []byte {
	var w pdfWriter
	// The comment of four high bytes after the header tells transfer tools
	// that the file is binary (7.5.2); the WinAnsi text may contain such bytes.
	w.buf.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")

	const catalog, pageTree, info, firstFont = 1, 2, 3, 4
	firstPage := firstFont + len(fonts)
	pageObj := func(i int) int { return firstPage + 2*i }

	w.object(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pageTree))

	var kids bytes.Buffer
	for i := range d.pages {
		if i > 0 {
			kids.WriteByte(' ')
		}
		fmt.Fprintf(&kids, "%d 0 R", pageObj(i))
	}
	w.object(pageTree, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), len(d.pages)))

	w.object(info, fmt.Sprintf("<< /Title %s /Producer (Elective letter) >>", textString(d.title)))

	var fontRefs bytes.Buffer
	for i, f := range fonts {
		n := firstFont + i
		w.object(n, fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>", f.baseFont))
		fmt.Fprintf(&fontRefs, "/%s %d 0 R ", f.resource, n)
	}

	for i, p := range d.pages {
		n := pageObj(i)
		w.object(n, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "+
			"/Resources << /ProcSet [/PDF /Text] /Font << %s>> >> /Contents %d 0 R >>",
			pageTree, pageWidth, pageHeight, fontRefs.String(), n+1))
		w.stream(n+1, p.content.Bytes())
	}
	return w.finish(catalog, info)
}

// pdfWriter appends numbered objects to a buffer and remembers where each
// begins, for the cross-reference table.
type pdfWriter struct {
	buf     bytes.Buffer
	offsets []int // offsets[n] is the byte offset of object n; [0] unused
}

func (w *pdfWriter) begin(n int) {
	for len(w.offsets) <= n {
		w.offsets = append(w.offsets, 0)
	}
	w.offsets[n] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n", n)
}

func (w *pdfWriter) object(n int, body string) {
	w.begin(n)
	w.buf.WriteString(body)
	w.buf.WriteString("\nendobj\n")
}

// stream writes a stream object. /Length counts the bytes between the end
// of line after "stream" and the end of line before "endstream" (7.3.8.1).
func (w *pdfWriter) stream(n int, data []byte) {
	w.begin(n)
	fmt.Fprintf(&w.buf, "<< /Length %d >>\nstream\n", len(data))
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and trailer. Each entry is exactly
// 20 bytes: a 10-digit offset, a 5-digit generation, a keyword and a
// two-character end of line (7.5.4); entry 0 heads the free list.
func (w *pdfWriter) finish(root, info int) []byte {
	xref := w.buf.Len()
	size := len(w.offsets)
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", size)
	for _, off := range w.offsets[1:] {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n",
		size, root, info, xref)
	return w.buf.Bytes()
}

// textString encodes s as a PDF text string in UTF-16BE with a byte order
// mark (7.9.2.2), written in hex so that no escaping is needed; the document
// information dictionary may hold any character, unlike the page text.
func textString(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}
