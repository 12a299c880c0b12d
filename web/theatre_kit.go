package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// TheatreKitPage is the kit catalogue: each item of theatre equipment the
// lists share with how many the trust has and whether it is mobile, with
// forms to add an item, change its count, mark it mobile or fixed and
// remove it.
type TheatreKitPage struct {
	Page
	Items  []*elective.TheatreKit
	Form   TheatreKitForm
	Errors FormErrors // a row's count field is "count-<id>"
}

func (*TheatreKitPage) templateName() string { return "theatre/kit" }

// CountField is the field name of an item's count form, for its errors.
func (*TheatreKitPage) CountField(k *elective.TheatreKit) string {
	return "count-" + strconv.FormatInt(k.ID, 10)
}

// TheatreKitForm is a new item as typed.
type TheatreKitForm struct {
	Name, Count string
	Mobile      bool
}

// handleTheatreKitIndex lists the catalogue.
func (s *Server) handleTheatreKitIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.theatreKitPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) theatreKitPage(r *http.Request) (*TheatreKitPage, error) {
	p := &TheatreKitPage{Form: TheatreKitForm{Count: "1"}}
	p.Title, p.Nav = "Theatre kit", NavTheatres
	var err error
	p.Items, err = s.svc.Theatres.FindTheatreKit(r.Context())
	return p, err
}

// handleTheatreKitCreate adds an item; a refusal is shown on the form.
func (s *Server) handleTheatreKitCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := TheatreKitForm{Name: strings.TrimSpace(r.PostFormValue("name")), Count: strings.TrimSpace(r.PostFormValue("count")),
		Mobile: r.PostFormValue("mobile") == "yes"}
	k := &elective.TheatreKit{Name: f.Name, Mobile: f.Mobile}
	var err error
	if k.Count, err = kitCount(f.Count, "count"); err == nil {
		err = s.svc.Theatres.CreateTheatreKit(r.Context(), k)
	}
	if err != nil {
		return s.theatreKitRefused(w, r, err, f, nil)
	}
	return s.redirectWithFlash(w, r, "/theatre-kit", "Kit added: "+kitLabel(k))
}

// handleTheatreKitCount changes how many of an item the trust has.
func (s *Server) handleTheatreKitCount(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	n, err := kitCount(strings.TrimSpace(r.PostFormValue("count")), "count")
	var k *elective.TheatreKit
	if err == nil {
		k, err = s.svc.Theatres.UpdateTheatreKit(r.Context(), id, elective.TheatreKitUpdate{Count: &n})
	}
	if err != nil {
		return s.theatreKitRefused(w, r, err, TheatreKitForm{Count: "1"}, &id)
	}
	return s.redirectWithFlash(w, r, "/theatre-kit", "Count changed: "+kitLabel(k))
}

// handleTheatreKitMobile marks an item mobile (mobile=yes) or fixed.
func (s *Server) handleTheatreKitMobile(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	mobile := r.PostFormValue("mobile") == "yes"
	k, err := s.svc.Theatres.UpdateTheatreKit(r.Context(), id, elective.TheatreKitUpdate{Mobile: &mobile})
	if err != nil {
		return s.theatreKitRefused(w, r, err, TheatreKitForm{Count: "1"}, &id)
	}
	if k.Mobile {
		return s.redirectWithFlash(w, r, "/theatre-kit", "Marked mobile: the "+k.Name+" can go to any theatre, "+countOf(k))
	}
	return s.redirectWithFlash(w, r, "/theatre-kit", "Marked fixed: the "+k.Name+" goes only on lists whose kit names it")
}

// handleTheatreKitDelete removes an item from the catalogue.
func (s *Server) handleTheatreKitDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	k, err := s.svc.Theatres.DeleteTheatreKit(r.Context(), id)
	if err != nil {
		return s.theatreKitRefused(w, r, err, TheatreKitForm{Count: "1"}, &id)
	}
	return s.redirectWithFlash(w, r, "/theatre-kit", "Kit removed: "+k.Name+". Lists that name it keep it as their own, uncounted")
}

// theatreKitRefused shows the page again with a refusal; an item's own
// count error (id set) is moved to that row's field.
func (s *Server) theatreKitRefused(w http.ResponseWriter, r *http.Request, err error, f TheatreKitForm, id *int64) error {
	if c := elective.ErrorCode(err); c != elective.EINVALID && c != elective.ECONFLICT {
		return err
	}
	p, perr := s.theatreKitPage(r)
	if perr != nil {
		return perr
	}
	p.Form, p.Errors = f, newFormErrors(err, nil)
	if id != nil {
		for i, it := range p.Errors.Items {
			if it.Field == "count" {
				p.Errors.Items[i].Field = "count-" + strconv.FormatInt(*id, 10)
				p.Errors.Items[i].Anchor = p.Errors.Items[i].Field
			}
		}
	}
	return s.render(w, r, httpStatus(err), p)
}

// kitCount reads a typed count, naming field when it is not a number.
func kitCount(typed, field string) (int, error) {
	n, err := strconv.Atoi(typed)
	if err != nil {
		return 0, fieldErr(field, "Enter how many the trust has, as a whole number from 0 to "+strconv.Itoa(elective.MaxKitCount))
	}
	return n, nil
}

// kitLabel is an item in a confirmation: "laser, 2, mobile".
func kitLabel(k *elective.TheatreKit) string {
	what := "fixed"
	if k.Mobile {
		what = "mobile"
	}
	return k.Name + ", " + countOf(k) + ", " + what
}

func countOf(k *elective.TheatreKit) string { return strconv.Itoa(k.Count) + " in the trust" }
