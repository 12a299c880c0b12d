package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// FindTheatreTemplate returns one template with its exceptions.
func (s *TheatreTemplateService) FindTheatreTemplate(ctx context.Context, id int64) (*elective.TheatreTemplate, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	var out *elective.TheatreTemplate
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.findTemplate(id)
		return err
	})
	return out, err
}

// PreviewTheatreTemplateEdit works out what an edit would do, changing
// nothing. It reads the booked cases of the lists, so it is audited as a
// read of patient records.
func (s *TheatreTemplateService) PreviewTheatreTemplateEdit(ctx context.Context, e elective.TheatreTemplateEdit) (*elective.TheatreTemplateEditPreview, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	var out *elective.TheatreTemplateEditPreview
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if out, err = tx.templateEditPreview(e); err != nil {
			return err
		}
		return tx.audit("theatre.template-edit-preview", 0, "template="+itoa64(e.TemplateID)+" from="+e.ApplyFrom.String()+
			" sessions="+itoa(len(out.Sessions))+" broken="+itoa(out.BrokenCount(true)))
	})
	return out, err
}

// templateEditPreview checks an edit (the fields, the references and a
// clash with the theatre's other templates) and plans it over the
// template's lists (theatre.PlanTemplateEdit), marking each list the new
// theatre or times would put on top of another.
func (tx *Tx) templateEditPreview(e elective.TheatreTemplateEdit) (*elective.TheatreTemplateEditPreview, error) {
	t, err := tx.findTemplate(e.TemplateID)
	if err != nil {
		return nil, err
	}
	today := tx.today()
	if err := e.Validate(t, today); err != nil {
		return nil, err
	}
	to := e.Apply(t)
	if err := tx.checkTemplateRefs(to); err != nil {
		return nil, resummarise(err, "The template was not changed: check the fields marked")
	}
	if to.TheatreID != t.TheatreID || to.Period != t.Period || to.StartMinute != t.StartMinute || to.Minutes != t.Minutes {
		if err := tx.templateClash(to, e.ApplyFrom); err != nil {
			return nil, err
		}
	}
	if err := tx.joinTemplateNames(to); err != nil {
		return nil, err
	}
	ss, err := tx.findSessions(true, sessionSelect+` WHERE s.template_id = ? AND s.session_date > ? AND s.session_date >= ?
		AND s.status <> ? ORDER BY s.session_date`, t.ID, today, e.ApplyFrom, elective.SessionReleased)
	if err != nil {
		return nil, err
	}
	res, err := tx.theatreResources()
	if err != nil {
		return nil, err
	}
	p := &elective.TheatreTemplateEditPreview{Template: t, Edited: to, ApplyFrom: e.ApplyFrom, Changes: elective.TemplateChanges(t, to),
		Sessions: theatre.PlanTemplateEdit(t, to, ss, e.ApplyFrom, today, tx.milestones(), res)}
	for _, se := range p.Sessions {
		if !theatre.MovesList(se) {
			continue
		}
		if busy, err := tx.theatreBusy(se.Edited, se.Session.ID); err != nil {
			return nil, err
		} else if busy {
			se.Clash = "The theatre already has a list at the new time"
		}
	}
	if last := e.ApplyFrom.AddDays(-1); !last.Before(today) {
		missing, err := tx.missingTemplateSessions(t, today, last)
		if err != nil {
			return nil, err
		}
		p.Made = len(missing)
	}
	return p, nil
}

