package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// OfferForm is an offer made another way (a letter, a call before today)
// as typed on the booking page.
type OfferForm struct {
	OfferedOn         string
	Date              string
	Response          elective.OfferResponse
	ShortNoticeAgreed bool
	Note              string
}

// UnavailabilityForm is a period the patient cannot come.
type UnavailabilityForm struct {
	From, To, Reason string
}

// bookURL is the booking page of a pathway, keeping the short-notice
// choice.
func bookURL(pathwayID int64, shortNotice bool) string {
	u := pathwayURL(pathwayID) + "/book"
	if shortNotice {
		u += "?short_notice=1"
	}
	return u
}

// loadOffers fills the booking page's offer panels: the earliest
// reasonable offers, the offers made so far with the rules' verdicts, and
// the patient's unavailability.
func (s *Server) loadOffers(ctx context.Context, p *AppointmentNewPage, lk *lookup) error {
	var err error
	if p.Unavailable, err = s.svc.Offers.FindUnavailability(ctx, p.Patient.ID); err != nil {
		return err
	}
	offers, err := s.svc.Offers.FindOffers(ctx, p.Pathway.ID)
	if err != nil {
		return err
	}
	p.History = access.Assess(offers, p.Unavailable, s.cfg.Policy)
	slots, err := s.svc.Offers.EarliestOffers(ctx, p.Pathway.ID, max(s.cfg.Policy.OffersPerStage, 2), p.ShortNotice)
	if err != nil {
		return err
	}
	for _, sl := range slots {
		p.Offers = append(p.Offers, slotRow(sl, lk))
	}
	return nil
}

// handleOfferCreate records the patient's answers to the offered dates. An
// accepted date is booked at once (the patient was told by phone); the
// answers are recorded once the booking has succeeded, so a slot taken by
// someone else in the meantime changes nothing.
func (s *Server) handleOfferCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	shortNotice := r.PostFormValue("short_notice") == "1"
	offers, accepted, err := s.readAnswers(r, id, shortNotice)
	var appt *elective.Appointment
	if err == nil && accepted != 0 {
		appt, err = s.svc.Bookings.BookAppointment(r.Context(), &elective.BookingRequest{PathwayID: id, SlotID: accepted,
			Communicated: elective.CommunicatedByPhone})
	}
	for i := 0; err == nil && i < len(offers); i++ {
		err = s.svc.Offers.RecordOffer(r.Context(), offers[i])
	}
	switch elective.ErrorCode(err) {
	case "":
		if appt != nil {
			return s.redirectWithFlash(w, r, patientURL(appt.PatientID),
				"Offer accepted. Appointment booked for "+formatTime(appt.Start, s.cfg.Location, "2 Jan 2006 at 15:04"))
		}
		return s.redirectWithFlash(w, r, bookURL(id, shortNotice), "The patient's answers were recorded")
	case elective.EINVALID, elective.ECONFLICT:
		return s.rerenderBooking(w, r, id, shortNotice, err, func(p *AppointmentNewPage) {})
	}
	return err
}

// readAnswers reads one answer per offered slot; at most one may be
// accepted.
func (s *Server) readAnswers(r *http.Request, pathwayID int64, shortNotice bool) ([]*elective.Offer, int64, error) {
	var probs elective.Problems
	var offers []*elective.Offer
	var accepted int64
	for _, v := range r.PostForm["offer_slot"] {
		slotID := formInt64(v)
		date, err := elective.ParseDate(r.PostFormValue("offer_date_" + v))
		resp := elective.OfferResponse(r.PostFormValue("answer_" + v))
		if slotID == 0 || err != nil {
			return nil, 0, elective.Errorf(elective.EINVALID, "The offered dates were not understood. Reload the page.")
		}
		if resp == "" {
			probs.Add("offers", "Record the patient's answer to every date offered")
			break
		}
		if resp == elective.OfferAccepted {
			if accepted != 0 {
				probs.Add("offers", "The patient can accept only one of the dates")
				break
			}
			accepted = slotID
		}
		offers = append(offers, &elective.Offer{PathwayID: pathwayID, SlotID: slotID, OfferedOn: s.today(), Date: date,
			Response: resp, ShortNoticeAgreed: shortNotice})
	}
	if len(offers) == 0 && len(probs) == 0 {
		probs.Add("offers", "There were no dates to offer")
	}
	return offers, accepted, probs.Err("The answers were not recorded")
}

