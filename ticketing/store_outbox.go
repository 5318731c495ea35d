// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Outbox actions.
const (
	actionDeliver = "deliver" // send the ticket to the Deliverer
	actionNotify  = "notify"  // POST the P1 webhook
	actionMail    = "mail"    // send the mail Ref to the ticket's contact
)

// OutboxEntry is one pending or finished side effect of a ticket, as the
// desk and the metrics see it.
type OutboxEntry struct {
	ID            int64
	TicketID      int64
	TicketKey     string
	Action        string // "deliver" or "notify"
	Attempts      int
	LastError     string
	NextAttemptAt time.Time
	CreatedAt     time.Time
	DeliveredAt   time.Time // zero while pending
	Failed        bool      // given up (only notifications expire)
	Ref           int64     // the mail of a "mail" entry
}

// Age is how long the entry has been waiting at now.
func (e OutboxEntry) Age(now time.Time) time.Duration { return now.Sub(e.CreatedAt) }

const outboxColumns = `o.id, o.ticket_id, t.key, o.action, o.attempts, o.last_error,
	o.next_attempt_at, o.created_at, o.delivered_at, o.failed, o.ref`

func scanOutbox(r rowScanner) (OutboxEntry, error) {
	var e OutboxEntry
	var next, created, delivered int64
	var failed int
	if err := r.Scan(&e.ID, &e.TicketID, &e.TicketKey, &e.Action, &e.Attempts, &e.LastError,
		&next, &created, &delivered, &failed, &e.Ref); err != nil {
		return OutboxEntry{}, err
	}
	e.NextAttemptAt, e.CreatedAt, e.DeliveredAt, e.Failed = fromTS(next), fromTS(created), fromTS(delivered), failed != 0
	return e, nil
}

