// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

func outageTarget(id int64) string { return "outage:" + strconv.FormatInt(id, 10) }

// CreateOutage registers a known outage on behalf of actor (audited). It
// needs a service from the catalog and a title; Start defaults to now and
// the outage is active.
func (s *Service) CreateOutage(ctx context.Context, o Outage, actor string) (Outage, error) {
	if err := s.validOutage(o); err != nil {
		return Outage{}, err
	}
	if o.Start.IsZero() {
		o.Start = s.now()
	}
	o.Active, o.Affected, o.End = true, 0, time.Time{}
	err := s.store.tx(ctx, func(tx *dbTx) error { return insertOutage(ctx, tx, &o) })
	if err != nil {
		return Outage{}, fmt.Errorf("ticketing: create outage: %w", err)
	}
	s.audit(ctx, actor, "outage.create", outageTarget(o.ID), o.Service+": "+o.Title)
	return s.store.outage(ctx, o.ID)
}

func (s *Service) validOutage(o Outage) error {
	if _, ok := s.catalog.Service(o.Service); !ok {
		return fmt.Errorf("ticketing: outage: %w: unknown service %q", ErrInvalid, o.Service)
	}
	if strings.TrimSpace(o.Title) == "" {
		return fmt.Errorf("ticketing: outage: %w: title required", ErrInvalid)
	}
	return nil
}

// UpdateOutage changes service, title, public message and ETA of an
// outage (audited). The affected count, start, end and active flag are
// kept; use CloseOutage to end it.
func (s *Service) UpdateOutage(ctx context.Context, o Outage, actor string) (Outage, error) {
	if err := s.validOutage(o); err != nil {
		return Outage{}, err
	}
	cur, err := s.store.outage(ctx, o.ID)
	if err != nil {
		return Outage{}, err
	}
	cur.Service, cur.Title, cur.PublicMessage, cur.ETA = o.Service, o.Title, o.PublicMessage, o.ETA
	if err := s.store.updateOutage(ctx, cur); err != nil {
		return Outage{}, err
	}
	s.audit(ctx, actor, "outage.update", outageTarget(o.ID), o.Title)
	return s.store.outage(ctx, o.ID)
}

// CloseOutage ends an outage now (audited); new reports for the service
// open tickets again. Closing a closed outage is a no-op.
func (s *Service) CloseOutage(ctx context.Context, id int64, actor string) (Outage, error) {
	o, err := s.store.outage(ctx, id)
	if err != nil {
		return Outage{}, err
	}
	if !o.Active {
		return o, nil
	}
	o.Active, o.End = false, s.now()
	if err := s.store.updateOutage(ctx, o); err != nil {
		return Outage{}, err
	}
	s.audit(ctx, actor, "outage.close", outageTarget(id), fmt.Sprintf("%d affected", o.Affected))
	return s.store.outage(ctx, id)
}

// GetOutage returns the outage with the ID, or ErrNotFound.
func (s *Service) GetOutage(ctx context.Context, id int64) (Outage, error) {
	return s.store.outage(ctx, id)
}

// ActiveOutages returns the active outages, newest first.
func (s *Service) ActiveOutages(ctx context.Context) ([]Outage, error) {
	return s.store.queryOutages(ctx, `SELECT `+outageColumns+` FROM outages WHERE active = 1 ORDER BY start_at DESC, id DESC`)
}

// ListOutages returns the most recent outages, active or not, newest
// first; limit <= 0 means 100.
func (s *Service) ListOutages(ctx context.Context, limit int) ([]Outage, error) {
	if limit <= 0 {
		limit = 100
	}
	return s.store.queryOutages(ctx, `SELECT `+outageColumns+` FROM outages ORDER BY start_at DESC, id DESC LIMIT ?`, limit)
}

// activeOutageFor returns the newest active outage of the service that is
// not in skip.
func (s *Service) activeOutageFor(ctx context.Context, service string, skip map[int64]bool) (Outage, bool, error) {
	os, err := s.store.queryOutages(ctx, `SELECT `+outageColumns+` FROM outages WHERE active = 1 AND service = ? ORDER BY start_at DESC, id DESC`, service)
	if err != nil {
		return Outage{}, false, err
	}
	for _, o := range os {
		if !skip[o.ID] {
			return o, true, nil
		}
	}
	return Outage{}, false, nil
}

// linkAffected counts a reporter (conversation or user) as affected by an
// outage, once per reporter, and returns the updated outage.
func (s *Service) linkAffected(ctx context.Context, outageID int64, reporter, userID string, ticketID int64) (Outage, error) {
	err := s.store.tx(ctx, func(tx *dbTx) error {
		_, err := addAffected(ctx, tx, outageID, reporter, userID, ticketID, s.now())
		return err
	})
	if err != nil {
		return Outage{}, fmt.Errorf("ticketing: link reporter to outage %d: %w", outageID, err)
	}
	return s.store.outage(ctx, outageID)
}

