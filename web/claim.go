package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// ClaimIndexPage lists WLI claims, bank and agency requests, expenses and
// mileage by kind, status and month, with the approve and reject buttons,
// the fill step of shift requests and the payroll downloads.
type ClaimIndexPage struct {
	Page
	Filter       ClaimFilterForm
	Month        elective.Month
	Rows         []ClaimRow
	Staff        []*elective.StaffMember
	MileagePence int
	Errors       FormErrors
	ErrorClaim   int64 // the claim whose form the errors belong to
}

func (*ClaimIndexPage) templateName() string { return "claim/index" }

// Kinds are the claim kinds, for the filter and the new-claim links.
func (*ClaimIndexPage) Kinds() []elective.ClaimKind { return elective.ClaimKinds }

// Statuses are the claim statuses, for the filter.
func (*ClaimIndexPage) Statuses() []elective.ClaimStatus { return elective.ClaimStatuses }

// MileageRate is the rate a mile in words.
func (p *ClaimIndexPage) MileageRate() string { return penceLabel(int64(p.MileagePence)) }

// ExportURL is the payroll download of the month shown.
func (p *ClaimIndexPage) ExportURL(format string) string {
	return "/claims/export." + format + "?month=" + p.Month.String()
}

// Query is the page's filters as a query string, for returning to it.
func (p *ClaimIndexPage) Query() string { return p.Filter.query() }

// ClaimFilterForm is the filters as typed.
type ClaimFilterForm struct {
	Kind, Status, Month string
}

func (f ClaimFilterForm) query() string {
	q := url.Values{}
	for k, v := range map[string]string{"kind": f.Kind, "status": f.Status, "month": f.Month} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if len(q) == 0 {
		return "/claims"
	}
	return "/claims?" + q.Encode()
}

// ClaimRow is a claim with its figures in words.
type ClaimRow struct {
	*elective.Claim
	Who      string // the staff member, or the agency
	When     string // the date, with times for sessions and shifts
	Quantity string // hours and PAs, miles, or the expense type
	Amount   string // £ for expenses and mileage
}

// newClaimRow describes a claim for the list and the exports.
func newClaimRow(c *elective.Claim, loc *time.Location) ClaimRow {
	r := ClaimRow{Claim: c, Who: c.StaffName, When: c.Date.Format("2 Jan 2006")}
	if r.Who == "" && c.Agency != "" {
		r.Who = "Agency: " + c.Agency
	}
	if c.Kind.Timed() && !c.Start.IsZero() {
		r.When += " " + c.Start.In(loc).Format("15:04") + "–" + c.End.In(loc).Format("15:04")
	}
	switch c.Kind {
	case elective.ClaimWLI:
		r.Quantity = fmt.Sprintf("%s, %s PA, %s", minutesLabel(c.Minutes()), tenthsLabel(c.PATenths), c.Rate.Label())
	case elective.ClaimBank, elective.ClaimAgency:
		r.Quantity = fmt.Sprintf("%s, %s: %s", minutesLabel(c.Minutes()), c.Grade, c.Reason)
	case elective.ClaimExpense:
		r.Quantity, r.Amount = c.ExpenseType+", receipt "+c.Receipt, penceLabel(c.AmountPence)
	case elective.ClaimMileage:
		r.Quantity, r.Amount = fmt.Sprintf("%d miles at %s", c.Miles, penceLabel(int64(c.MileagePence))), penceLabel(c.AmountPence)
	}
	return r
}

// StatusClass colours the status tag.
func (r ClaimRow) StatusClass() string {
	switch r.Status {
	case elective.ClaimApproved:
		return "nhsuk-tag--green"
	case elective.ClaimRejected:
		return "nhsuk-tag--red"
	}
	return "nhsuk-tag--yellow"
}

// Open reports whether a shift request can still be filled or cancelled.
func (r ClaimRow) Open() bool {
	return r.Kind.Shift() && r.Fill == elective.FillRequested && r.Status != elective.ClaimRejected
}

// handleClaimIndex lists claims by the query's filters: this month's by
// default.
func (s *Server) handleClaimIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.claimIndexPage(r, r.URL.Query())
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) claimIndexPage(r *http.Request, q url.Values) (*ClaimIndexPage, error) {
	ctx := r.Context()
	p := &ClaimIndexPage{Filter: ClaimFilterForm{Kind: q.Get("kind"), Status: q.Get("status"), Month: q.Get("month")}}
	p.Title, p.Nav, p.Wide = "Claims", NavClaims, true
	p.Month = elective.MonthOf(s.today())
	if p.Filter.Month != "" {
		m, err := elective.ParseMonth(p.Filter.Month)
		if err != nil {
			return nil, err
		}
		p.Month = m
	}
	f := elective.ClaimFilter{Kind: elective.ClaimKind(p.Filter.Kind), Status: elective.ClaimStatus(p.Filter.Status), Month: p.Month}
	claims, err := s.svc.Claims.FindClaims(ctx, f)
	if err != nil {
		return nil, err
	}
	for _, c := range claims {
		p.Rows = append(p.Rows, newClaimRow(c, s.cfg.Location))
	}
	if p.MileagePence, err = s.svc.Claims.MileagePence(ctx); err != nil {
		return nil, err
	}
	p.Staff, err = s.svc.Staff.FindStaff(ctx, elective.StaffFilter{ActiveOnly: true})
	return p, err
}