// handleOfferRecord records an offer made another way.
func (s *Server) handleOfferRecord(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := OfferForm{OfferedOn: v("offered_on"), Date: v("offer_date"), Response: elective.OfferResponse(v("response")),
		ShortNoticeAgreed: v("short_notice_agreed") == "1", Note: v("note")}
	o := &elective.Offer{PathwayID: id, Response: f.Response, ShortNoticeAgreed: f.ShortNoticeAgreed, Note: f.Note}
	var probs elective.Problems
	if o.OfferedOn, err = elective.ParseDate(f.OfferedOn); err != nil {
		probs.Add("offered_on", "Enter the date the offer was made, for example 2026-11-23")
	}
	if o.Date, err = elective.ParseDate(f.Date); err != nil {
		probs.Add("offer_date", "Enter the date offered, for example 2026-12-14")
	}
	err = probs.Err("The offer was not recorded")
	if err == nil {
		err = s.svc.Offers.RecordOffer(r.Context(), o)
	}
	if elective.ErrorCode(err) == "" {
		return s.redirectWithFlash(w, r, bookURL(id, false), "Offer recorded: "+o.Response.Label())
	} else if elective.ErrorCode(err) != elective.EINVALID {
		return err
	}
	return s.rerenderBooking(w, r, id, false, err, func(p *AppointmentNewPage) { p.OfferForm = f })
}

// rerenderBooking shows the booking page again with the errors of a form
// on it.
func (s *Server) rerenderBooking(w http.ResponseWriter, r *http.Request, id int64, shortNotice bool, err error, keep func(*AppointmentNewPage)) error {
	p, perr := s.bookingPage(r.Context(), id, SlotFilterForm{ShortNotice: shortNotice})
	if perr != nil {
		return perr
	}
	p.Errors = newFormErrors(err, map[string]string{"date": "offer_date", "from": "unavailable_from", "to": "unavailable_to"})
	if elective.ErrorCode(err) == elective.ECONFLICT {
		p.Errors = FormErrors{Summary: slotConflict}
	}
	keep(p)
	return s.render(w, r, httpStatus(err), p)
}

// handleUnavailabilityCreate records a period the patient cannot come, from
// the booking page of one of their pathways.
func (s *Server) handleUnavailabilityCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := UnavailabilityForm{From: v("unavailable_from"), To: v("unavailable_to"), Reason: v("reason")}
	pw, err := s.svc.Pathways.FindPathwayByID(r.Context(), id)
	if err != nil {
		return err
	}
	u := &elective.Unavailability{PatientID: pw.PatientID, Reason: f.Reason}
	var probs elective.Problems
	if u.From, err = elective.ParseDate(f.From); err != nil {
		probs.Add("from", "Enter the first date the patient cannot come, for example 2026-12-21")
	}
	if u.To, err = elective.ParseDate(f.To); err != nil {
		probs.Add("to", "Enter the last date the patient cannot come, for example 2027-01-03")
	}
	if err = probs.Err("The unavailability was not saved"); err == nil {
		err = s.svc.Offers.AddUnavailability(r.Context(), u)
	}
	if elective.ErrorCode(err) == "" {
		return s.redirectWithFlash(w, r, bookURL(id, false), "Unavailability saved: no dates will be offered in those weeks")
	} else if elective.ErrorCode(err) != elective.EINVALID {
		return err
	}
	return s.rerenderBooking(w, r, id, false, err, func(p *AppointmentNewPage) { p.UnavailForm = f })
}

// handleUnavailabilityDelete removes a period the patient no longer has.
func (s *Server) handleUnavailabilityDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	uid, err := strconv.ParseInt(r.PostFormValue("unavailability_id"), 10, 64)
	if err != nil {
		return elective.Errorf(elective.EINVALID, "No period was chosen")
	}
	if err := s.svc.Offers.RemoveUnavailability(r.Context(), uid); err != nil {
		return err
	}
	return s.redirectWithFlash(w, r, bookURL(id, false), "Unavailability removed")
}
