// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// A session is the live state of one web conversation: the opaque token the
// client holds, the stored conversation it belongs to, the sequence-numbered
// events of the last turns (so that a reconnecting client can catch up) and
// the sockets attached to it. The token is a bearer credential for the
// conversation; it is distinct from the conversation ID that tickets and the
// desk see, so a ticket never lets anybody resume a citizen's chat.
//
// Without a SessionStore (Config.Sessions) sessions live in memory only:
// after a restart a client starts a new session (the stored conversation
// stays for the desk). With one, the session here is this instance's
// mirror of the shared session: events are numbered and kept by the store,
// and sync brings the ring up to date (see shared.go).
type session struct {
	token    string
	convID   string
	audience knowledge.Audience
	userID   string // employee; empty for citizens

	h        *hub
	store    SessionStore // nil: this process only
	ringSize int
	log      *slog.Logger
	// rotated: the shared record says that a successor exists (with the
	// token successorToken(token)).
	rotated bool
	// extended is when the shared record's expiry was last moved (guarded
	// by mu).
	extended time.Time

	mu         sync.Mutex // guards the fields below
	seq        int64
	ring       []bufferedEvent // oldest first, at most hub.ringSize
	conns      map[*conn]struct{}
	lastActive time.Time
	pending    int  // turns queued or running
	used       bool // a message was sent or the conversation was touched
	answers    []answerRecord
	successor  *session // set when the conversation was full; see Server.rotate
	// unstored: the conversation is certainly not stored yet, because
	// the session was created by the REST request that runs its first
	// turn and its token has not left this process (see takeUnstored).
	unstored bool
}

// takeUnstored reports whether the session's conversation is certainly
// not stored yet (see session.unstored), once: the first turn asks, and
// every later one loads the conversation.
func (s *session) takeUnstored() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.unstored
	s.unstored = false
	return u
}

type bufferedEvent struct {
	seq  int64
	data []byte   // the event as sent; nil while ev is not encoded yet
	ev   seqEvent // the event, until a socket or a reader needs data
}

// bytes returns the event as sent, encoding it on first use (guarded by
// session.mu). A session without sockets (REST) so encodes an event only
// when somebody resumes or asks about it.
func (b *bufferedEvent) bytes() []byte {
	if b.data == nil && b.ev != nil {
		b.data, _ = json.Marshal(b.ev) // our own event types always encode
		b.ev = nil
	}
	return b.data
}

// answerRecord keeps what feedback on an answer needs: its text, intent
// and sources, not the whole answer (whose retrieved IDs and choice
// features, kept for up to maxAnswerRecords answers of every session,
// were about a third of the live heap under `lotse bench answer`).
type answerRecord struct {
	id       string
	question string
	text     string
	intent   assistant.Intent
	sources  []assistant.Source
}

// recordOf returns what feedback on a needs.
func recordOf(id, question string, a *assistant.Answer) answerRecord {
	return answerRecord{id: id, question: question, text: a.Text, intent: a.Intent, sources: a.Sources}
}

const maxAnswerRecords = 20

// seqEvent is an event that carries a sequence number.
type seqEvent interface{ setSeq(int64) }

// publish numbers ev, keeps it in the ring buffer and sends it to every
// attached socket. Sockets too slow to take it are dropped.
func (s *session) publish(ev seqEvent, ringSize int, now time.Time) {
	if s.store != nil {
		s.mu.Lock()
		s.lastActive = now
		s.mu.Unlock()
		s.h.publishShared(s.convID, ev, now)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	ev.setSeq(s.seq)
	b := bufferedEvent{seq: s.seq, ev: ev}
	if len(s.conns) > 0 {
		data := b.bytes()
		for c := range s.conns {
			c.send(data, true)
		}
	}
	s.ring = append(s.ring, b)
	if over := len(s.ring) - ringSize; over > 0 {
		s.ring = append(s.ring[:0:0], s.ring[over:]...)
	}
	s.lastActive = now
}

// broadcast sends an event without a sequence number (stream tokens) to the
// attached sockets. It is not buffered: a client that misses tokens gets the
// whole text with the answer event.
func (s *session) broadcast(v any) {
	data, err := json.Marshal(v)
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		c.send(data, false)
	}
}

