// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// HasExternal reports whether an external ticket system (a Deliverer, e.g.
// Jira) is configured, i.e. whether Redeliver can do anything.
func (s *Service) HasExternal() bool { return s.deliverer != nil }

// Redeliver asks the outbox to send the ticket to the external system now,
// on behalf of actor (audited as "ticket.push_jira"):
//
//   - a ticket without external key and without a pending "deliver" row
//     (e.g. one created before Jira was configured) gets a new row, due now;
//   - a pending row (waiting for its next attempt after failures) is made
//     due now; its attempt count is kept;
//   - a ticket that has an external key already gives an error wrapping
//     ErrConflict whose message names the key.
//
// Without a Deliverer it returns ErrNoExternal; an unknown ID gives
// ErrNotFound. The check and the change are one transaction, and a row that
// a worker is handling is never handed to a second one, so the ticket still
// reaches the external system exactly once, even if Redeliver is called
// while a delivery is in flight.
func (s *Service) Redeliver(ctx context.Context, ticketID int64, actor string) error {
	if s.deliverer == nil {
		return fmt.Errorf("ticketing: redeliver ticket %d: %w", ticketID, ErrNoExternal)
	}
	now := s.now()
	r, err := s.store.requeueDelivery(ctx, ticketID, now)
	if err != nil {
		return err
	}
	if r.externalKey != "" {
		return fmt.Errorf("ticketing: redeliver %s: %w", r.key, &StateError{Code: StateInExternal, ExternalKey: r.externalKey, kind: ErrConflict})
	}
	s.outbox.Kick()
	detail := "neue Übermittlung eingereiht"
	if !r.inserted {
		detail = fmt.Sprintf("wartende Übermittlung sofort fällig (bisher %d Versuch(e))", r.attempts)
	}
	s.audit(ctx, actor, "ticket.push_jira", r.key, detail)
	return nil
}

// requeued is the outcome of requeueDelivery.
type requeued struct {
	key         string // local key of the ticket
	externalKey string // set when the ticket is delivered already: nothing changed
	inserted    bool   // a new row was added (else a pending one was made due)
	attempts    int    // attempts of the pending row so far
}

// requeueDelivery makes the ticket's pending "deliver" row due at now, or
// inserts one when there is none, in one transaction; a ticket with an
// external key is left alone and its key returned.
func (s *Store) requeueDelivery(ctx context.Context, ticketID int64, now time.Time) (requeued, error) {
	var r requeued
	err := s.tx(ctx, func(tx *dbTx) error {
		err := tx.QueryRowContext(ctx, `SELECT key, external_key FROM tickets WHERE id = ?`, ticketID).Scan(&r.key, &r.externalKey)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil || r.externalKey != "" {
			return err
		}
		var rowID int64
		err = tx.QueryRowContext(ctx, `SELECT id, attempts FROM outbox
			WHERE ticket_id = ? AND action = ? AND delivered_at = 0 AND failed = 0 ORDER BY id LIMIT 1`,
			ticketID, actionDeliver).Scan(&rowID, &r.attempts)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			r.inserted = true
			_, err = tx.ExecContext(ctx, `INSERT INTO outbox (ticket_id, action, next_attempt_at, created_at) VALUES (?, ?, ?, ?)`,
				ticketID, actionDeliver, ts(now), ts(now))
			return err
		case err != nil:
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE outbox SET next_attempt_at = CASE WHEN next_attempt_at > ? THEN ? ELSE next_attempt_at END WHERE id = ?`, ts(now), ts(now), rowID)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return requeued{}, err
	}
	if err != nil {
		return requeued{}, fmt.Errorf("ticketing: requeue delivery of ticket %d: %w", ticketID, err)
	}
	return r, nil
}
