package demo

import (
	"github.com/openelective/elective"
)

// secondPathwayRate is the share of adult patients referred to a second,
// unrelated specialty.
const secondPathwayRate = 0.08

// emitPathways makes the patients with their referrals, pathways and
// appointments, and streams them in batches of about pathwayBatch
// pathways. Open and completed pathways are drawn without replacement from
// the remaining counts, so the totals are exact and the two kinds are
// mixed through the ID range as in a real system.
func (g *gen) emitPathways(batch func(*elective.LoadBatch) error, progress func(int, int)) error {
	total := g.open + g.completed
	openLeft, doneLeft := g.open, g.completed
	done := 0
	b := &elective.LoadBatch{}
	for done < total {
		si := g.weighted(specWeights)
		p := g.newPatient(si)
		b.Patients = append(b.Patients, p)
		n := 1
		if done+1 < total && g.chance(secondPathwayRate) {
			n = 2
		}
		for k := range n {
			if k == 1 {
				if si = g.secondSpecialty(p, si); si < 0 {
					break
				}
			}
			open := g.intn(openLeft+doneLeft) < openLeft
			if open {
				openLeft--
			} else {
				doneLeft--
			}
			g.pathway(b, p, si, open)
			done++
		}
		if len(b.Pathways) >= pathwayBatch || done == total {
			if err := batch(b); err != nil {
				return err
			}
			progress(done, total)
			b = &elective.LoadBatch{}
		}
	}
	return nil
}

// pathway makes one referral and its pathway for patient p in specialty
// si, and writes its history.
func (g *gen) pathway(b *elective.LoadBatch, p *elective.Patient, si int, open bool) {
	ref, pw, ci := g.newReferral(p, si)
	pb := &builder{g: g, b: b, pw: pw, ref: ref, spec: si, cons: ci}
	if open {
		pb.buildOpen()
	} else {
		pb.buildCompleted()
	}
	b.Referrals = append(b.Referrals, ref)
	b.Pathways = append(b.Pathways, pw)
	if p.CreatedAt.IsZero() || ref.CreatedAt.Before(p.CreatedAt) {
		p.CreatedAt = ref.CreatedAt // registered with their first referral
	}
}