// joinTemplateNames names the theatre, specialty and surgeon of an edited
// template, for the preview and for the lists' cases to be checked by.
func (tx *Tx) joinTemplateNames(t *elective.TheatreTemplate) error {
	if err := tx.queryRow(`SELECT name FROM theatre WHERE id = ?`, t.TheatreID).Scan(&t.TheatreName); err != nil {
		return err
	}
	if err := tx.queryRow(`SELECT name FROM specialty WHERE id = ?`, t.SpecialtyID).Scan(&t.SpecialtyName); err != nil {
		return err
	}
	t.SurgeonName = ""
	if t.SurgeonID == 0 {
		return nil
	}
	c := &elective.Clinician{}
	if err := tx.queryRow(`SELECT title, given_name, family_name FROM clinician WHERE id = ?`, t.SurgeonID).Scan(&c.Title,
		&c.GivenName, &c.FamilyName); err != nil {
		return err
	}
	t.SurgeonName = c.DisplayName()
	return nil
}

// EditTheatreTemplate saves an edit in one transaction: the lists before
// the apply-from date not yet made are made first with the old details,
// the booked cases staff agreed to take off come off (back to waiting),
// each list the edit reaches is changed (locked ones only with a booking
// manager's reason, audited as an override) and the template takes the
// new details for the lists it makes from now on. A case that would no
// longer fit and was not agreed, or a list whose theatre is in use at the
// new time, refuses the whole edit (theatre.CheckTemplateEdit).
func (s *TheatreTemplateService) EditTheatreTemplate(ctx context.Context, e elective.TheatreTemplateEdit) (*elective.TheatreTemplateEdited, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	e.Reason, e.Override = strings.TrimSpace(e.Reason), strings.TrimSpace(e.Override)
	var out *elective.TheatreTemplateEdited
	err := s.db.update(ctx, func(tx *Tx) error {
		if err := tx.lockTemplateEdit(e); err != nil {
			return err
		}
		p, err := tx.templateEditPreview(e)
		if err != nil {
			return err
		}
		if err := tx.checkEditConfirmed(p, e); err != nil {
			return err
		}
		out, err = tx.applyTemplateEdit(p, e)
		return err
	})
	return out, err
}

// lockTemplateEdit takes, on PostgreSQL, the row locks an edit needs
// before it reads anything: the template's (two edits of one template
// wait for each other), the theatres' in id order (as for a new template)
// and the template's lists from the apply-from date (a case booked on one
// meanwhile is checked against the new details).
func (tx *Tx) lockTemplateEdit(e elective.TheatreTemplateEdit) error {
	if tx.db.dialect != Postgres {
		return nil
	}
	if err := tx.lockRow("theatre_template", e.TemplateID); err != nil {
		return err
	}
	var was int64
	if err := tx.queryRow(`SELECT theatre_id FROM theatre_template WHERE id = ?`, e.TemplateID).Scan(&was); err != nil {
		return notFound(err, "There is no such theatre template")
	}
	for _, id := range []int64{min(was, e.TheatreID), max(was, e.TheatreID)} {
		if err := tx.lockTheatre(id); err != nil {
			return err
		}
	}
	_, err := tx.exec(`SELECT id FROM theatre_session WHERE template_id = ? AND session_date >= ? ORDER BY id FOR UPDATE`,
		e.TemplateID, e.ApplyFrom)
	return err
}

// checkEditConfirmed refuses an edit staff have not confirmed in full:
// locked lists included without a booking manager's reason, a broken case
// not agreed to come off (or a list in use at the new time), or cases to
// take off with no reason.
func (tx *Tx) checkEditConfirmed(p *elective.TheatreTemplateEditPreview, e elective.TheatreTemplateEdit) error {
	if e.IncludeLocked && p.LockedCount() > 0 {
		if err := authorize(tx.ctx, elective.ActionOverrideLockedList); err != nil {
			return elective.Errorf(elective.EFORBIDDEN, "Locked lists can only be changed by a booking manager")
		}
		if e.Override == "" {
			var pr elective.Problems
			pr.Add("override", "Give the manager's reason for changing the locked lists")
			return pr.Err("The template was not changed: check the fields marked")
		}
	}
	if err := theatre.CheckTemplateEdit(p, e.IncludeLocked, e.TakeOff); err != nil {
		return err
	}
	if p.BrokenCount(e.IncludeLocked) > 0 && e.Reason == "" {
		var pr elective.Problems
		pr.Add("reason", "Say why the cases come off their lists")
		return pr.Err("The template was not changed: check the fields marked")
	}
	return nil
}

