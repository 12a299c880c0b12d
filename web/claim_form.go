package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// ClaimNewPage is the form for one kind of claim: a WLI session, a bank
// or agency request, an expense or mileage.
type ClaimNewPage struct {
	Page
	Kind         elective.ClaimKind
	Form         ClaimForm
	Staff        []*elective.StaffMember
	MileagePence int
	Errors       FormErrors
}

func (*ClaimNewPage) templateName() string { return "claim/new" }

// RateTypes are the WLI rate types, for the form.
func (*ClaimNewPage) RateTypes() []elective.RateType { return elective.RateTypes }

// ExpenseTypes are what an expense may be for.
func (*ClaimNewPage) ExpenseTypes() []string { return elective.ExpenseTypes }

// EndHint explains the end time: a shift may run overnight.
func (p *ClaimNewPage) EndHint() string {
	if p.Kind.Shift() {
		return "UK time; an end before the start is the next morning, for a night shift"
	}
	return "UK time, for example 12:00"
}

// MileageRate is the rate a mile in words.
func (p *ClaimNewPage) MileageRate() string { return penceLabel(int64(p.MileagePence)) }

// ClaimForm is a claim as typed.
type ClaimForm struct {
	StaffID                            int64
	Date, Start, End, PAs, Rate        string
	Grade, Reason, Agency, ExpenseType string
	Amount, Miles, Receipt, Note       string
}

// handleClaimNew shows the form for the kind in the query.
func (s *Server) handleClaimNew(w http.ResponseWriter, r *http.Request) error {
	kind := elective.ClaimKind(r.URL.Query().Get("kind"))
	if !kind.Valid() {
		return elective.Errorf(elective.ENOTFOUND, "There is no such kind of claim. Choose one from the claims page.")
	}
	p, err := s.claimNewPage(r, kind)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) claimNewPage(r *http.Request, kind elective.ClaimKind) (*ClaimNewPage, error) {
	if err := authorize(r, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	ctx := r.Context()
	p := &ClaimNewPage{Kind: kind, Form: ClaimForm{Date: s.today().String(), Rate: string(elective.RatePlain)}}
	switch kind {
	case elective.ClaimWLI:
		p.Title, p.Form.Start, p.Form.End, p.Form.PAs = "Claim a waiting-list-initiative session", "08:00", "12:00", "1"
	case elective.ClaimBank:
		p.Title, p.Form.Start, p.Form.End = "Request bank cover", "08:00", "20:00"
	case elective.ClaimAgency:
		p.Title, p.Form.Start, p.Form.End = "Request agency cover", "08:00", "20:00"
	case elective.ClaimExpense:
		p.Title = "Claim an expense"
	case elective.ClaimMileage:
		p.Title = "Claim mileage"
	}
	p.Nav = NavClaims
	var err error
	if p.MileagePence, err = s.svc.Claims.MileagePence(ctx); err != nil {
		return nil, err
	}
	p.Staff, err = s.svc.Staff.FindStaff(ctx, elective.StaffFilter{ActiveOnly: true})
	return p, err
}

// handleClaimCreate submits a claim; bad input is shown on the form and
// nothing is saved.
func (s *Server) handleClaimCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	kind := elective.ClaimKind(r.PostFormValue("kind"))
	if !kind.Valid() {
		return elective.Errorf(elective.EINVALID, "Choose what the claim is for on the claims page")
	}
	f := readClaimForm(r)
	c, err := f.claim(kind, s.cfg.Location)
	if err == nil {
		err = s.svc.Claims.SubmitClaim(r.Context(), c)
	}
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, "/claims?month="+elective.MonthOf(c.Date).String(),
			kind.Label()+" submitted for approval (claim "+strconv.FormatInt(c.ID, 10)+")")
	case elective.EINVALID:
		p, perr := s.claimNewPage(r, kind)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = f, newFormErrors(err, map[string]string{"staff": "staff-id", "expense_type": "expense-type"})
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

