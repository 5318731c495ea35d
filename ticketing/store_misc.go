// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// ---- outages ----

// outageColumns ends with the number of linked tickets (index
// tickets_outage), so every outage read carries it.
const outageColumns = `id, service, title, public_message, start_at, eta, end_at, affected, active,
	(SELECT COUNT(*) FROM tickets WHERE tickets.outage_id = outages.id)`

func scanOutage(r rowScanner) (Outage, error) {
	var o Outage
	var start, eta, end int64
	var active int
	if err := r.Scan(&o.ID, &o.Service, &o.Title, &o.PublicMessage, &start, &eta, &end, &o.Affected, &active, &o.Tickets); err != nil {
		return Outage{}, err
	}
	o.Start, o.ETA, o.End, o.Active = fromTS(start), fromTS(eta), fromTS(end), active != 0
	return o, nil
}

func (s *Store) queryOutages(ctx context.Context, query string, args ...any) ([]Outage, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("ticketing: list outages: %w", err)
	}
	defer rows.Close()
	var out []Outage
	for rows.Next() {
		o, err := scanOutage(rows)
		if err != nil {
			return nil, fmt.Errorf("ticketing: list outages: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func insertOutage(ctx context.Context, tx *dbTx, o *Outage) error {
	id, err := insertID(ctx, tx, `INSERT INTO outages (service, title, public_message, start_at, eta, end_at, affected, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		o.Service, o.Title, o.PublicMessage, ts(o.Start), ts(o.ETA), ts(o.End), o.Affected, boolInt(o.Active))
	o.ID = id
	return err
}

func (s *Store) outage(ctx context.Context, id int64) (Outage, error) {
	o, err := scanOutage(s.db.QueryRowContext(ctx, `SELECT `+outageColumns+` FROM outages WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Outage{}, ErrNotFound
	}
	if err != nil {
		return Outage{}, fmt.Errorf("ticketing: get outage %d: %w", id, err)
	}
	return o, nil
}

func (s *Store) updateOutage(ctx context.Context, o Outage) error {
	res, err := s.db.ExecContext(ctx, `UPDATE outages SET service = ?, title = ?, public_message = ?, start_at = ?, eta = ?, end_at = ?, active = ? WHERE id = ?`,
		o.Service, o.Title, o.PublicMessage, ts(o.Start), ts(o.ETA), ts(o.End), boolInt(o.Active), o.ID)
	if err != nil {
		return fmt.Errorf("ticketing: update outage %d: %w", o.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// addAffected links a reporter to an outage once; it returns false when the
// reporter was linked already.
func addAffected(ctx context.Context, tx *dbTx, outageID int64, reporter, userID string, ticketID int64, at time.Time) (bool, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO outage_affected (outage_id, reporter, user_id, ticket_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		outageID, reporter, userID, ticketID, ts(at))
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	if n == 0 {
		return false, nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE outages SET affected = affected + 1 WHERE id = ?`, outageID)
	return true, err
}

// ---- conversations ----

// turnCtx is the context of a statement that every chat turn runs (load
// and save its conversation). On SQLite such a statement is short and
// local, and watching a cancellable context costs a goroutine in
// database/sql and another in the driver per statement (about 7 µs of CPU
// each time, measured), so it runs without cancellation once it has
// started: a context that is done already still fails it. On PostgreSQL
// the context is kept: a statement waits on the network there.
func (s *Store) turnCtx(ctx context.Context) (context.Context, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.d.name == "sqlite" {
		return context.WithoutCancel(ctx), nil
	}
	return ctx, nil
}

// turnLock takes the store's turn lock on SQLite and returns its unlock
// (on PostgreSQL, whose pool has many connections, it does nothing). The
// statements of chat turns queue for SQLite's one connection here rather
// than in database/sql, which hands a freed connection to one of the
// goroutines parked waiting for it: with more turns in flight than cores,
// the connection then sat idle until the scheduler ran that goroutine
// again, and every other turn's statement waited behind it. A mutex goes
// to whoever asks while it is free, so a running goroutine finds the
// connection free. At concurrency 10 on two cores (`lotse bench answer`)
// this raised answers per second by about two fifths on an otherwise
// quiet machine (less when other processes take the cores).
func (s *Store) turnLock() (unlock func()) {
	if s.d.name != "sqlite" {
		return func() {}
	}
	s.turnMu.Lock()
	return s.turnMu.Unlock
}

// ConversationRecord is a stored conversation. Data is opaque to ticketing
// (the assistant's JSON); the other fields are copied out for queries and
// the retention job.
type ConversationRecord struct {
	ID           string
	Audience     string
	Channel      string
	UserID       string
	Data         []byte
	CreatedAt    time.Time
	UpdatedAt    time.Time
	LinkedTicket string // key of the last ticket opened from it; set by ticketing, ignored on save
	// Rev is the conversation's revision: a random number when the row is
	// first saved (so that a conversation deleted and saved again under the
	// same ID does not repeat an old revision), one more after each save.
	// Set by the store, ignored on save.
	Rev int64
}

// SaveConversation inserts or replaces a conversation. CreatedAt and
// LinkedTicket of an existing row are kept.
func (s *Store) SaveConversation(ctx context.Context, c ConversationRecord) error {
	_, err := s.SaveConversationRev(ctx, c)
	return err
}

// SaveConversationRev saves like SaveConversation, in one statement, and
// returns the conversation's new revision.
func (s *Store) SaveConversationRev(ctx context.Context, c ConversationRecord) (int64, error) {
	if c.ID == "" {
		return 0, fmt.Errorf("ticketing: save conversation: %w: empty ID", ErrInvalid)
	}
	if c.Data == nil {
		c.Data = []byte{}
	}
	ctx, err := s.turnCtx(ctx)
	if err != nil {
		return 0, fmt.Errorf("ticketing: save conversation %s: %w", c.ID, err)
	}
	unlock := s.turnLock()
	defer unlock()
	var rev int64
	err = scanWrite(ctx, s.db, `INSERT INTO conversations (id, audience, channel, user_id, data, created_at, updated_at, linked_ticket, rev)
		VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT key FROM tickets WHERE conversation_id = ? ORDER BY id DESC LIMIT 1), ''), ?)
		ON CONFLICT (id) DO UPDATE SET audience = excluded.audience, channel = excluded.channel,
		user_id = excluded.user_id, data = excluded.data, updated_at = excluded.updated_at, rev = conversations.rev + 1
		RETURNING rev`,
		[]any{c.ID, c.Audience, c.Channel, c.UserID, c.Data, ts(c.CreatedAt), ts(c.UpdatedAt), c.ID, rand.Int64N(1 << 52)}, &rev)
	if err != nil {
		return 0, fmt.Errorf("ticketing: save conversation %s: %w", c.ID, err)
	}
	return rev, nil
}

// UpdateConversation replaces the document and the update time of the
// conversation id if it is still at revision rev, in one statement, and
// returns the new revision; audience, channel, user and creation time stay
// as they are. It returns ErrConflict when the conversation is at another
// revision or gone (somebody else saved or deleted it since); the caller
// then saves the whole record with SaveConversationRev.
func (s *Store) UpdateConversation(ctx context.Context, id string, rev int64, data []byte, updated time.Time) (int64, error) {
	if data == nil {
		data = []byte{}
	}
	ctx, err := s.turnCtx(ctx)
	if err != nil {
		return 0, fmt.Errorf("ticketing: update conversation %s: %w", id, err)
	}
	unlock := s.turnLock()
	defer unlock()
	var next int64
	err = scanWrite(ctx, s.db, `UPDATE conversations SET data = ?, updated_at = ?, rev = rev + 1 WHERE id = ? AND rev = ? RETURNING rev`,
		[]any{data, ts(updated), id, rev}, &next)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("%w: conversation %s is not at revision %d", ErrConflict, id, rev)
	}
	if err != nil {
		return 0, fmt.Errorf("ticketing: update conversation %s: %w", id, err)
	}
	return next, nil
}

const conversationColumns = `id, audience, channel, user_id, data, created_at, updated_at, linked_ticket, rev`

func scanConversation(r rowScanner) (ConversationRecord, error) {
	var c ConversationRecord
	var created, updated int64
	if err := r.Scan(&c.ID, &c.Audience, &c.Channel, &c.UserID, &c.Data, &created, &updated, &c.LinkedTicket, &c.Rev); err != nil {
		return ConversationRecord{}, err
	}
	c.CreatedAt, c.UpdatedAt = fromTS(created), fromTS(updated)
	return c, nil
}

// LoadConversation returns the conversation with the ID, or ErrNotFound.
func (s *Store) LoadConversation(ctx context.Context, id string) (ConversationRecord, error) {
	ctx, err := s.turnCtx(ctx)
	if err != nil {
		return ConversationRecord{}, fmt.Errorf("ticketing: load conversation %s: %w", id, err)
	}
	unlock := s.turnLock()
	defer unlock()
	c, err := scanConversation(s.db.QueryRowContext(ctx, `SELECT `+conversationColumns+` FROM conversations WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return ConversationRecord{}, ErrNotFound
	}
	if err != nil {
		return ConversationRecord{}, fmt.Errorf("ticketing: load conversation %s: %w", id, err)
	}
	return c, nil
}

// ConversationRev returns the revision of the stored conversation with the
// ID (see ConversationRecord.Rev), or ErrNotFound. It reads one small
// column, so that a copy kept in memory can be checked cheaply before
// every turn.
func (s *Store) ConversationRev(ctx context.Context, id string) (int64, error) {
	ctx, err := s.turnCtx(ctx)
	if err != nil {
		return 0, fmt.Errorf("ticketing: conversation %s: %w", id, err)
	}
	unlock := s.turnLock()
	defer unlock()
	var rev int64
	err = s.db.QueryRowContext(ctx, `SELECT rev FROM conversations WHERE id = ?`, id).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("ticketing: conversation %s: %w", id, err)
	}
	return rev, nil
}

// ConversationFilter selects conversations for ListConversations.
type ConversationFilter struct {
	UserID string // only this user's conversations
	Limit  int    // default 50, at most 500
	Offset int
}

// ListConversations returns conversations, most recently updated first.
func (s *Store) ListConversations(ctx context.Context, f ConversationFilter) ([]ConversationRecord, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	q := `SELECT ` + conversationColumns + ` FROM conversations`
	var args []any
	if f.UserID != "" {
		q += ` WHERE user_id = ?`
		args = append(args, f.UserID)
	}
	q += ` ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`
	args = append(args, limit, max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("ticketing: list conversations: %w", err)
	}
	defer rows.Close()
	var out []ConversationRecord
	for rows.Next() {
		c, err := scanConversation(rows)
		if err != nil {
			return nil, fmt.Errorf("ticketing: list conversations: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeleteConversationsBefore deletes conversations last updated before t
// (the retention job), except those a ticket that is still open refers to:
// the desk needs their transcript. Live web events from before t and web
// sessions that expired before t go with them. It returns the number of
// conversations deleted.
func (s *Store) DeleteConversationsBefore(ctx context.Context, t time.Time) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *dbTx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM conversations WHERE updated_at < ? AND NOT EXISTS (
			SELECT 1 FROM tickets WHERE tickets.conversation_id = conversations.id
			AND tickets.status NOT IN ('resolved', 'closed'))`, ts(t))
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		if _, err := tx.ExecContext(ctx, `DELETE FROM web_events WHERE at < ?`, ts(t)); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM web_sessions WHERE expires_at < ?`, ts(t))
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("ticketing: delete old conversations: %w", err)
	}
	return int(n), nil
}

// ---- users ----

// User is a service-desk account. PasswordHash is produced and checked by
// the desk; ticketing stores it as is.
type User struct {
	ID           int64
	Username     string
	PasswordHash string
	Role         string // e.g. "agent", "admin"; interpreted by the desk
	Disabled     bool
	FailedLogins int
	LockedUntil  time.Time
	CreatedAt    time.Time
}

const userColumns = `id, username, password_hash, role, disabled, failed_logins, locked_until, created_at`

func scanUser(r rowScanner) (User, error) {
	var u User
	var disabled int
	var locked, created int64
	if err := r.Scan(&u.ID, &u.Username, &u.PasswordHash, &u.Role, &disabled, &u.FailedLogins, &locked, &created); err != nil {
		return User{}, err
	}
	u.Disabled, u.LockedUntil, u.CreatedAt = disabled != 0, fromTS(locked), fromTS(created)
	return u, nil
}

// CreateUser inserts u and returns it with its ID. A taken username gives
// ErrConflict; an empty username or role gives ErrInvalid.
func (s *Store) CreateUser(ctx context.Context, u User) (User, error) {
	if strings.TrimSpace(u.Username) == "" || u.Role == "" {
		return User{}, fmt.Errorf("ticketing: create user: %w: username and role are required", ErrInvalid)
	}
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Now()
	}
	id, err := insertID(ctx, s.db, `INSERT INTO users (username, password_hash, role, disabled, failed_logins, locked_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		u.Username, u.PasswordHash, u.Role, boolInt(u.Disabled), u.FailedLogins, ts(u.LockedUntil), ts(u.CreatedAt))
	if err != nil {
		if isUniqueViolation(err) {
			return User{}, fmt.Errorf("ticketing: create user %q: %w", u.Username, ErrConflict)
		}
		return User{}, fmt.Errorf("ticketing: create user %q: %w", u.Username, err)
	}
	u.ID = id
	u.CreatedAt = fromTS(ts(u.CreatedAt))
	u.LockedUntil = fromTS(ts(u.LockedUntil))
	return u, nil
}

// GetUserByName returns the user with the username, or ErrNotFound.
func (s *Store) GetUserByName(ctx context.Context, username string) (User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE username = ?`, username))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNotFound
	}
	if err != nil {
		return User{}, fmt.Errorf("ticketing: get user %q: %w", username, err)
	}
	return u, nil
}

