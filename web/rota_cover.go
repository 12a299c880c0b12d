package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/openelective/elective"
)

// coverHorizonDays is how far ahead the cover worklist looks for gaps.
const coverHorizonDays = 56

// CoverPage is the cover worklist: every shift short of its cover in the
// coming weeks on any rota, and for a chosen gap the staff who could take
// it without breaking a rule; and the duties to review because the rest
// on a non-resident on call before them was not met (TS-148).
type CoverPage struct {
	Page
	Today      elective.Date
	Reviews    []CoverReview
	Gaps       []CoverGap
	Chosen     *CoverGap
	Candidates []elective.CoverCandidate
}

func (*CoverPage) templateName() string { return "rota/cover" }

// CoverGap is a gap with its rota.
type CoverGap struct {
	elective.RotaGap
	Rota *elective.Rota
}

// CoverReview is a duty to review after an on call, with its rota.
type CoverReview struct {
	elective.RotaRestReview
	Rota *elective.Rota
}

// OnCallURL opens the on-call duty with its recorded work.
func (c CoverReview) OnCallURL() string { return onCallURL(c.Rota.ID, c.OnCall.StaffID, c.OnCall.Date) }

// URL opens the gap's candidates.
func (g CoverGap) URL() string {
	return "/cover?rota=" + strconv.FormatInt(g.Rota.ID, 10) + "&date=" + g.Date.String() + "&code=" + url.QueryEscape(g.ShiftCode)
}

// ShortNotice reports whether the gap is inside the rota notice period.
func (g CoverGap) ShortNotice(today elective.Date) bool {
	return g.Date.DaysSince(today) < elective.RotaPublishNoticeDays
}

func (s *Server) handleCover(w http.ResponseWriter, r *http.Request) error {
	p, err := s.coverPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) coverPage(r *http.Request) (*CoverPage, error) {
	if err := authorize(r, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	ctx := r.Context()
	p := &CoverPage{Today: s.today()}
	p.Title, p.Nav, p.Wide = "Cover worklist", NavRotas, true
	rotas, err := s.svc.Rotas.FindRotas(ctx)
	if err != nil {
		return nil, err
	}
	today := s.today()
	until := today.AddDays(coverHorizonDays)
	for _, rt := range rotas {
		if rt.To.Before(today) || rt.From.After(until) || rt.Version == 0 {
			continue
		}
		v, err := s.svc.Rotas.FindRota(ctx, rt.ID, 0)
		if err != nil {
			return nil, err
		}
		for _, g := range v.Check.Gaps {
			if !g.Date.Before(today) && !g.Date.After(until) {
				p.Gaps = append(p.Gaps, CoverGap{RotaGap: g, Rota: rt})
			}
		}
		for _, rv := range v.Check.RestReviews {
			if !rv.Duty.Date.Before(today) && !rv.Duty.Date.After(until) {
				p.Reviews = append(p.Reviews, CoverReview{RotaRestReview: rv, Rota: rt})
			}
		}
	}
	sort.SliceStable(p.Reviews, func(i, j int) bool { return p.Reviews[i].Duty.Date.Before(p.Reviews[j].Duty.Date) })
	sort.SliceStable(p.Gaps, func(i, j int) bool { return p.Gaps[i].Date.Before(p.Gaps[j].Date) })
	q := r.URL.Query()
	if id := formInt64(q.Get("rota")); id != 0 {
		d, err := elective.ParseDate(q.Get("date"))
		if err != nil {
			return nil, elective.Errorf(elective.EINVALID, "The gap's date is not a date")
		}
		code := q.Get("code")
		for i := range p.Gaps {
			if g := &p.Gaps[i]; g.Rota.ID == id && g.Date == d && g.ShiftCode == code {
				p.Chosen = g
			}
		}
		if p.Chosen == nil { // no longer short: still show who could work it
			rt, err := s.svc.Rotas.FindRota(ctx, id, 0)
			if err != nil {
				return nil, err
			}
			p.Chosen = &CoverGap{RotaGap: elective.RotaGap{Date: d, ShiftCode: code}, Rota: rt.Rota}
		}
		if p.Candidates, err = s.svc.Rotas.CoverCandidates(ctx, id, d, code); err != nil {
			return nil, err
		}
	}
	return p, nil
}