func readClaimForm(r *http.Request) ClaimForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return ClaimForm{StaffID: formInt64(v("staff_id")), Date: v("date"), Start: v("start"), End: v("end"), PAs: v("pas"),
		Rate: v("rate"), Grade: v("grade"), Reason: v("reason"), Agency: v("agency"), ExpenseType: v("expense_type"),
		Amount: v("amount"), Miles: v("miles"), Receipt: v("receipt"), Note: v("note")}
}

// claim reads the form into a claim of kind, naming the first field that
// does not parse; the service checks the rest. A shift that ends at or
// before its start time ends the next morning (a night shift); a WLI
// session must end after it starts.
func (f ClaimForm) claim(kind elective.ClaimKind, loc *time.Location) (*elective.Claim, error) {
	c := &elective.Claim{Kind: kind, StaffID: f.StaffID, Rate: elective.RateType(f.Rate), Grade: f.Grade, Reason: f.Reason,
		Agency: f.Agency, ExpenseType: f.ExpenseType, Receipt: f.Receipt, Note: f.Note}
	if kind != elective.ClaimWLI {
		c.Rate = ""
	}
	var err error
	if c.Date, err = elective.ParseDate(f.Date); err != nil {
		return nil, fieldErr("date", "Enter the date")
	}
	if kind.Timed() {
		start, err := parseHHMM(f.Start)
		if err != nil {
			return nil, fieldErr("start", "Enter the start time as HH:MM, for example 08:00")
		}
		end, err := parseHHMM(f.End)
		if err != nil {
			return nil, fieldErr("end", "Enter the end time as HH:MM, for example 12:00")
		}
		c.Start, c.End = c.Date.At(start/60, start%60, loc), c.Date.At(end/60, end%60, loc)
		if kind.Shift() && end <= start {
			c.End = c.Date.AddDays(1).At(end/60, end%60, loc)
		}
	}
	switch kind {
	case elective.ClaimWLI:
		if c.PATenths, err = parseTenths(f.PAs); err != nil {
			return nil, fieldErr("pas", "Enter the programmed activities as a number, for example 1 or 1.5")
		}
	case elective.ClaimExpense:
		if c.AmountPence, err = parsePounds(f.Amount); err != nil {
			return nil, fieldErr("amount", "Enter the amount in pounds and pence, for example 12.50")
		}
	case elective.ClaimMileage:
		if c.Miles, err = strconv.Atoi(f.Miles); err != nil {
			return nil, fieldErr("miles", "Enter the miles driven as a whole number")
		}
	}
	return c, nil
}

// parseTenths reads "1", "1.5" or "0.5" as tenths; more than one decimal
// place is refused. A minus sign is kept, for the rules to refuse.
func parseTenths(s string) (int, error) {
	whole, frac, _ := strings.Cut(strings.TrimSpace(s), ".")
	if len(frac) > 1 {
		return 0, strconv.ErrSyntax
	}
	n, err := strconv.Atoi(whole)
	if err != nil {
		return 0, err
	}
	t := 0
	if frac != "" {
		if t, err = strconv.Atoi(frac); err != nil {
			return 0, err
		}
	}
	if strings.HasPrefix(whole, "-") {
		return n*10 - t, nil
	}
	return n*10 + t, nil
}

// parsePounds reads "£12.50", "12.5", "1,200" or "12" as pence. A minus
// sign is kept, for the rules to refuse with their message.
func parsePounds(s string) (int64, error) {
	s = strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(s), "£"), ",", "")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "£")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 {
		return 0, strconv.ErrSyntax
	}
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || n < 0 {
		return 0, strconv.ErrSyntax
	}
	p := int64(0)
	if frac != "" {
		if p, err = strconv.ParseInt(frac, 10, 64); err != nil || p < 0 {
			return 0, strconv.ErrSyntax
		}
		if len(frac) == 1 {
			p *= 10
		}
	}
	if neg {
		return -(n*100 + p), nil
	}
	return n*100 + p, nil
}