func (s *Store) queryOutbox(ctx context.Context, query string, args ...any) ([]OutboxEntry, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("ticketing: read outbox: %w", err)
	}
	defer rows.Close()
	var out []OutboxEntry
	for rows.Next() {
		e, err := scanOutbox(rows)
		if err != nil {
			return nil, fmt.Errorf("ticketing: read outbox: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// claimOutbox claims up to limit pending entries with one of the actions
// that are due at now for the instance owner until leaseUntil, and returns
// them oldest first. On PostgreSQL rows that another instance holds (its
// lease has not ended) are left alone, and the selection skips rows that a
// concurrent claim has locked (FOR UPDATE SKIP LOCKED), so two instances
// never claim the same row; a crashed instance's rows are claimed again
// once its lease has ended. On SQLite (one instance) leases are written
// but not honoured: a claim from before a restart is void.
func (s *Store) claimOutbox(ctx context.Context, now time.Time, actions []string, limit int, owner string, leaseUntil time.Time) ([]OutboxEntry, error) {
	if len(actions) == 0 {
		return nil, nil
	}
	args := []any{owner, ts(leaseUntil), ts(now)}
	for _, a := range actions {
		args = append(args, a)
	}
	args = append(args, boolInt(s.d.leases), ts(now), limit)
	rows, err := s.db.QueryContext(ctx, `UPDATE outbox SET claimed_by = ?, lease_until = ?
		WHERE id IN (SELECT id FROM outbox WHERE delivered_at = 0 AND failed = 0 AND next_attempt_at <= ?
			AND action IN (`+placeholders(len(actions))+`) AND (? = 0 OR lease_until <= ?)
			ORDER BY next_attempt_at, id LIMIT ?`+s.d.skipLocked+`)
		RETURNING id`, args...)
	if err != nil {
		return nil, fmt.Errorf("ticketing: claim outbox rows: %w", err)
	}
	var ids []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("ticketing: claim outbox rows: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ticketing: claim outbox rows: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return s.queryOutbox(ctx, `SELECT `+outboxColumns+` FROM outbox o JOIN tickets t ON t.id = o.ticket_id
		WHERE o.id IN (`+placeholders(len(ids))+`) ORDER BY o.next_attempt_at, o.id`, ids...)
}

// renewOutbox extends owner's claim on a pending entry until leaseUntil
// (the start of an attempt); false when the entry is done or another
// instance holds it now.
func (s *Store) renewOutbox(ctx context.Context, id int64, owner string, leaseUntil time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE outbox SET lease_until = ? WHERE id = ? AND claimed_by = ? AND delivered_at = 0 AND failed = 0`,
		ts(leaseUntil), id, owner)
	if err != nil {
		return false, fmt.Errorf("ticketing: renew outbox %d: %w", id, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// releaseOutbox gives up owner's claim on an entry (an attempt aborted by
// shutdown), so that another instance may take it at once.
func (s *Store) releaseOutbox(ctx context.Context, id int64, owner string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE outbox SET claimed_by = '', lease_until = 0 WHERE id = ? AND claimed_by = ?`, id, owner)
	if err != nil {
		return fmt.Errorf("ticketing: release outbox %d: %w", id, err)
	}
	return nil
}

// outboxEntry returns one outbox entry by ID.
func (s *Store) outboxEntry(ctx context.Context, id int64) (OutboxEntry, error) {
	es, err := s.queryOutbox(ctx, `SELECT `+outboxColumns+` FROM outbox o JOIN tickets t ON t.id = o.ticket_id WHERE o.id = ?`, id)
	if err != nil {
		return OutboxEntry{}, err
	}
	if len(es) == 0 {
		return OutboxEntry{}, ErrNotFound
	}
	return es[0], nil
}

// ListOutbox returns the pending entries (attempts, last error, age) for
// the desk, oldest first.
func (s *Store) ListOutbox(ctx context.Context) ([]OutboxEntry, error) {
	return s.queryOutbox(ctx, `SELECT `+outboxColumns+` FROM outbox o JOIN tickets t ON t.id = o.ticket_id
		WHERE o.delivered_at = 0 AND o.failed = 0 ORDER BY o.created_at, o.id`)
}

// nextOutboxDue returns the earliest next attempt of a pending entry with
// one of the actions, ignoring the entries in skip (in flight).
func (s *Store) nextOutboxDue(ctx context.Context, actions []string, skip []int64) (time.Time, bool, error) {
	if len(actions) == 0 {
		return time.Time{}, false, nil
	}
	var args []any
	for _, a := range actions {
		args = append(args, a)
	}
	// A row that another instance holds is due again when its lease ends.
	args = append([]any{boolInt(s.d.leases)}, args...)
	q := `SELECT MIN(CASE WHEN ? = 1 AND lease_until > next_attempt_at THEN lease_until ELSE next_attempt_at END)
		FROM outbox WHERE delivered_at = 0 AND failed = 0 AND action IN (` + placeholders(len(actions)) + `)`
	if len(skip) > 0 {
		q += ` AND id NOT IN (` + placeholders(len(skip)) + `)`
		for _, id := range skip {
			args = append(args, id)
		}
	}
	var n sql.NullInt64
	err := s.db.QueryRowContext(ctx, q, args...).Scan(&n)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("ticketing: read outbox: %w", err)
	}
	if !n.Valid {
		return time.Time{}, false, nil
	}
	return time.Unix(0, n.Int64).UTC(), true, nil
}

// outboxDone marks the entry delivered and, for a delivery, records the
// external key on the ticket, in one transaction.
func (s *Store) outboxDone(ctx context.Context, e OutboxEntry, externalKey string, now time.Time) error {
	err := s.tx(ctx, func(tx *dbTx) error {
		if e.Action == actionDeliver && externalKey != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE tickets SET external_key = ?, updated_at = ? WHERE id = ?`,
				externalKey, ts(now), e.TicketID); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = '',
			claimed_by = '', lease_until = 0 WHERE id = ?`,
			ts(now), e.ID)
		return err
	})
	if err != nil {
		return fmt.Errorf("ticketing: mark outbox %d done: %w", e.ID, err)
	}
	return nil
}

// outboxRetry records a failed attempt and when to try again; with giveUp
// the entry is marked failed instead.
func (s *Store) outboxRetry(ctx context.Context, id int64, lastErr string, next time.Time, giveUp bool) error {
	_, err := s.db.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, failed = ?,
		claimed_by = '', lease_until = 0 WHERE id = ?`,
		lastErr, ts(next), boolInt(giveUp), id)
	if err != nil {
		return fmt.Errorf("ticketing: reschedule outbox %d: %w", id, err)
	}
	return nil
}

// OutboxStats returns the number of pending outbox entries and the age of
// the oldest one at now (0 when empty), for metrics and alerts.
func (s *Store) OutboxStats(ctx context.Context, now time.Time) (depth int, oldest time.Duration, err error) {
	var minCreated sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*), MIN(created_at) FROM outbox WHERE delivered_at = 0 AND failed = 0`).Scan(&depth, &minCreated)
	if err != nil {
		return 0, 0, fmt.Errorf("ticketing: outbox stats: %w", err)
	}
	if minCreated.Valid {
		oldest = max(now.Sub(time.Unix(0, minCreated.Int64)), 0)
	}
	return depth, oldest, nil
}

// ticketsToSync returns open tickets with an external key, with the
// creation time of the newest external comment already copied into notes.
func (s *Store) ticketsToSync(ctx context.Context, limit int) ([]Ticket, []time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+ticketColumns+`, ext_synced_at FROM tickets
		WHERE external_key != '' AND status NOT IN ('resolved', 'closed')
		ORDER BY id LIMIT ?`, limit)
	if err != nil {
		return nil, nil, fmt.Errorf("ticketing: tickets to sync: %w", err)
	}
	defer rows.Close()
	var out []Ticket
	var synced []time.Time
	for rows.Next() {
		var last int64
		t, err := scanTicket(scanFunc(func(dest ...any) error { return rows.Scan(append(dest, &last)...) }))
		if err != nil {
			return nil, nil, fmt.Errorf("ticketing: tickets to sync: %w", err)
		}
		out = append(out, t)
		synced = append(synced, fromTS(last))
	}
	return out, synced, rows.Err()
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// applyExternal stores what the Syncer read back: a new status (empty to
// keep) and new comments as public notes; seen is the creation time of the
// newest external comment copied so far. One transaction. Comments that
// another instance's Syncer copied in the meantime (not newer than the
// ticket's stored mark) are skipped, so several instances syncing the same
// ticket add each comment once.
func (s *Store) applyExternal(ctx context.Context, t Ticket, status string, notes []Note, seen, syncedAt time.Time) error {
	err := s.tx(ctx, func(tx *dbTx) error {
		var mark int64
		if err := tx.QueryRowContext(ctx, `SELECT ext_synced_at FROM tickets WHERE id = ?`, t.ID).Scan(&mark); err != nil {
			return err
		}
		fresh := notes[:0:0]
		for _, n := range notes {
			if ts(n.At) > mark {
				fresh = append(fresh, n)
			}
		}
		notes = fresh
		if ts(seen) < mark {
			seen = fromTS(mark)
		}
		if status != "" && status != t.Status {
			resolved := ts(t.ResolvedAt)
			if status == StatusResolved || status == StatusClosed {
				if resolved == 0 {
					resolved = ts(syncedAt)
				}
			} else {
				resolved = 0
			}
			if _, err := tx.ExecContext(ctx, `UPDATE tickets SET status = ?, resolved_at = ?, updated_at = ? WHERE id = ?`,
				status, resolved, ts(syncedAt), t.ID); err != nil {
				return err
			}
		}
		for _, n := range notes {
			if _, err := tx.ExecContext(ctx, `INSERT INTO notes (ticket_id, author, text, internal, at) VALUES (?, ?, ?, 0, ?)`,
				t.ID, n.Author, n.Text, ts(n.At)); err != nil {
				return err
			}
		}
		if len(notes) > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE tickets SET updated_at = ? WHERE id = ?`, ts(syncedAt), t.ID); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE tickets SET ext_synced_at = ? WHERE id = ?`, ts(seen), t.ID)
		return err
	})
	if err != nil {
		return fmt.Errorf("ticketing: apply external status of %s: %w", t.Key, err)
	}
	return nil
}
