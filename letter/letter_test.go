package letter

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/London on machines without a zoneinfo database
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// sample is a letter of kind k with every field filled in. The appointment
// is 09:30 London time in winter, when London is on UTC.
func sample(k Kind) Letter {
	return Letter{
		Kind: k,
		Trust: Trust{
			Name:    "Anytown Hospitals NHS Foundation Trust",
			Address: []string{"Anytown General Hospital", "Hospital Road", "Anytown", "AN1 2BC"},
			Phone:   "01234 567890",
		},
		Date:      day(2026, time.November, 22),
		Reference: "RX1-000123",
		Recipient: Recipient{Name: "Ms Jane Smith", Salutation: "Ms Smith", Address: []string{"12 High Street", "Anytown"}, Postcode: "AN3 4DE"},
		Patient:   Patient{Name: "Jane Smith", NHSNumber: "9990000018", BirthDate: day(1980, time.January, 2)},
		Specialty: "Cardiology",
		Appointment: AppointmentDetails{
			When:      time.Date(2026, time.December, 7, 9, 30, 0, 0, time.UTC),
			Clinic:    "Cardiology Outpatients",
			Clinician: "Dr A Patel",
			Site:      "Anytown General Hospital",
			Room:      "Clinic 4",
		},
		RespondBy: day(2027, time.January, 15),
		GP:        GPPractice{Name: "Riverside Surgery", Address: []string{"1 River Lane", "Anytown", "AN5 6FG"}},
	}
}

func TestEveryKindRenders(t *testing.T) {
	loc := london(t)
	specific := map[Kind][]string{
		Acknowledgement:          {"Your referral to Cardiology", "We have received your referral to Cardiology"},
		Appointment:              {"Your appointment", "Monday 7 December 2026 at 09:30", "Cardiology Outpatients", "Dr A Patel", "Anytown General Hospital, Clinic 4", "If you cannot attend"},
		Change:                   {"Your appointment has been changed", "Monday 7 December 2026 at 09:30", "If you cannot attend"},
		Cancellation:             {"has been cancelled", "We are very sorry", "still on our waiting list"},
		PartialBookingInvitation: {"book your follow-up", "by 15 January 2027"},
		PartialBookingReminder:   {"Reminder", "We have not yet heard from you", "by 15 January 2027"},
		DNA:                      {"You did not attend your appointment", "Monday 7 December 2026", "Your clinician will review", "cc: Riverside Surgery"},
		DischargeToGP:            {"discharged to the care of your GP", "Riverside Surgery", "copy of this letter to your GP", "cc: Riverside Surgery, 1 River Lane"},
	}
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			b, err := Render(sample(k), loc)
			if err != nil {
				t.Fatal(err)
			}
			checkPDF(t, b)
			text := plainText(b)
			common := []string{"Jane Smith", "999 000 0018", "2 January 1980", "Anytown Hospitals NHS Foundation Trust",
				"01234 567890", "Ms Jane Smith", "12 High Street", "AN3 4DE", "22 November 2026", "RX1-000123",
				"Dear Ms Smith,", "Yours sincerely,", "Page 1 of 1", "01234\u00a0567890"}
			for _, want := range append(common, specific[k]...) {
				if !strings.Contains(text, want) {
					t.Errorf("letter does not say %q:\n%s", want, text)
				}
			}
			if strings.Contains(text, "Copy to GP") {
				t.Error("Render included the GP copy")
			}
			inside(t, b)
		})
	}
}

// inside checks that every line of text lies within the margins and above
// the footer, measured with the fonts' real widths.
func inside(t *testing.T, b []byte) {
	t.Helper()
	for _, s := range shownText(b) {
		w := s.font.width(s.text, s.size)
		if s.x < margin-0.01 || s.x+w > right+0.01 {
			t.Errorf("%q runs from x=%.1f to %.1f, outside %d..%d", s.text, s.x, s.x+w, margin, right)
		}
		if s.y < bottom && s.y != footerY {
			t.Errorf("%q is set at y=%.1f, in the bottom margin", s.text, s.y)
		}
	}
}

func TestAppointmentTimeIsShownInLocation(t *testing.T) {
	l := sample(Appointment)
	l.Appointment.When = time.Date(2026, time.July, 6, 8, 30, 0, 0, time.UTC) // 09:30 BST
	b, err := Render(l, london(t))
	if err != nil {
		t.Fatal(err)
	}
	if text := plainText(b); !strings.Contains(text, "Monday 6 July 2026 at 09:30") {
		t.Errorf("appointment not shown in London time:\n%s", text)
	}
}

func TestCivilDatesAreNotShiftedByLocation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(sample(Acknowledgement), ny)
	if err != nil {
		t.Fatal(err)
	}
	if text := plainText(b); !strings.Contains(text, "22 November 2026") || !strings.Contains(text, "2 January 1980") {
		t.Errorf("civil dates shifted by location:\n%s", text)
	}
}