// MarkMajorIncident promotes an incident ticket to a known outage (audited):
// it creates an active outage for the ticket's service, with the ticket's
// summary as title, links the ticket and counts its reporter as affected.
// Later reports for the service are then linked instead of opening tickets.
// A ticket that is linked already returns its outage.
func (s *Service) MarkMajorIncident(ctx context.Context, ticketID int64, actor string) (Outage, error) {
	t, err := s.store.ticketByID(ctx, ticketID)
	if err != nil {
		return Outage{}, err
	}
	if t.OutageID != 0 {
		return s.store.outage(ctx, t.OutageID)
	}
	if _, ok := s.catalog.Service(t.Service); !ok {
		return Outage{}, fmt.Errorf("ticketing: major incident %s: %w: ticket has no IT service", t.Key, ErrInvalid)
	}
	now := s.now()
	o := Outage{Service: t.Service, Title: t.Summary, Start: now, Active: true}
	err = s.store.tx(ctx, func(tx *dbTx) error {
		if err := insertOutage(ctx, tx, &o); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tickets SET outage_id = ?, updated_at = ? WHERE id = ?`, o.ID, ts(now), t.ID); err != nil {
			return err
		}
		_, err := addAffected(ctx, tx, o.ID, reporterKey(t), t.ReporterID, t.ID, now)
		return err
	})
	if err != nil {
		return Outage{}, fmt.Errorf("ticketing: major incident %s: %w", t.Key, err)
	}
	s.audit(ctx, actor, "ticket.major_incident", t.Key, outageTarget(o.ID))
	return s.store.outage(ctx, o.ID)
}

// reporterKey names the person behind a ticket in outage_affected the way
// the intake does: the conversation, else the authenticated user, else the
// ticket itself. A reporter is counted once per outage.
func reporterKey(t Ticket) string {
	switch {
	case t.ConversationID != "":
		return t.ConversationID
	case t.ReporterID != "":
		return "user:" + t.ReporterID
	}
	return "ticket:" + t.Key
}

// LinkOutage links a ticket to a known, active outage on behalf of actor
// (audited as "ticket.link_outage"): it sets the ticket's OutageID and
// counts its reporter as affected, once per reporter as the intake does,
// in one transaction. It returns the updated ticket.
//
// Linking to the outage the ticket is linked to already changes nothing.
// An unknown or closed outage gives ErrInvalid; a ticket linked to another
// outage that is still active gives ErrConflict (once that outage is
// closed, the ticket may be linked anew; the closed outage keeps its
// count). An unknown ticket gives ErrNotFound. The messages after the
// error prefixes are German and safe to show to a desk user.
func (s *Service) LinkOutage(ctx context.Context, ticketID, outageID int64, actor string) (Ticket, error) {
	now := s.now()
	var (
		t     Ticket
		o     Outage
		same  bool
		added bool
	)
	err := s.store.tx(ctx, func(tx *dbTx) error {
		var err error
		t, err = scanTicket(tx.QueryRowContext(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE id = ?`, ticketID))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		o, err = scanOutage(tx.QueryRowContext(ctx, `SELECT `+outageColumns+` FROM outages WHERE id = ?`, outageID))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return &StateError{Code: StateOutageUnknown, Outage: outageID, kind: ErrInvalid}
		case err != nil:
			return err
		case t.OutageID == outageID:
			same = true
			return nil
		case !o.Active:
			return &StateError{Code: StateOutageClosed, Outage: outageID, kind: ErrInvalid}
		}
		if t.OutageID != 0 {
			var active int
			err := tx.QueryRowContext(ctx, `SELECT active FROM outages WHERE id = ?`, t.OutageID).Scan(&active)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if active != 0 {
				return &StateError{Code: StateLinkedActive, Outage: t.OutageID, kind: ErrConflict}
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tickets SET outage_id = ?, updated_at = ? WHERE id = ?`, outageID, ts(now), t.ID); err != nil {
			return err
		}
		added, err = addAffected(ctx, tx, outageID, reporterKey(t), t.ReporterID, t.ID, now)
		return err
	})
	switch {
	case errors.Is(err, ErrNotFound):
		return Ticket{}, err
	case err != nil && t.Key != "":
		return Ticket{}, fmt.Errorf("ticketing: link %s to outage %d: %w", t.Key, outageID, err)
	case err != nil:
		return Ticket{}, fmt.Errorf("ticketing: link ticket %d to outage %d: %w", ticketID, outageID, err)
	case same:
		return t, nil
	}
	detail := fmt.Sprintf("%s (%s): meldende Person neu als betroffen gezählt", outageTarget(outageID), o.Title)
	if !added {
		detail = fmt.Sprintf("%s (%s): meldende Person war schon als betroffen gezählt", outageTarget(outageID), o.Title)
	}
	s.audit(ctx, actor, "ticket.link_outage", t.Key, detail)
	return s.store.ticketByID(ctx, ticketID)
}