// returnTo is the claims list the form came from, with its filters.
func returnTo(r *http.Request) (string, url.Values) {
	back := r.PostFormValue("return")
	u, err := url.Parse(back)
	if err != nil || u.Path != "/claims" || u.Host != "" || u.Scheme != "" {
		return "/claims", url.Values{}
	}
	return u.String(), u.Query()
}

// handleClaimDecide approves or rejects a claim; a rejection without its
// reason is shown against that claim on the list.
func (s *Server) handleClaimDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	approve := r.PostFormValue("decision") == "approve"
	c, err := s.svc.Claims.DecideClaim(r.Context(), id, approve, r.PostFormValue("reason"))
	back, q := returnTo(r)
	if elective.ErrorCode(err) == elective.EINVALID {
		p, perr := s.claimIndexPage(r, q)
		if perr != nil {
			return perr
		}
		p.Errors, p.ErrorClaim = newFormErrors(err, map[string]string{"reason": "reason-" + strconv.FormatInt(id, 10)}), id
		return s.render(w, r, httpStatus(err), p)
	} else if err != nil {
		return err
	}
	msg := fmt.Sprintf("Claim %d approved: %s for %s", c.ID, c.Kind.Label(), newClaimRow(c, s.cfg.Location).Who)
	if c.Status == elective.ClaimRejected {
		msg = fmt.Sprintf("Claim %d rejected: %s", c.ID, c.Decision)
	}
	return s.redirectWithFlash(w, r, back, msg)
}

// handleClaimFill records a bank or agency request filled or cancelled.
func (s *Server) handleClaimFill(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	fill := elective.FillStatus(r.PostFormValue("fill"))
	c, err := s.svc.Claims.FillShift(r.Context(), id, fill, formInt64(r.PostFormValue("staff_id")), r.PostFormValue("agency"))
	back, q := returnTo(r)
	if elective.ErrorCode(err) == elective.EINVALID {
		p, perr := s.claimIndexPage(r, q)
		if perr != nil {
			return perr
		}
		sid := strconv.FormatInt(id, 10)
		p.Errors, p.ErrorClaim = newFormErrors(err, map[string]string{"staff": "fill-staff-" + sid, "agency": "fill-agency-" + sid}), id
		return s.render(w, r, httpStatus(err), p)
	} else if err != nil {
		return err
	}
	msg := fmt.Sprintf("%s request %d cancelled", c.Kind.Label(), c.ID)
	if c.Fill == elective.FillFilled {
		msg = fmt.Sprintf("%s request %d filled by %s", c.Kind.Label(), c.ID, newClaimRow(c, s.cfg.Location).Who)
	}
	return s.redirectWithFlash(w, r, back, msg)
}

// handleMileageRate changes the trust's rate a mile.
func (s *Server) handleMileageRate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	raw := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r.PostFormValue("mileage_pence")), "p"))
	pence, err := strconv.Atoi(raw)
	if err != nil {
		err = fieldErr("mileage_pence", "Enter the rate a mile in whole pence, for example 56")
	} else {
		err = s.svc.Claims.SetMileagePence(r.Context(), pence)
	}
	back, q := returnTo(r)
	if elective.ErrorCode(err) == elective.EINVALID {
		p, perr := s.claimIndexPage(r, q)
		if perr != nil {
			return perr
		}
		p.Errors = newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	} else if err != nil {
		return err
	}
	return s.redirectWithFlash(w, r, back, "Mileage is now paid at "+penceLabel(int64(pence))+" a mile")
}

// penceLabel is money for staff: "£23.52", "56p".
func penceLabel(p int64) string {
	if p < 100 && p > -100 {
		return strconv.FormatInt(p, 10) + "p"
	}
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	return fmt.Sprintf("%s£%d.%02d", sign, p/100, p%100)
}

// tenthsLabel is a count in tenths: "1", "1.5".
func tenthsLabel(t int) string {
	if t%10 == 0 {
		return strconv.Itoa(t / 10)
	}
	return fmt.Sprintf("%d.%d", t/10, t%10)
}