func TestValidation(t *testing.T) {
	cases := []struct {
		name   string
		kind   Kind
		change func(*Letter)
		want   string
	}{
		{"unknown kind", Kind("memo"), func(l *Letter) {}, `unknown letter kind "memo"`},
		{"no trust name", Appointment, func(l *Letter) { l.Trust.Name = " " }, "the trust has no name"},
		{"no trust phone", Appointment, func(l *Letter) { l.Trust.Phone = "" }, "the booking office has no phone number"},
		{"no letter date", Appointment, func(l *Letter) { l.Date = time.Time{} }, "the letter has no date"},
		{"no recipient name", Appointment, func(l *Letter) { l.Recipient.Name = "" }, "the recipient has no name"},
		{"no address", Appointment, func(l *Letter) { l.Recipient.Address = nil }, "the recipient has no postal address"},
		{"blank address lines", Acknowledgement, func(l *Letter) { l.Recipient.Address = []string{"", "  "} }, "the recipient has no postal address"},
		{"no postcode", Appointment, func(l *Letter) { l.Recipient.Postcode = "" }, "the recipient has no postcode"},
		{"no patient name", Appointment, func(l *Letter) { l.Patient.Name = "" }, "patient name missing"},
		{"no NHS number", Appointment, func(l *Letter) { l.Patient.NHSNumber = "" }, "patient NHS number missing"},
		{"short NHS number", Appointment, func(l *Letter) { l.Patient.NHSNumber = "999 000 001" }, "does not have 10 digits"},
		{"letters in NHS number", Appointment, func(l *Letter) { l.Patient.NHSNumber = "999 000 001X" }, "does not have 10 digits"},
		{"no birth date", Appointment, func(l *Letter) { l.Patient.BirthDate = time.Time{} }, "patient date of birth missing"},
		{"appointment without time", Appointment, func(l *Letter) { l.Appointment.When = time.Time{} }, "an appointment letter needs the appointment time"},
		{"change without time", Change, func(l *Letter) { l.Appointment.When = time.Time{} }, "an appointment change letter needs the appointment time"},
		{"appointment without site", Appointment, func(l *Letter) { l.Appointment.Site = "" }, "needs the site"},
		{"cancellation without time", Cancellation, func(l *Letter) { l.Appointment.When = time.Time{} }, "a cancellation letter needs the appointment time"},
		{"DNA without time", DNA, func(l *Letter) { l.Appointment.When = time.Time{} }, "a did-not-attend letter needs the appointment time"},
		{"invitation without respond-by", PartialBookingInvitation, func(l *Letter) { l.RespondBy = time.Time{} }, "needs the respond-by date"},
		{"reminder without respond-by", PartialBookingReminder, func(l *Letter) { l.RespondBy = time.Time{} }, "needs the respond-by date"},
		{"discharge without GP", DischargeToGP, func(l *Letter) { l.GP = GPPractice{} }, "a discharge letter needs the GP practice"},
		{"GP without address", DNA, func(l *Letter) { l.GP.Address = nil }, "the GP practice has no address"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := sample(c.kind)
			c.change(&l)
			for _, render := range []func(Letter, *time.Location) ([]byte, error){Render, RenderCopies} {
				b, err := render(l, time.UTC)
				if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "letter: ") {
					t.Errorf("error = %v, want one saying %q", err, c.want)
				}
				if b != nil {
					t.Error("a letter was produced despite the error")
				}
			}
		})
	}
}

func TestAddressWithheld(t *testing.T) {
	l := sample(Appointment)
	l.AddressDoNotUse = true
	if _, err := Render(l, time.UTC); !errors.Is(err, ErrAddressWithheld) {
		t.Errorf("Render error = %v, want ErrAddressWithheld", err)
	}
	if _, err := RenderCopies(l, time.UTC); !errors.Is(err, ErrAddressWithheld) {
		t.Errorf("RenderCopies error = %v, want ErrAddressWithheld", err)
	}
}

func TestNoLocation(t *testing.T) {
	if _, err := Render(sample(Appointment), nil); err == nil {
		t.Error("no error without a location")
	}
}

func TestOptionalGPOnDNA(t *testing.T) {
	l := sample(DNA)
	l.GP = GPPractice{}
	b, err := RenderCopies(l, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, b)
	if text := plainText(b); strings.Contains(text, "cc:") || strings.Contains(text, "Copy to GP") {
		t.Errorf("DNA letter without a GP mentions a copy:\n%s", text)
	}
}