// UpdateUser writes all fields of u (by ID) except CreatedAt. It returns
// ErrNotFound for an unknown ID and ErrConflict for a taken username.
func (s *Store) UpdateUser(ctx context.Context, u User) error {
	res, err := s.db.ExecContext(ctx, `UPDATE users SET username = ?, password_hash = ?, role = ?, disabled = ?, failed_logins = ?, locked_until = ? WHERE id = ?`,
		u.Username, u.PasswordHash, u.Role, boolInt(u.Disabled), u.FailedLogins, ts(u.LockedUntil), u.ID)
	if err != nil {
		if isUniqueViolation(err) {
			return fmt.Errorf("ticketing: update user %q: %w", u.Username, ErrConflict)
		}
		return fmt.Errorf("ticketing: update user %d: %w", u.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// ListUsers returns all users ordered by username.
func (s *Store) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY username`)
	if err != nil {
		return nil, fmt.Errorf("ticketing: list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("ticketing: list users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// ---- audit log ----

// AuditEntry records who did what to which target.
type AuditEntry struct {
	ID     int64
	Who    string // desk username, "system" or "sync"
	Action string // e.g. "ticket.update", "outage.create", "user.login"
	Target string // e.g. "LOT-42", "outage:3", "user:anna"
	Detail string // human-readable details
	At     time.Time
}

// Audit appends an entry to the audit log; a zero At means now.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO audit_log (who, action, target, detail, at) VALUES (?, ?, ?, ?, ?)`,
		e.Who, e.Action, e.Target, e.Detail, ts(e.At)); err != nil {
		return fmt.Errorf("ticketing: audit %s: %w", e.Action, err)
	}
	return nil
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Who    string // only this actor
	Target string // only this target
	Limit  int    // default 100, at most 1000
	Offset int
}

// ListAudit returns audit entries, newest first.
func (s *Store) ListAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, 1000)
	q := `SELECT id, who, action, target, detail, at FROM audit_log`
	var conds []string
	var args []any
	if f.Who != "" {
		conds = append(conds, "who = ?")
		args = append(args, f.Who)
	}
	if f.Target != "" {
		conds = append(conds, "target = ?")
		args = append(args, f.Target)
	}
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += ` ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`
	args = append(args, limit, max(f.Offset, 0))
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("ticketing: list audit: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at int64
		if err := rows.Scan(&e.ID, &e.Who, &e.Action, &e.Target, &e.Detail, &at); err != nil {
			return nil, fmt.Errorf("ticketing: list audit: %w", err)
		}
		e.At = fromTS(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