// attach adds c to the session after sending it first (if not nil), a
// notice if events after lastSeq have already left the ring buffer, and the
// events with a sequence number above lastSeq — all under the session lock,
// so that nothing is lost or sent twice between replay and live events.
func (s *session) attach(c *conn, lastSeq int64, first []byte, now time.Time) {
	if s.store != nil {
		// Events of other instances since the last note.
		ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
		s.sync(ctx)
		cancel()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if first != nil {
		c.send(first, true)
	}
	if len(s.ring) > 0 && s.ring[0].seq > lastSeq+1 {
		data, _ := json.Marshal(&event{Type: "notice", Text: "Einige ältere Nachrichten dieses Gesprächs können nicht mehr angezeigt werden."})
		c.send(data, true)
	}
	for i := range s.ring {
		if b := &s.ring[i]; b.seq > lastSeq {
			c.send(b.bytes(), true)
		}
	}
	s.conns[c] = struct{}{}
	s.lastActive = now
}

// nextToken returns the token of the session that followed s, or "".
func (s *session) nextToken() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.successor != nil {
		return s.successor.token
	}
	if s.rotated {
		return successorToken(s.token)
	}
	return ""
}

func (s *session) detach(c *conn, now time.Time) {
	s.mu.Lock()
	delete(s.conns, c)
	s.lastActive = now
	s.mu.Unlock()
	if s.store != nil {
		// The client may resume at another instance within the TTL.
		ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
		defer cancel()
		if err := s.store.ExtendSession(ctx, s.token, now.Add(s.h.ttl)); err != nil {
			s.log.Warn("web: touching a shared session", "err", err)
		}
	}
}

func (s *session) touch(now time.Time) {
	s.mu.Lock()
	s.lastActive = now
	s.used = true
	// Typing frames touch too: the shared expiry moves at most every
	// tenth of the TTL.
	extend := s.store != nil && now.Sub(s.extended) >= s.h.ttl/10
	if extend {
		s.extended = now
	}
	s.mu.Unlock()
	if extend {
		ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
		defer cancel()
		if err := s.store.ExtendSession(ctx, s.token, now.Add(s.h.ttl)); err != nil {
			s.log.Warn("web: touching a shared session", "err", err)
		}
	}
}

func (s *session) remember(rec answerRecord) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers = append(s.answers, rec)
	if over := len(s.answers) - maxAnswerRecords; over > 0 {
		s.answers = append(s.answers[:0:0], s.answers[over:]...)
	}
}

func (s *session) answer(id string) (answerRecord, bool) {
	s.mu.Lock()
	for _, a := range s.answers {
		if a.id == id {
			s.mu.Unlock()
			return a, true
		}
	}
	s.mu.Unlock()
	if s.store != nil {
		return s.answerFromRing(id)
	}
	return answerRecord{}, false
}

// hub holds the sessions and per-conversation locks.
type hub struct {
	now      func() time.Time
	ttl      time.Duration
	ringSize int
	store    SessionStore // nil: sessions of this process only
	log      *slog.Logger
	// publishShared stores and announces an event (store != nil).
	publishShared func(convID string, ev seqEvent, now time.Time)

	mu        sync.Mutex
	byToken   map[string]*session
	byConv    map[string]*session
	locks     map[string]*convLock
	lastSweep time.Time
}

type convLock struct {
	mu   sync.Mutex
	refs int
}

func newHub(now func() time.Time, ttl time.Duration, ringSize int) *hub {
	return &hub{
		now:      now,
		ttl:      ttl,
		ringSize: ringSize,
		log:      slog.Default(),
		byToken:  make(map[string]*session),
		byConv:   make(map[string]*session),
		locks:    make(map[string]*convLock),
	}
}

// create starts a new session with a new conversation ID.
func (h *hub) create(aud knowledge.Audience, userID string) *session {
	return h.createWithToken(newToken(), aud, userID)
}

