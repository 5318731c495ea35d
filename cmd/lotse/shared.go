// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/musterstadt/lotse/channels/desk"
	"github.com/musterstadt/lotse/channels/web"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/pglive"
)

// liveChannel is the LISTEN/NOTIFY channel of the instances' notes.
const liveChannel = "lotse_live"

// sharedState is what the channels share across instances when the store
// is PostgreSQL: web sessions and events, desk logins, the rate-limit
// buckets, and the notes that tell the other instances about new events.
type sharedState struct {
	sessions web.SessionStore
	notifier web.Notifier
	logins   desk.LoginStore
	buckets  web.TokenBuckets
	locks    *pglive.Locks
}

// lockConns bounds the conversation locks one instance holds at once (each
// on a connection of its own, for the length of a chat turn); more turns
// at once wait for a connection. PostgreSQL's max_connections must cover,
// per instance, the store's pool, this and two more.
const lockConns = 32

// close releases the lock pool.
func (s *sharedState) close() error {
	s.locks.Close()
	return nil
}

// newSharedState returns the shared state on st's database, or nil when st
// is the embedded SQLite store (one instance: everything stays in memory).
func newSharedState(ctx context.Context, st *ticketing.Store, keepEvents int, log *slog.Logger) (*sharedState, error) {
	pool := st.Pool()
	if pool == nil {
		return nil, nil
	}
	n, err := pglive.New(pool, liveChannel, log)
	if err != nil {
		return nil, err
	}
	locks, err := pglive.NewLocks(ctx, pool, lockConns)
	if err != nil {
		return nil, err
	}
	return &sharedState{
		locks:    locks,
		sessions: webSessions{st: st, keep: keepEvents, locks: locks},
		notifier: webNotifier{n: n},
		logins:   deskLogins{st: st},
		buckets:  st,
	}, nil
}

// resumeEvents is how many events of a conversation are kept for resume.
const resumeEvents = 50

// The accessors return untyped nils without shared state, so that the
// channels see "not configured" rather than a nil pointer in an interface.
func (s *sharedState) webSessions() web.SessionStore {
	if s == nil {
		return nil
	}
	return s.sessions
}

func (s *sharedState) webNotifier() web.Notifier {
	if s == nil {
		return nil
	}
	return s.notifier
}

func (s *sharedState) tokenBuckets() web.TokenBuckets {
	if s == nil {
		return nil
	}
	return s.buckets
}

func (s *sharedState) deskLogins() desk.LoginStore {
	if s == nil {
		return nil
	}
	return s.logins
}

// tokenHash is how the store knows a web session token: its SHA-256.
func tokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// webSessions adapts the store's web sessions and events to
// web.SessionStore.
type webSessions struct {
	st    *ticketing.Store
	keep  int // events kept per conversation
	locks *pglive.Locks
}

// webSessionData is the channel's part of a stored web session.
type webSessionData struct {
	Rotated bool `json:"rotated,omitempty"`
}

func (w webSessions) SaveSession(ctx context.Context, r web.SessionRecord) error {
	data, _ := json.Marshal(webSessionData{Rotated: r.Rotated})
	return w.st.SaveWebSession(ctx, ticketing.WebSession{
		TokenHash: tokenHash(r.Token), ConversationID: r.ConversationID, Audience: string(r.Audience), UserID: r.UserID,
		Data: data, CreatedAt: time.Now(), ExpiresAt: r.ExpiresAt,
	})
}

func (w webSessions) Session(ctx context.Context, token string, now time.Time) (web.SessionRecord, error) {
	s, err := w.st.WebSession(ctx, tokenHash(token), now)
	if errors.Is(err, ticketing.ErrNotFound) {
		return web.SessionRecord{}, web.ErrSessionNotFound
	}
	if err != nil {
		return web.SessionRecord{}, err
	}
	var d webSessionData
	if len(s.Data) > 0 {
		if err := json.Unmarshal(s.Data, &d); err != nil {
			return web.SessionRecord{}, fmt.Errorf("web session data: %w", err)
		}
	}
	return web.SessionRecord{Token: token, ConversationID: s.ConversationID, Audience: knowledge.Audience(s.Audience),
		UserID: s.UserID, Rotated: d.Rotated, ExpiresAt: s.ExpiresAt}, nil
}

