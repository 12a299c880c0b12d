package web

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/openelective/elective"
)

// slotConflict is shown when another booking took the chosen slot first.
const slotConflict = "That slot has just been booked by someone else. Choose another slot."

// slotErrors are a refused booking's problems for a page with the slot
// picker. When someone else took the slot the choice is cleared, so that
// the fresh list is chosen from again.
func slotErrors(err error, slotID *int64) FormErrors {
	if elective.ErrorCode(err) == elective.ECONFLICT {
		*slotID = 0
		return FormErrors{Summary: slotConflict}
	}
	return newFormErrors(err, map[string]string{"slot_id": "slots"})
}

// SlotFilterForm narrows the slots offered on the booking page.
type SlotFilterForm struct {
	ClinicianID int64
	From        string // YYYY-MM-DD; blank or in the past means from now
	// ShortNotice: the patient will take a date inside the reasonable
	// notice, so the earliest offers may be sooner (rules.md 3.1).
	ShortNotice bool
}

func readSlotFilter(get func(string) string) SlotFilterForm {
	return SlotFilterForm{ClinicianID: formInt64(get("clinician_id")), From: get("from"), ShortNotice: get("short_notice") == "1"}
}

// BookingForm is the slot chosen and how the patient was told.
type BookingForm struct {
	SlotID       int64
	Communicated elective.Communication
}

// SlotDay is the free slots of one day, in time order.
type SlotDay struct {
	Date  elective.Date
	Slots []SlotRow
}

// SlotRow is one free slot with its clinician and site named.
type SlotRow struct {
	Slot      *elective.Slot
	Clinician string
	Site      string
}

// handleAppointmentNew shows the booking page: the patient, their PTL
// entry and the free slots their list can use.
func (s *Server) handleAppointmentNew(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := authorize(r, elective.ActionBookAppointment); err != nil {
		return err
	}
	p, err := s.bookingPage(r.Context(), id, readSlotFilter(r.URL.Query().Get))
	if err != nil {
		return err
	}
	p.Form.Communicated = elective.CommunicatedByLetter
	return s.render(w, r, http.StatusOK, p)
}

// handleAppointmentCreate books the chosen slot. If someone else took it
// first the page comes back with fresh slots and says so.
func (s *Server) handleAppointmentCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := authorize(r, elective.ActionBookAppointment); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := BookingForm{SlotID: formInt64(r.PostFormValue("slot_id")),
		Communicated: elective.Communication(r.PostFormValue("communicated"))}
	appt, err := s.book(r.Context(), id, form)
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, patientURL(appt.PatientID),
			"Appointment booked for "+formatTime(appt.Start, s.cfg.Location, "2 Jan 2006 at 15:04"))
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.bookingPage(r.Context(), id, readSlotFilter(r.PostFormValue))
		if perr != nil {
			return perr
		}
		p.Form = form
		p.Errors = slotErrors(err, &p.Form.SlotID)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// book checks the form has a slot and a way of telling, then books.
func (s *Server) book(ctx context.Context, pathwayID int64, form BookingForm) (*elective.Appointment, error) {
	var probs elective.Problems
	if form.SlotID == 0 {
		probs.Add("slot_id", "Select a slot")
	}
	if !slices.Contains(elective.Communications, form.Communicated) {
		probs.Add("communicated", "Select how the patient was told about the appointment")
	}
	if err := probs.Err("The appointment was not booked"); err != nil {
		return nil, err
	}
	return s.svc.Bookings.BookAppointment(ctx,
		&elective.BookingRequest{PathwayID: pathwayID, SlotID: form.SlotID, Communicated: form.Communicated})
}

// bookingPage loads everything the booking page shows. A pathway that is
// not waiting for an outpatient appointment gets a page that says why.
func (s *Server) bookingPage(ctx context.Context, pathwayID int64, f SlotFilterForm) (*AppointmentNewPage, error) {
	pw, err := s.svc.Pathways.FindPathwayByID(ctx, pathwayID)
	if err != nil {
		return nil, err
	}
	patient, err := s.svc.Patients.FindPatientByID(ctx, pw.PatientID)
	if err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(ctx)
	if err != nil {
		return nil, err
	}
	p := &AppointmentNewPage{Pathway: pw, Patient: patient, Filter: f, Clinicians: lk.cliniciansIn(pw.SpecialtyID)}
	if p.Triage, err = s.triageOf(ctx, pw); err != nil {
		return nil, err
	}
	p.Title, p.Nav = "Book an appointment", NavWaitingList
	list, err := s.waitingFor(ctx, p)
	if err != nil || p.NotWaiting != "" {
		return p, err
	}
	p.SlotType = list.SlotType()
	if p.Days, err = s.freeSlots(ctx, pw.SpecialtyID, p.SlotType, pw.Priority, f, lk); err != nil {
		return nil, err
	}
	p.ShortNotice, p.NoticeDays = f.ShortNotice, s.cfg.Policy.ReasonableNoticeDays
	return p, s.loadOffers(ctx, p, lk)
}