func TestRenderCopies(t *testing.T) {
	loc := london(t)
	for _, k := range []Kind{DNA, DischargeToGP} {
		t.Run(string(k), func(t *testing.T) {
			b, err := RenderCopies(sample(k), loc)
			if err != nil {
				t.Fatal(err)
			}
			checkPDF(t, b)
			if n := bytes.Count(b, []byte("/Type /Page ")); n != 2 {
				t.Fatalf("%d pages, want the letter and the GP copy", n)
			}
			text := plainText(b)
			copyAt := strings.Index(text, "Copy to GP")
			if copyAt < 0 {
				t.Fatalf("no GP copy:\n%s", text)
			}
			letter, gpCopy := text[:copyAt], text[copyAt:]
			for _, want := range []string{"Riverside Surgery\n1 River Lane\nAnytown\nAN5 6FG", "Jane Smith", "999 000 0018", "Dear Ms Smith,"} {
				if !strings.Contains(gpCopy, want) {
					t.Errorf("GP copy does not contain %q:\n%s", want, gpCopy)
				}
			}
			if strings.Contains(gpCopy, "12 High Street") {
				t.Error("GP copy is addressed to the patient")
			}
			if !strings.Contains(letter, "Ms Jane Smith\n12 High Street") {
				t.Errorf("first page is not addressed to the patient:\n%s", letter)
			}
		})
	}
	// Letters that are not copied come out as Render makes them.
	a, _ := Render(sample(Appointment), loc)
	b, _ := RenderCopies(sample(Appointment), loc)
	if !bytes.Equal(a, b) {
		t.Error("RenderCopies of an appointment letter differs from Render")
	}
}

func TestCancellationWording(t *testing.T) {
	l := sample(Cancellation)
	l.Reason = "the clinician is unwell"
	b, _ := Render(l, time.UTC)
	if text := plainText(b); !strings.Contains(text, "We are very sorry") || !strings.Contains(text, "the clinician is unwell") {
		t.Errorf("hospital cancellation:\n%s", text)
	}
	l.CancelledByPatient = true
	b, _ = Render(l, time.UTC)
	if text := plainText(b); !strings.Contains(text, "As you asked, we have cancelled") || strings.Contains(text, "We are very sorry") {
		t.Errorf("patient cancellation:\n%s", text)
	}
}

// TestChangeWording: a move the hospital made apologises and says why; a
// move the patient asked for confirms it without an apology.
func TestChangeWording(t *testing.T) {
	l := sample(Change)
	l.Previous, l.Reason = time.Date(2026, 12, 1, 14, 0, 0, 0, time.UTC), "The clinician is on leave or unwell"
	b, _ := Render(l, time.UTC)
	if text := plainText(b); !strings.Contains(text, "We have had to change your appointment on Tuesday 1 December 2026 at 14:00") ||
		!strings.Contains(text, "on leave or unwell") {
		t.Errorf("hospital change:\n%s", text)
	}
	l.CancelledByPatient, l.Reason = true, "The patient cannot come on that date"
	b, _ = Render(l, time.UTC)
	if text := plainText(b); !strings.Contains(text, "As you asked, we have moved your appointment on Tuesday 1 December 2026") ||
		strings.Contains(text, "sorry") || strings.Contains(text, "cannot come on that date") {
		t.Errorf("patient change:\n%s", text)
	}
}

func TestEscapingAndPound(t *testing.T) {
	l := sample(Change)
	l.Reason = `the clinic (Room 4) moved \ fee £25`
	l.Recipient.Name = "Mr Seán O’Brien"
	b, err := Render(l, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, b)
	if !bytes.Contains(b, []byte(`(the clinic \(Room 4\) moved \\ fee `+"\xA325)")) {
		t.Errorf("reason not escaped and encoded in the content stream")
	}
	if !bytes.Contains(b, []byte("(Mr Se\xE1n O\x92Brien)")) {
		t.Errorf("name not encoded as WinAnsi")
	}
	if text := plainText(b); !strings.Contains(text, `the clinic (Room 4) moved \ fee £25`) {
		t.Errorf("text lost in escaping:\n%s", text)
	}
}

func TestLongLetterFlowsOntoMorePages(t *testing.T) {
	l := sample(DischargeToGP)
	l.Reason = strings.Repeat("Your tests were normal and your treatment is complete. ", 120)
	b, err := RenderCopies(l, london(t))
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, b)
	inside(t, b)
	text := plainText(b)
	pages := bytes.Count(b, []byte("/Type /Page "))
	if pages < 4 || pages%2 != 0 {
		t.Fatalf("%d pages, want the letter and its copy on several pages each", pages)
	}
	n := pages / 2
	for _, want := range []string{"Page 1 of " + strconv.Itoa(n), "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(n),
		"Jane Smith, NHS number 999 000 0018 (continued)", "Yours sincerely,", "cc: Riverside Surgery"} {
		if !strings.Contains(text, want) {
			t.Errorf("long letter does not contain %q", want)
		}
	}
	if strings.Count(text, "Page 1 of "+strconv.Itoa(n)) != 2 {
		t.Error("the GP copy is not numbered on its own")
	}
}

func TestLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds() {
		if !k.Valid() || k.Label() == "" || k.Label() == string(k) || seen[k.Label()] {
			t.Errorf("kind %q has label %q", k, k.Label())
		}
		seen[k.Label()] = true
	}
	if len(Kinds()) != 8 {
		t.Errorf("%d kinds, want 8", len(Kinds()))
	}
	if Kind("memo").Valid() || Kind("memo").Label() != "memo" {
		t.Error("unknown kind is valid or relabelled")
	}
}
