package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// A build reports its progress from the first fill of the cover; stopped
// by its context (a coordinator's Stop) it saves the best rota so far as
// the next version, safe and covered, its note saying how far it went.
// An effort past the cap, or a user who may not build rotas, is refused
// and nothing is saved.
func TestRotaBuildProgressStop(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		r := &elective.Rota{Team: residents, Name: "Summer", From: today.AddDays(63), To: today.AddDays(63 + 27)}
		if err := svc.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		_, err := svc.BuildRota(as(rota), r.ID, elective.RotaBuild{Seed: 1, Moves: elective.RotaBuildMaxMoves + 1})
		wantCode(t, err, elective.EINVALID)
		_, err = svc.BuildRota(as(booker), r.ID, elective.RotaBuild{Seed: 1, Moves: 1000})
		wantCode(t, err, elective.EFORBIDDEN)

		ctx, cancel := context.WithCancel(as(rota))
		defer cancel()
		var mu sync.Mutex
		var got []elective.RotaBuildProgress
		v, err := svc.BuildRota(ctx, r.ID, elective.RotaBuild{Seed: 1, Moves: 100_000_000, Progress: func(pr elective.RotaBuildProgress) {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, pr)
			if pr.Moves >= 150_000 {
				cancel()
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) < 2 || got[0].Moves != 0 || got[0].Phase != elective.RotaBuildCover || got[len(got)-1].Gaps != 0 {
			t.Errorf("progress %+v", got)
		}
		if v.Rota.Version != 1 || len(v.Check.Violations) != 0 || len(v.Check.Gaps) != 0 {
			t.Fatalf("saved version %d, violations %+v, gaps %+v", v.Rota.Version, v.Check.Violations, v.Check.Gaps)
		}
		versions, err := svc.RotaVersions(as(rota), r.ID)
		if err != nil || len(versions) != 1 || !strings.Contains(versions[0].Note, "stopped after") ||
			!strings.Contains(versions[0].Note, "of 100000000 moves") {
			t.Errorf("versions %+v, %v", versions, err)
		}
	})
}
