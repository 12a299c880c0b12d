package letter

import (
	"strconv"
	"time"
)

// Page geometry in points. The recipient's address sits where the window of
// a DL window envelope falls when A4 is folded in three (about 20 mm from
// the left and 50 mm from the top), so letters need no addressing by hand.
const (
	margin     = 57                          // 20 mm left and right
	textWidth  = pageWidth - 2*margin        // 481 pt
	right      = pageWidth - margin          // right edge of the text
	top        = pageHeight - 50             // first baseline
	addressTop = pageHeight - 142 - 11       // first baseline in the envelope window
	addressMax = 240                         // window width, about 85 mm
	bottom     = 72                          // no text below this baseline but the footer
	footerY    = 36                          // footer baseline
	labelWidth = 100                         // label column of detail rows
	headWidth  = 260                         // width of the trust block, top right
	sideWidth  = textWidth - addressMax - 15 // date and reference, beside the window

	bodySize, bodyLeading   = 11.0, 15.0
	smallSize, smallLeading = 9.0, 11.5
	paraGap                 = 8.0 // extra space between paragraphs
)

// flow places lines of text down the pages of one letter, starting a new
// page when the current one is full.
type flow struct {
	d     *document
	pages []*page // the pages of this letter, for "Page n of m"
	p     *page
	y     float64 // baseline of the next line
	cont  string  // header of continuation pages
}

func (f *flow) newPage() {
	f.p = f.d.newPage()
	f.pages = append(f.pages, f.p)
	f.y = top
	if f.cont != "" {
		f.p.text(regular, smallSize, margin, f.y, encodeWinAnsi(f.cont))
		f.y -= 2 * bodyLeading
	}
}

// keep starts a new page unless h more points fit on this one, so that short
// units (a signature) are not split.
func (f *flow) keep(h float64) {
	if f.y-h+bodyLeading < bottom {
		f.newPage()
	}
}

// lines draws text wrapped to width at x, one line per leading.
func (f *flow) lines(fn *font, size, leading, x, width float64, text string) {
	for _, line := range wrap(encodeWinAnsi(text), fn, size, width) {
		if f.y < bottom {
			f.newPage()
		}
		f.p.text(fn, size, x, f.y, line)
		f.y -= leading
	}
}

// row draws a bold label and its wrapped value beside it.
func (f *flow) row(label, value string, boldValue bool, size, leading float64) {
	if f.y < bottom {
		f.newPage()
	}
	f.p.text(bold, size, margin, f.y, encodeWinAnsi(label))
	fn := regular
	if boldValue {
		fn = bold
	}
	f.lines(fn, size, leading, margin+labelWidth, textWidth-labelWidth, value)
}

// rightAligned draws text wrapped to width, with each line ending at the
// right margin, and returns the baseline below the last line.
func rightAligned(p *page, fn *font, size, leading, width, y float64, text string) float64 {
	for _, line := range wrap(encodeWinAnsi(text), fn, size, width) {
		p.text(fn, size, right-fn.width(line, size), y, line)
		y -= leading
	}
	return y
}

// compose lays out one copy of letter l, addressed to address, starting on
// a new page; banner, if set, is printed large at the top ("Copy to GP").
func compose(d *document, l Letter, loc *time.Location, banner string, address []string) {
	patient := formatNHSNumber(l.Patient.NHSNumber)
	f := &flow{d: d}
	f.newPage()
	f.cont = l.Patient.Name + ", NHS number " + patient + " (continued)"
	p := f.p

	// The sender, top right.
	y := rightAligned(p, bold, 12, 14, headWidth, top, l.Trust.Name)
	office := l.Trust.Office
	if blank(office) {
		office = "Booking Office"
	}
	y = rightAligned(p, regular, smallSize, smallLeading, headWidth, y, office)
	for _, line := range nonBlank(l.Trust.Address) {
		y = rightAligned(p, regular, smallSize, smallLeading, headWidth, y, line)
	}
	y = rightAligned(p, regular, smallSize, smallLeading, headWidth, y, "Phone: "+l.Trust.Phone)

	if banner != "" {
		p.text(bold, 16, margin, top, encodeWinAnsi(banner))
	}

	// The addressee, in the envelope window.
	ay := float64(addressTop)
	for _, line := range address {
		for _, w := range wrap(encodeWinAnsi(line), regular, bodySize, addressMax) {
			p.text(regular, bodySize, margin, ay, w)
			ay -= 13.5
		}
	}

	// Date and reference, right, below the sender.
	y = min(y-bodyLeading, addressTop)
	y = rightAligned(p, regular, bodySize, bodyLeading, sideWidth, y, civil(l.Date))
	if !blank(l.Reference) {
		y = rightAligned(p, regular, bodySize, bodyLeading, sideWidth, y, "Our reference: "+l.Reference)
	}

	f.y = min(ay, y) - 2*bodyLeading
	for _, r := range [][2]string{
		{"Patient", l.Patient.Name},
		{"NHS number", patient},
		{"Date of birth", civil(l.Patient.BirthDate)},
	} {
		f.row(r[0], r[1], false, bodySize, bodyLeading)
	}
	f.y -= paraGap + bodyLeading

	salutation := l.Recipient.Salutation
	if blank(salutation) {
		salutation = l.Recipient.Name
	}
	f.lines(regular, bodySize, bodyLeading, margin, textWidth, "Dear "+salutation+",")
	f.y -= paraGap
	f.lines(bold, 12, bodyLeading, margin, textWidth, heading(l, loc))
	f.y -= paraGap

	wasRow := false
	for _, b := range body(l, loc) {
		isRow := b.label != ""
		if isRow != wasRow || !isRow {
			f.y -= paraGap
		}
		if isRow {
			f.row(b.label, b.text, b.bold, bodySize, bodyLeading)
		} else if b.bold {
			f.lines(bold, bodySize, bodyLeading, margin, textWidth, b.text)
		} else {
			f.lines(regular, bodySize, bodyLeading, margin, textWidth, b.text)
		}
		wasRow = isRow
	}

	f.y -= 2 * paraGap
	f.keep(5 * bodyLeading)
	f.lines(regular, bodySize, bodyLeading, margin, textWidth, "Yours sincerely,")
	f.y -= 2 * bodyLeading // room to sign
	f.lines(regular, bodySize, bodyLeading, margin, textWidth, office)
	f.lines(regular, bodySize, bodyLeading, margin, textWidth, l.Trust.Name)
	if c := cc(l); c != "" {
		f.y -= 2 * paraGap
		f.lines(regular, smallSize, smallLeading, margin, textWidth, c)
	}

	// The footer repeats who sent the letter on every page; it is cut to one
	// line, since the full details are at the top of the first page.
	footer := l.Trust.Name + " – " + office + " – " + l.Trust.Phone
	for i, pg := range f.pages {
		pg.rule(margin, right, footerY+12, 0.5)
		for _, line := range wrap(encodeWinAnsi(footer), regular, 8, textWidth-70)[:1] {
			pg.text(regular, 8, margin, footerY, line)
		}
		n := encodeWinAnsi(pageOf(i+1, len(f.pages)))
		pg.text(regular, 8, right-regular.width(n, 8), footerY, n)
	}
}

func pageOf(i, n int) string {
	return "Page " + strconv.Itoa(i) + " of " + strconv.Itoa(n)
}