// applyTemplateEdit writes a checked, confirmed edit.
func (tx *Tx) applyTemplateEdit(p *elective.TheatreTemplateEditPreview, e elective.TheatreTemplateEdit) (*elective.TheatreTemplateEdited, error) {
	out := &elective.TheatreTemplateEdited{LockedLeft: p.LockedCount()}
	if last := e.ApplyFrom.AddDays(-1); !last.Before(tx.today()) {
		var err error
		if out.Made, err = tx.generateFromTemplate(p.Template, tx.today(), last); err != nil {
			return nil, err
		}
	}
	for _, se := range p.Applied(e.IncludeLocked) {
		override := ""
		if se.Locked {
			override, out.LockedLeft = e.Override, out.LockedLeft-1
		}
		for _, b := range se.Broken {
			if err := tx.unscheduleCase(b.Case.ID, e.Reason, override); err != nil {
				return nil, err
			}
			out.TakenOff++
		}
		if err := tx.updateTemplateSession(se.Edited); err != nil {
			return nil, err
		}
		if se.Locked {
			if err := tx.audit("theatre.override", 0, "session="+itoa64(se.Session.ID)+" template edit reason="+override); err != nil {
				return nil, err
			}
		}
		out.Changed++
	}
	if err := tx.updateTemplate(p.Edited); err != nil {
		return nil, err
	}
	return out, tx.audit("theatre.template-edit", 0, "template="+itoa64(p.Template.ID)+" from="+e.ApplyFrom.String()+
		" changes="+strings.Join(p.Changes, ",")+" changed="+itoa(out.Changed)+" locked-left="+itoa(out.LockedLeft)+
		" taken-off="+itoa(out.TakenOff)+" made="+itoa(out.Made))
}

// updateTemplateSession writes a list's new details.
func (tx *Tx) updateTemplateSession(s *elective.TheatreSession) error {
	_, err := tx.exec(`UPDATE theatre_session SET theatre_id = ?, specialty_id = ?, period = ?, start_minute = ?, minutes = ?,
		surgeon_id = ?, anaesthetist = ?, list_type = ?, kit = ?, surgeon_confirmed = ?, anaesthetist_confirmed = ? WHERE id = ?`,
		s.TheatreID, s.SpecialtyID, s.Period, s.StartMinute, s.Minutes, nullID(s.SurgeonID), s.Anaesthetist, s.ListType,
		joinKit(s.Kit), s.SurgeonConfirmed, s.AnaesthetistConfirmed, s.ID)
	if isUniqueViolation(err) {
		return elective.Errorf(elective.ECONFLICT, "The theatre already has a list at the new time on %s", s.Date.Format("2 Jan 2006"))
	}
	return err
}

// updateTemplate writes a template's new details.
func (tx *Tx) updateTemplate(t *elective.TheatreTemplate) error {
	_, err := tx.exec(`UPDATE theatre_template SET theatre_id = ?, specialty_id = ?, surgeon_id = ?, anaesthetist = ?, period = ?,
		start_minute = ?, minutes = ?, list_type = ?, kit = ? WHERE id = ?`, t.TheatreID, t.SpecialtyID, nullID(t.SurgeonID),
		t.Anaesthetist, t.Period, t.StartMinute, t.Minutes, t.ListType, joinKit(t.Kit), t.ID)
	return err
}

// resummarise gives a form error another summary, keeping its fields.
func resummarise(err error, summary string) error {
	if fs := elective.ErrorFields(err); elective.ErrorCode(err) == elective.EINVALID && len(fs) > 0 {
		return elective.Problems(fs).Err(summary)
	}
	return err
}
