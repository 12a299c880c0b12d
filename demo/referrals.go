package demo

import (
	"github.com/openelective/elective"
)

// Organisations that pass patients on with their own PPIDs: a community
// musculoskeletal interface service and a neighbouring trust.
const (
	interfaceOrg = "NXX"
	transferOrg  = "RYY"
)

// sourceWeights are the shares of each referral source, in the order of
// referralSources: most referrals arrive through e-RS, a quarter on paper.
var (
	referralSources = []elective.ReferralSource{elective.SourceERS, elective.SourceERSASI, elective.SourcePaper,
		elective.SourceInterface, elective.SourceTransferIn, elective.SourceSelf}
	sourceWeights = []float64{0.60, 0.05, 0.28, 0.04, 0.02, 0.01}
)

// newReferral makes a referral to specialty si for patient p, and the
// pathway it opens, pointing at each other. Dates and events are left to
// the pathway builder.
func (g *gen) newReferral(p *elective.Patient, si int) (*elective.Referral, *elective.Pathway, int) {
	sp := &specialties[si]
	ci := pick(g, g.specCons[si])
	src := referralSources[g.weighted(sourceWeights)]
	ref := &elective.Referral{
		ID: next(&g.ids.referral), PatientID: p.ID, SpecialtyID: int64(si + 1),
		Source: src, Priority: g.priority(sp), ReferrerCode: p.GPPractice,
	}
	pw := &elective.Pathway{
		ID: next(&g.ids.pathway), PatientID: p.ID, ReferralID: ref.ID, SpecialtyID: ref.SpecialtyID,
		ClinicianID: g.clinicians[ci].ID, SiteID: g.sites[g.consultants[ci].site].ID, Priority: ref.Priority,
	}
	ref.PathwayID = pw.ID
	ref.Reason = pick(g, sp.reasons)
	if ref.Priority == elective.PriorityTwoWeekWait {
		ref.Reason = pick(g, sp.twwReasons)
	}
	switch {
	case src.IsERS():
		ref.UBRN = g.ubrn()
		ref.SiteID = pw.SiteID
		if g.chance(0.3) {
			ref.ClinicianID = pw.ClinicianID // a named-clinician service
		}
		pw.PPID, pw.PPIDIssuer = elective.NewPPID(g.cfg.OrgCode, ref.UBRN, pw.ID)
	case src == elective.SourceInterface:
		ref.ReferrerCode = interfaceOrg + "01"
		pw.PPID, pw.PPIDIssuer = elective.NewPPID(interfaceOrg, "", pw.ID)
		ref.PPID, ref.PPIDIssuer = pw.PPID, pw.PPIDIssuer
	case src == elective.SourceTransferIn:
		ref.ReferrerCode = transferOrg
		pw.PPID, pw.PPIDIssuer = elective.NewPPID(transferOrg, "", pw.ID)
		ref.PPID, ref.PPIDIssuer = pw.PPID, pw.PPIDIssuer
	default:
		pw.PPID, pw.PPIDIssuer = elective.NewPPID(g.cfg.OrgCode, "", pw.ID)
	}
	return ref, pw, ci
}

// priority draws the referral's priority: two-week wait only in the
// suspected-cancer specialties, urgent at the same rate everywhere.
func (g *gen) priority(sp *specialty) elective.Priority {
	r := g.rng.Float64()
	switch {
	case r < sp.tww:
		return elective.PriorityTwoWeekWait
	case r < sp.tww+urgentShare:
		return elective.PriorityUrgent
	}
	return elective.PriorityRoutine
}