// triageOf is the triage status of the pathway's referral ("" if unknown).
func (s *Server) triageOf(ctx context.Context, pw *elective.Pathway) (elective.TriageStatus, error) {
	refs, err := s.svc.Referrals.FindReferralsByPatient(ctx, pw.PatientID)
	for _, r := range refs {
		if r.ID == pw.ReferralID {
			return r.Triage, err
		}
	}
	return "", err
}

// waitingFor finds the outpatient list the page books for: the PTL row
// while the clock runs, else a follow-up that is not RTT. When there is
// nothing to book, p.NotWaiting says why.
func (s *Server) waitingFor(ctx context.Context, p *AppointmentNewPage) (elective.ListType, error) {
	entry, err := s.svc.WaitingList.FindPTLEntry(ctx, p.Pathway.ID, s.today())
	if elective.ErrorCode(err) == elective.ENOTFOUND {
		list, err := s.svc.Bookings.WaitingFor(ctx, p.Pathway.ID)
		if elective.ErrorCode(err) == elective.EINVALID {
			p.NotWaiting = elective.ErrorMessage(err) + "."
			return "", nil
		}
		p.NonRTT = list
		return list, err
	} else if err != nil {
		return "", err
	}
	row := newPTLRow(entry, s.today())
	p.Entry = &row
	if entry.ListType != elective.ListOutpatientNew && entry.ListType != elective.ListOutpatientFollowUp {
		p.NotWaiting = "This pathway is on the " + entry.ListType.Label() + " list, not waiting for an outpatient appointment."
	}
	return entry.ListType, nil
}

// freeSlots finds free slots of a type that a referral of priority may
// take (ring-fenced slots are left out until released, Slot.OpenTo), from
// now (or from the chosen date, if later), grouped by day in London.
func (s *Server) freeSlots(ctx context.Context, specialtyID int64, typ elective.SlotType, priority elective.Priority,
	f SlotFilterForm, lk *lookup) ([]SlotDay, error) {
	slots, err := s.svc.Clinics.FindSlots(ctx, elective.SlotFilter{
		SpecialtyID: specialtyID, ClinicianID: f.ClinicianID, Type: typ,
		From: s.slotsFrom(f.From), FreeOnly: true, Limit: 40,
	})
	if err != nil {
		return nil, err
	}
	open := slots[:0]
	for _, sl := range slots {
		if sl.OpenTo(priority, s.today(), s.cfg.Location, s.cfg.Policy.UrgentReleaseDays) == nil {
			open = append(open, sl)
		}
	}
	return groupSlots(open, s.cfg.Location, lk), nil
}

// slotsFrom is where a slot search starts: now, or the start of the chosen
// date (YYYY-MM-DD) in London when that is later.
func (s *Server) slotsFrom(date string) time.Time {
	from := s.cfg.Now()
	if d, err := elective.ParseDate(date); err == nil && d.At(0, 0, s.cfg.Location).After(from) {
		from = d.At(0, 0, s.cfg.Location)
	}
	return from
}

func groupSlots(slots []*elective.Slot, loc *time.Location, lk *lookup) []SlotDay {
	var days []SlotDay
	for _, sl := range slots {
		d := elective.DateOf(sl.Start, loc)
		if len(days) == 0 || days[len(days)-1].Date != d {
			days = append(days, SlotDay{Date: d})
		}
		last := &days[len(days)-1]
		last.Slots = append(last.Slots, slotRow(sl, lk))
	}
	return days
}

func slotRow(sl *elective.Slot, lk *lookup) SlotRow {
	row := SlotRow{Slot: sl}
	if sl.Session != nil {
		row.Clinician, row.Site = lk.clinician(sl.Session.ClinicianID), lk.site(sl.Session.SiteID)
	}
	if sl.Clinician != nil {
		row.Clinician = sl.Clinician.DisplayName()
	}
	if sl.Site != nil {
		row.Site = sl.Site.Name
	}
	return row
}
