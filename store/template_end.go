package store

import (
	"context"
	"time"

	"github.com/openelective/elective"
)

// PreviewTemplateEnd lists the sessions ending a template after last would
// cancel, with the patients each would displace.
func (s *CascadeService) PreviewTemplateEnd(ctx context.Context, templateID int64, last elective.Date) (*elective.TemplateChange, error) {
	if err := authorize(ctx, elective.ActionManageClinics); err != nil {
		return nil, err
	}
	var tc *elective.TemplateChange
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if tc, err = tx.templateChange(templateID, last); err != nil {
			return err
		}
		return tx.audit("template.preview-end", 0, "template="+itoa64(templateID)+" displaced="+itoa(tc.Displaced))
	})
	return tc, err
}

// templateChange reads the template's open sessions after last that have
// not started, each as a session change.
func (tx *Tx) templateChange(templateID int64, last elective.Date) (*elective.TemplateChange, error) {
	var from elective.Date
	if err := tx.queryRow(`SELECT effective_from FROM clinic_template WHERE id = ?`, templateID).Scan(dateCol{&from}); err != nil {
		return nil, notFound(err, "There is no such clinic template")
	}
	if last.Before(from) {
		return nil, elective.Errorf(elective.EINVALID, "The last clinic cannot be before the template starts on %s", from.Format("2 Jan 2006"))
	}
	rows, err := tx.query(`SELECT id FROM clinic_session WHERE template_id = ? AND session_date > ? AND status = ? AND start_at > ?
		ORDER BY start_at`, templateID, last, elective.SessionOpen, tx.now)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	tc := &elective.TemplateChange{NoticeDays: tx.db.Policy.ChangeNoticeDays}
	for _, id := range ids {
		ch, err := tx.sessionChange(id, time.Time{})
		if err != nil {
			return nil, err
		}
		tc.Sessions = append(tc.Sessions, ch)
		tc.NeedsApproval = tc.NeedsApproval || ch.NeedsApproval
		tc.Displaced += len(ch.Appointments)
	}
	return tc, nil
}

// EndTemplate ends the template and cancels its later sessions.
func (s *CascadeService) EndTemplate(ctx context.Context, e *elective.TemplateEnd) (int, error) {
	if err := authorize(ctx, elective.ActionManageClinics); err != nil {
		return 0, err
	}
	if err := e.Validate(s.db.today(s.db.Now())); err != nil {
		return 0, err
	}
	var n int
	err := s.db.update(ctx, func(tx *Tx) error {
		tc, err := tx.templateChange(e.TemplateID, e.Last)
		if err != nil {
			return err
		}
		if err := tx.checkApproval(tc.NeedsApproval, "Ending this clinic cancels sessions less than %d days away: that", tc.NoticeDays); err != nil {
			return err
		}
		for _, ch := range tc.Sessions {
			c := &elective.SessionCancellation{SessionID: ch.Session.ID, Reason: e.Reason, Note: e.Note}
			if err := tx.displace(c, ch, "Clinic ended"); err != nil {
				return err
			}
		}
		if _, err := tx.exec(`UPDATE clinic_template SET effective_to = ? WHERE id = ?`, e.Last, e.TemplateID); err != nil {
			return err
		}
		n = tc.Displaced
		return tx.audit("template.end", 0, "template="+itoa64(e.TemplateID)+" last="+e.Last.String()+" sessions="+
			itoa(len(tc.Sessions))+" displaced="+itoa(n))
	})
	return n, err
}
