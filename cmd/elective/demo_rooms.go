package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// loadDemoRooms gives the demo hospital its rooms: one clinic room for
// every room the clinic templates name at a site (so each clinic session
// reserves its room), a seminar room at each site with today's MDT booked
// in it, and a few claims awaiting approval for the rota team's doctors
// (mileage, an expense, a bank request). Rooms that exist already are
// kept, so running it again adds no room. It returns the rooms added.
func loadDemoRooms(ctx context.Context, db *store.DB, today elective.Date) (int, error) {
	sites, err := store.NewOrganisationService(db).FindSites(ctx)
	if err != nil {
		return 0, err
	}
	templates, err := store.NewClinicService(db).FindClinicTemplates(ctx, 0)
	if err != nil {
		return 0, err
	}
	rooms := store.NewRoomService(db)
	have, err := rooms.FindRooms(ctx)
	if err != nil {
		return 0, err
	}
	held := func(siteID int64, name string) bool {
		for _, r := range have {
			if r.Holds(siteID, name) {
				return true
			}
		}
		return false
	}
	siteCode := map[int64]string{}
	for _, s := range sites {
		siteCode[s.ID] = s.Code
	}
	added := 0
	add := func(r *elective.Room) error {
		if held(r.SiteID, r.Name) {
			return nil
		}
		if err := rooms.CreateRoom(ctx, r); err != nil {
			return fmt.Errorf("add room %s: %w", r.Name, err)
		}
		have = append(have, r)
		added++
		return nil
	}
	for _, t := range templates {
		if strings.TrimSpace(t.Room) == "" {
			continue
		}
		r := &elective.Room{SiteID: t.SiteID, Code: roomCode(siteCode[t.SiteID], t.Room), Name: t.Room,
			Location: "Outpatients", Kind: elective.RoomClinic, Capacity: 3}
		if err := add(r); err != nil {
			return added, err
		}
	}
	for _, s := range sites {
		r := &elective.Room{SiteID: s.ID, Code: roomCode(s.Code, "Seminar room"), Name: "Seminar room",
			Location: "Education centre", Kind: elective.RoomMeeting, Capacity: 20}
		before := added
		if err := add(r); err != nil {
			return added, err
		}
		if added > before {
			mdt := &elective.RoomBooking{RoomID: r.ID, Start: today.At(12, 30, london()), End: today.At(13, 30, london()),
				Purpose: "Multidisciplinary team meeting", BookedBy: "Surgical directorate"}
			if err := rooms.BookRoom(ctx, mdt); err != nil && elective.ErrorCode(err) != elective.EINVALID {
				return added, fmt.Errorf("book the MDT: %w", err)
			}
		}
	}
	if added > 0 {
		return added, loadDemoClaims(ctx, db, today)
	}
	return added, nil
}

// loadDemoClaims submits a few claims for the rota team's doctors, for
// the booking manager to approve.
func loadDemoClaims(ctx context.Context, db *store.DB, today elective.Date) error {
	staff, err := store.NewStaffService(db).FindStaff(ctx, elective.StaffFilter{Team: demoRotaTeam, ActiveOnly: true})
	if err != nil || len(staff) < 2 {
		return err // no rota team: no claims
	}
	sat := today.AddDays((int(6-today.Weekday()) + 7) % 7)
	claims := []*elective.Claim{
		{Kind: elective.ClaimMileage, StaffID: staff[0].ID, Date: today, Miles: 38, Note: "Community clinic and back"},
		{Kind: elective.ClaimExpense, StaffID: staff[1].ID, Date: today, ExpenseType: "Course fee", AmountPence: 45000,
			Receipt: "ALS-2026-114", Note: "ALS recertification"},
		{Kind: elective.ClaimBank, Date: sat, Start: sat.At(20, 0, london()), End: sat.AddDays(1).At(8, 0, london()),
			Grade: "ST4", Reason: "Sickness on the night rota"},
	}
	svc := store.NewClaimService(db)
	for _, c := range claims {
		if err := svc.SubmitClaim(ctx, c); err != nil {
			return fmt.Errorf("submit a demo %s claim: %w", c.Kind, err)
		}
	}
	return nil
}

// roomCode makes a room code from the site's code and the room's name:
// "RXX01-OPD-1".
func roomCode(site, name string) string {
	var b strings.Builder
	dash := true
	for _, c := range strings.ToUpper(name) {
		switch {
		case c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	return site + "-" + strings.TrimSuffix(b.String(), "-")
}
