package main

import (
	"context"
	"fmt"
	"net/http"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// timeWorkforcePages times the rota coordinator's pages on the demo
// hospital, signed in as the booking manager (who may see them all): the
// staff list, leave with a request's effect on clinics, the rotas and the
// largest rota's grid, the cover worklist, a job plan's reconciliation,
// rooms and claims.
func (m *Main) timeWorkforcePages(ctx context.Context, db *store.DB, h http.Handler, n int) error {
	cookie, err := benchSignIn(ctx, db, elective.RoleBookingManager)
	if err != nil {
		return err
	}
	var staff, rota, leave int64
	q := db.SQL()
	q.QueryRowContext(ctx, `SELECT staff_id FROM programmed_activity GROUP BY staff_id ORDER BY COUNT(*) DESC, staff_id LIMIT 1`).Scan(&staff)
	q.QueryRowContext(ctx, `SELECT r.id FROM rota r JOIN rota_duty d ON d.rota_id = r.id GROUP BY r.id ORDER BY COUNT(*) DESC, r.id LIMIT 1`).Scan(&rota)
	q.QueryRowContext(ctx, `SELECT id FROM leave_request ORDER BY (status = 'requested') DESC, id LIMIT 1`).Scan(&leave)
	var people int
	q.QueryRowContext(ctx, `SELECT COUNT(*) FROM staff_member`).Scan(&people)
	fmt.Fprintf(m.Stdout, "Workforce pages (%d staff), %d requests each, server time:\n", people, n)
	pages := []struct{ name, url string }{
		{"Staff", "/staff"},
		{"Leave requests", "/leave"},
		{"Rotas", "/rotas"},
		{"Cover worklist (gaps and eligible staff)", "/cover"},
		{"Rooms, today", "/rooms"},
		{"Claims", "/claims"},
	}
	if rota != 0 {
		pages = append(pages, struct{ name, url string }{"Rota grid, the largest rota", fmt.Sprintf("/rotas/%d", rota)})
	}
	if leave != 0 {
		pages = append(pages, struct{ name, url string }{"Leave request and its effect on clinics", fmt.Sprintf("/leave/%d", leave)})
	}
	if staff != 0 {
		pages = append(pages, struct{ name, url string }{"Job plan reconciliation", fmt.Sprintf("/staff/%d/reconciliation", staff)})
	}
	for _, p := range pages {
		if err := m.timePage(h, cookie, p.name, p.url, n); err != nil {
			return err
		}
	}
	return nil
}