// createWithToken starts a new session with the given token and a new
// conversation ID.
func (h *hub) createWithToken(token string, aud knowledge.Audience, userID string) *session {
	now := h.now()
	s := h.newSession(token, newToken(), aud, userID, now)
	s.extended = now // stored below with this expiry
	if h.store != nil {
		ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
		err := h.store.SaveSession(ctx, SessionRecord{Token: s.token, ConversationID: s.convID, Audience: aud, UserID: userID, ExpiresAt: now.Add(h.ttl)})
		cancel()
		if err != nil {
			// The session still works here; another instance will not
			// know it.
			h.log.Error("web: storing a new session", "err", err)
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if now.Sub(h.lastSweep) > time.Minute {
		h.sweepLocked(now)
	}
	h.byToken[s.token] = s
	h.byConv[s.convID] = s
	return s
}

func (h *hub) newSession(token, convID string, aud knowledge.Audience, userID string, now time.Time) *session {
	return &session{
		token:      token,
		convID:     convID,
		audience:   aud,
		userID:     userID,
		h:          h,
		store:      h.store,
		ringSize:   h.ringSize,
		log:        h.log,
		conns:      make(map[*conn]struct{}),
		lastActive: now,
	}
}

// load finds a session that another instance created (or that this one
// forgot) in the shared store and mirrors it here with its events.
func (h *hub) load(token string, aud knowledge.Audience, userID string) (*session, bool) {
	if h.store == nil || token == "" {
		return nil, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
	defer cancel()
	now := h.now()
	rec, err := h.store.Session(ctx, token, now)
	if err != nil {
		if !errors.Is(err, ErrSessionNotFound) {
			h.log.Error("web: reading a shared session", "err", err)
		}
		return nil, false
	}
	if rec.Audience != aud || rec.UserID != userID {
		return nil, false
	}
	s := h.newSession(token, rec.ConversationID, rec.Audience, rec.UserID, now)
	s.rotated = rec.Rotated
	s.sync(ctx)
	h.mu.Lock()
	if cur, ok := h.byToken[token]; ok { // loaded meanwhile by another request
		h.mu.Unlock()
		return cur, true
	}
	h.byToken[token] = s
	h.byConv[s.convID] = s
	h.mu.Unlock()
	return s, true
}

// lookup finds a live session by token. A session of another audience or
// another employee is treated as unknown, as is an expired one.
func (h *hub) lookup(token string, aud knowledge.Audience, userID string) (*session, bool) {
	h.mu.Lock()
	s, ok := h.byToken[token]
	if ok && (s.audience != aud || s.userID != userID) {
		h.mu.Unlock()
		return nil, false
	}
	if ok && h.expired(s, h.now()) {
		// Expired here; with a shared store the session may have gone on
		// at another instance.
		h.removeLocked(s)
		ok = false
	}
	h.mu.Unlock()
	if !ok {
		return h.load(token, aud, userID)
	}
	return s, true
}

// markRotated records in the shared store that s's conversation is full
// and a successor exists.
func (h *hub) markRotated(s *session) {
	now := h.now()
	ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
	defer cancel()
	err := h.store.SaveSession(ctx, SessionRecord{Token: s.token, ConversationID: s.convID, Audience: s.audience, UserID: s.userID,
		Rotated: true, ExpiresAt: now.Add(h.ttl)})
	if err != nil {
		h.log.Error("web: marking a shared session as full", "err", err)
	}
}

// attachedSessions returns the sessions with sockets here.
func (h *hub) attachedSessions() []*session {
	h.mu.Lock()
	all := make([]*session, 0, len(h.byToken))
	for _, s := range h.byToken {
		all = append(all, s)
	}
	h.mu.Unlock()
	out := all[:0]
	for _, s := range all {
		if s.attached() {
			out = append(out, s)
		}
	}
	return out
}

// conversation finds the live session of a conversation, if any.
func (h *hub) conversation(convID string) (*session, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.byConv[convID]
	return s, ok
}

// discard removes a session that was never used (a provisional session
// replaced by a resume).
func (h *hub) discardUnused(s *session) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s.mu.Lock()
	unused := !s.used && s.pending == 0 && len(s.conns) == 0
	s.mu.Unlock()
	if unused {
		h.removeLocked(s)
	}
}

func (h *hub) expired(s *session, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns) == 0 && s.pending == 0 && now.Sub(s.lastActive) > h.ttl
}

func (h *hub) removeLocked(s *session) {
	delete(h.byToken, s.token)
	if h.byConv[s.convID] == s {
		delete(h.byConv, s.convID)
	}
}

func (h *hub) sweepLocked(now time.Time) {
	h.lastSweep = now
	for _, s := range h.byToken {
		if h.expired(s, now) {
			h.removeLocked(s)
		}
	}
	if h.store != nil {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
			defer cancel()
			if err := h.store.Sweep(ctx, now, now.Add(-h.ttl)); err != nil {
				h.log.Warn("web: sweeping shared sessions", "err", err)
			}
		}()
	}
}

// count returns the number of sessions (tests, metrics).
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.byToken)
}

// lockConv serializes everything that loads, changes and saves one stored
// conversation: turns and the desk's hooks.
func (h *hub) lockConv(convID string) (unlock func()) {
	local := h.lockConvLocal(convID)
	if h.store == nil {
		return local
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	shared, err := h.store.LockConversation(ctx, convID)
	if err != nil {
		// Go on with the local lock: a turn is better than none.
		h.log.Error("web: locking a shared conversation", "conversation", convID, "err", err)
		return local
	}
	return func() { shared(); local() }
}

func (h *hub) lockConvLocal(convID string) (unlock func()) {
	h.mu.Lock()
	l, ok := h.locks[convID]
	if !ok {
		l = &convLock{}
		h.locks[convID] = l
	}
	l.refs++
	h.mu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		h.mu.Lock()
		l.refs--
		if l.refs == 0 {
			delete(h.locks, convID)
		}
		h.mu.Unlock()
	}
}

// newToken returns 128 random bits as text.
func newToken() string { return rand.Text() }
