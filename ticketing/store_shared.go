// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// State that several instances share: web chat sessions and their
// numbered events (a citizen whose socket moves to another instance
// resumes with last_seq), desk logins and rate-limit token buckets. The
// channels keep the keys as SHA-256 hashes of the tokens they hand out;
// the store never sees a token.

// WebSession is a web chat session: the hash of the bearer token the
// browser holds, the conversation it belongs to and when it expires. Data
// is opaque to ticketing (the web channel's own fields).
type WebSession struct {
	TokenHash      string
	ConversationID string
	Audience       string
	UserID         string
	Data           []byte
	CreatedAt      time.Time
	ExpiresAt      time.Time
}

// SaveWebSession inserts or replaces a session (by TokenHash); CreatedAt
// of an existing row is kept.
func (s *Store) SaveWebSession(ctx context.Context, w WebSession) error {
	if w.TokenHash == "" || w.ConversationID == "" {
		return fmt.Errorf("ticketing: save web session: %w: token hash and conversation required", ErrInvalid)
	}
	if w.Data == nil {
		w.Data = []byte{}
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO web_sessions (token_hash, conversation_id, audience, user_id, data, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (token_hash) DO UPDATE SET conversation_id = excluded.conversation_id, audience = excluded.audience,
		user_id = excluded.user_id, data = excluded.data, expires_at = excluded.expires_at`,
		w.TokenHash, w.ConversationID, w.Audience, w.UserID, w.Data, ts(w.CreatedAt), ts(w.ExpiresAt))
	if err != nil {
		return fmt.Errorf("ticketing: save web session: %w", err)
	}
	return nil
}

// WebSession returns the session with the token hash that has not expired
// at now, or ErrNotFound.
func (s *Store) WebSession(ctx context.Context, tokenHash string, now time.Time) (WebSession, error) {
	var w WebSession
	var created, expires int64
	err := s.db.QueryRowContext(ctx, `SELECT token_hash, conversation_id, audience, user_id, data, created_at, expires_at
		FROM web_sessions WHERE token_hash = ? AND expires_at > ?`, tokenHash, ts(now)).
		Scan(&w.TokenHash, &w.ConversationID, &w.Audience, &w.UserID, &w.Data, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return WebSession{}, ErrNotFound
	}
	if err != nil {
		return WebSession{}, fmt.Errorf("ticketing: get web session: %w", err)
	}
	w.CreatedAt, w.ExpiresAt = fromTS(created), fromTS(expires)
	return w, nil
}

// ExtendWebSession moves the expiry of a session; ErrNotFound when there
// is no such session.
func (s *Store) ExtendWebSession(ctx context.Context, tokenHash string, expires time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE web_sessions SET expires_at = ? WHERE token_hash = ?`, ts(expires), tokenHash)
	if err != nil {
		return fmt.Errorf("ticketing: extend web session: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteWebSession ends a session; an unknown hash is no error.
func (s *Store) DeleteWebSession(ctx context.Context, tokenHash string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM web_sessions WHERE token_hash = ?`, tokenHash); err != nil {
		return fmt.Errorf("ticketing: delete web session: %w", err)
	}
	return nil
}

// DeleteExpiredWebSessions removes the sessions expired at now and returns
// how many.
func (s *Store) DeleteExpiredWebSessions(ctx context.Context, now time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM web_sessions WHERE expires_at <= ?`, ts(now))
	if err != nil {
		return 0, fmt.Errorf("ticketing: delete expired web sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// WebEvent is one numbered event of a conversation's live stream (an
// answer, a desk message, a takeover notice), kept so that a client can
// catch up after its socket moved. Payload is opaque (the web channel's
// JSON).
type WebEvent struct {
	ConversationID string
	Seq            int64
	Payload        []byte
	At             time.Time
}

// AppendWebEvent stores payload as the next event of the conversation and
// returns its sequence number (1, 2, ...). Instances appending to the same
// conversation at once get distinct, gap-free numbers.
func (s *Store) AppendWebEvent(ctx context.Context, conversationID string, payload []byte, at time.Time) (int64, error) {
	if conversationID == "" {
		return 0, fmt.Errorf("ticketing: append web event: %w: empty conversation", ErrInvalid)
	}
	if payload == nil {
		payload = []byte{}
	}
	var seq int64
	// The write transaction serialises appends (SQLite's single writer,
	// the write lock on PostgreSQL), so MAX+1 is free.
	err := s.tx(ctx, func(tx *dbTx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO web_events (conversation_id, seq, payload, at)
			SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ? FROM web_events WHERE conversation_id = ?
			RETURNING seq`, conversationID, payload, ts(at), conversationID).Scan(&seq)
	})
	if err != nil {
		return 0, fmt.Errorf("ticketing: append web event: %w", err)
	}
	return seq, nil
}

// WebEventsAfter returns up to limit events of the conversation with a
// sequence number above afterSeq, in order (limit <= 0: 100, at most
// 1000).
func (s *Store) WebEventsAfter(ctx context.Context, conversationID string, afterSeq int64, limit int) ([]WebEvent, error) {
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, 1000)
	rows, err := s.db.QueryContext(ctx, `SELECT conversation_id, seq, payload, at FROM web_events
		WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`, conversationID, afterSeq, limit)
	if err != nil {
		return nil, fmt.Errorf("ticketing: read web events: %w", err)
	}
	defer rows.Close()
	var out []WebEvent
	for rows.Next() {
		var e WebEvent
		var at int64
		if err := rows.Scan(&e.ConversationID, &e.Seq, &e.Payload, &at); err != nil {
			return nil, fmt.Errorf("ticketing: read web events: %w", err)
		}
		e.At = fromTS(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// LastWebEventSeq returns the highest sequence number of the
// conversation's events, 0 when there are none.
func (s *Store) LastWebEventSeq(ctx context.Context, conversationID string) (int64, error) {
	var seq int64
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM web_events WHERE conversation_id = ?`, conversationID).Scan(&seq)
	if err != nil {
		return 0, fmt.Errorf("ticketing: last web event: %w", err)
	}
	return seq, nil
}

// TrimWebEvents keeps the newest keep events of the conversation and
// deletes the older ones (a client further behind gets a "missed" notice
// from the channel); it returns how many were deleted.
func (s *Store) TrimWebEvents(ctx context.Context, conversationID string, keep int) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM web_events WHERE conversation_id = ? AND seq <= (
		SELECT COALESCE(MAX(seq), 0) FROM web_events WHERE conversation_id = ?) - ?`, conversationID, conversationID, max(keep, 0))
	if err != nil {
		return 0, fmt.Errorf("ticketing: trim web events: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// DeleteWebEventsBefore deletes events older than t (retention) and
// returns how many.
func (s *Store) DeleteWebEventsBefore(ctx context.Context, t time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM web_events WHERE at < ?`, ts(t))
	if err != nil {
		return 0, fmt.Errorf("ticketing: delete old web events: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// DeskSession is a desk login: the hash of the cookie token, the user,
// the session's CSRF token and when it expires.
type DeskSession struct {
	TokenHash string
	Username  string
	CSRF      string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// CreateDeskSession stores a new login; a hash that exists already is
// ErrConflict.
func (s *Store) CreateDeskSession(ctx context.Context, d DeskSession) error {
	if d.TokenHash == "" || d.Username == "" {
		return fmt.Errorf("ticketing: create desk session: %w: token hash and user required", ErrInvalid)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO desk_sessions (token_hash, username, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
		d.TokenHash, d.Username, d.CSRF, ts(d.CreatedAt), ts(d.ExpiresAt))
	if isUniqueViolation(err) {
		return fmt.Errorf("ticketing: create desk session: %w", ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("ticketing: create desk session: %w", err)
	}
	return nil
}

// DeskSession returns the login with the hash that has not expired at
// now, or ErrNotFound.
func (s *Store) DeskSession(ctx context.Context, tokenHash string, now time.Time) (DeskSession, error) {
	var d DeskSession
	var created, expires int64
	err := s.db.QueryRowContext(ctx, `SELECT token_hash, username, csrf, created_at, expires_at FROM desk_sessions
		WHERE token_hash = ? AND expires_at > ?`, tokenHash, ts(now)).Scan(&d.TokenHash, &d.Username, &d.CSRF, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return DeskSession{}, ErrNotFound
	}
	if err != nil {
		return DeskSession{}, fmt.Errorf("ticketing: get desk session: %w", err)
	}
	d.CreatedAt, d.ExpiresAt = fromTS(created), fromTS(expires)
	return d, nil
}

// DeleteDeskSession ends a login (logout); an unknown hash is no error.
func (s *Store) DeleteDeskSession(ctx context.Context, tokenHash string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM desk_sessions WHERE token_hash = ?`, tokenHash); err != nil {
		return fmt.Errorf("ticketing: delete desk session: %w", err)
	}
	return nil
}

// DeleteDeskSessionsOfUser ends every login of a user (disabled, new
// password) and returns how many.
func (s *Store) DeleteDeskSessionsOfUser(ctx context.Context, username string) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM desk_sessions WHERE username = ?`, username)
	if err != nil {
		return 0, fmt.Errorf("ticketing: delete desk sessions of %q: %w", username, err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// DeleteExpiredDeskSessions removes logins expired at now and returns how
// many.
func (s *Store) DeleteExpiredDeskSessions(ctx context.Context, now time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM desk_sessions WHERE expires_at <= ?`, ts(now))
	if err != nil {
		return 0, fmt.Errorf("ticketing: delete expired desk sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// TakeToken takes one token from the bucket named key, refilled at rate
// tokens per second up to burst, at the current time; see TakeTokenAt.
func (s *Store) TakeToken(ctx context.Context, key string, rate float64, burst int) (bool, error) {
	return s.TakeTokenAt(ctx, key, rate, burst, time.Now())
}

// TakeTokenAt takes one token from the bucket named key at now and
// reports whether there was one. A new bucket starts full (burst tokens);
// it refills at rate tokens per second up to burst. The read, the refill
// and the take are one SQL statement, so instances sharing the database
// share the bucket without races. Times are the callers' clocks (keep the
// instances' clocks in sync, as for any cluster).
func (s *Store) TakeTokenAt(ctx context.Context, key string, rate float64, burst int, now time.Time) (bool, error) {
	if key == "" || rate < 0 || burst < 1 {
		return false, fmt.Errorf("ticketing: take token: %w: key, rate >= 0 and burst >= 1 required", ErrInvalid)
	}
	n := ts(now)
	b := float64(burst)
	// refill is the bucket's level at now before the take, capped at burst;
	// a clock that went backwards adds nothing.
	const refill = `CASE WHEN rate_buckets.tokens + CAST(CASE WHEN ? > rate_buckets.updated_at THEN ? - rate_buckets.updated_at ELSE 0 END AS DOUBLE PRECISION) * CAST(? AS DOUBLE PRECISION) / 1e9 > CAST(? AS DOUBLE PRECISION)
		THEN CAST(? AS DOUBLE PRECISION)
		ELSE rate_buckets.tokens + CAST(CASE WHEN ? > rate_buckets.updated_at THEN ? - rate_buckets.updated_at ELSE 0 END AS DOUBLE PRECISION) * CAST(? AS DOUBLE PRECISION) / 1e9 END`
	refillArgs := []any{n, n, rate, b, b, n, n, rate}
	args := []any{key, b - 1, n}
	args = append(args, refillArgs...)
	args = append(args, n)
	args = append(args, refillArgs...)
	rows, err := s.db.QueryContext(ctx, `INSERT INTO rate_buckets (key, tokens, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET tokens = (`+refill+`) - 1, updated_at = ?
		WHERE (`+refill+`) >= 1
		RETURNING tokens`, args...)
	if err != nil {
		return false, fmt.Errorf("ticketing: take token %q: %w", key, err)
	}
	defer rows.Close()
	ok := rows.Next()
	if err := rows.Err(); err != nil {
		return false, fmt.Errorf("ticketing: take token %q: %w", key, err)
	}
	return ok, nil
}

// DeleteIdleRateBuckets removes buckets not used since t and returns how
// many. With t at least burst/rate seconds ago a removed bucket would have
// been full again, so nothing changes for the callers.
func (s *Store) DeleteIdleRateBuckets(ctx context.Context, t time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM rate_buckets WHERE updated_at < ?`, ts(t))
	if err != nil {
		return 0, fmt.Errorf("ticketing: delete idle rate buckets: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