func (w webSessions) ExtendSession(ctx context.Context, token string, expires time.Time) error {
	err := w.st.ExtendWebSession(ctx, tokenHash(token), expires)
	if errors.Is(err, ticketing.ErrNotFound) {
		return nil
	}
	return err
}

// trimEvery is how often (in events of a conversation) the old events are
// trimmed to keep.
const trimEvery = 10

func (w webSessions) AppendEvent(ctx context.Context, convID string, data []byte, at time.Time) (int64, error) {
	seq, err := w.st.AppendWebEvent(ctx, convID, data, at)
	if err != nil {
		return 0, err
	}
	if seq > int64(w.keep) && seq%trimEvery == 0 {
		if _, err := w.st.TrimWebEvents(ctx, convID, w.keep); err != nil {
			return seq, nil // the event is stored; trimming is tried again later
		}
	}
	return seq, nil
}

func (w webSessions) Events(ctx context.Context, convID string, after int64, limit int) ([]web.StoredEvent, error) {
	evs, err := w.st.WebEventsAfter(ctx, convID, after, limit)
	if err != nil {
		return nil, err
	}
	out := make([]web.StoredEvent, len(evs))
	for i, e := range evs {
		out[i] = web.StoredEvent{Seq: e.Seq, Data: e.Payload}
	}
	return out, nil
}

func (w webSessions) LockConversation(ctx context.Context, convID string) (func(), error) {
	return w.locks.Lock(ctx, "conversation:"+convID)
}

func (w webSessions) Sweep(ctx context.Context, now, eventsBefore time.Time) error {
	if _, err := w.st.DeleteExpiredWebSessions(ctx, now); err != nil {
		return err
	}
	_, err := w.st.DeleteWebEventsBefore(ctx, eventsBefore)
	return err
}

// webNotifier carries web.Notes as "kind seq conversation [from]" over
// PostgreSQL LISTEN/NOTIFY.
type webNotifier struct{ n *pglive.Notifier }

func (w webNotifier) Notify(ctx context.Context, n web.Note) error {
	p := n.Kind + " " + strconv.FormatInt(n.Seq, 10) + " " + n.ConversationID
	if n.From != "" {
		p += " " + n.From
	}
	return w.n.Notify(ctx, p)
}

func (w webNotifier) Listen(ctx context.Context, fn func(web.Note)) {
	w.n.Listen(ctx, func(payload string) {
		if n, ok := parseNote(payload); ok {
			fn(n)
		}
	}, func() { fn(web.Note{}) })
}

func parseNote(p string) (web.Note, bool) {
	kind, rest, ok := strings.Cut(p, " ")
	if !ok || kind == "" {
		return web.Note{}, false
	}
	seqText, rest, ok := strings.Cut(rest, " ")
	seq, err := strconv.ParseInt(seqText, 10, 64)
	conv, from, _ := strings.Cut(rest, " ")
	if !ok || err != nil || conv == "" {
		return web.Note{}, false
	}
	return web.Note{Kind: kind, ConversationID: conv, Seq: seq, From: from}, true
}

// deskLogins adapts the store's desk sessions to desk.LoginStore.
type deskLogins struct{ st *ticketing.Store }

func (d deskLogins) CreateLogin(ctx context.Context, key string, l desk.Login) error {
	return d.st.CreateDeskSession(ctx, ticketing.DeskSession{TokenHash: key, Username: l.User, CSRF: l.CSRF,
		CreatedAt: time.Now(), ExpiresAt: l.Expires})
}

func (d deskLogins) Login(ctx context.Context, key string) (desk.Login, bool, error) {
	s, err := d.st.DeskSession(ctx, key, time.Now())
	if errors.Is(err, ticketing.ErrNotFound) {
		return desk.Login{}, false, nil
	}
	if err != nil {
		return desk.Login{}, false, err
	}
	return desk.Login{User: s.Username, CSRF: s.CSRF, Expires: s.ExpiresAt}, true, nil
}

func (d deskLogins) DeleteLogin(ctx context.Context, key string) error {
	return d.st.DeleteDeskSession(ctx, key)
}

func (d deskLogins) DeleteLogins(ctx context.Context, user string, now time.Time) error {
	if _, err := d.st.DeleteDeskSessionsOfUser(ctx, user); err != nil {
		return err
	}
	_, err := d.st.DeleteExpiredDeskSessions(ctx, now)
	return err
}
