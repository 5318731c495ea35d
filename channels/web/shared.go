// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
)

// ErrSessionNotFound is returned by a SessionStore for a token it does not
// know (never created, or swept after its TTL).
var ErrSessionNotFound = errors.New("web: session not found")

// SessionRecord is what every instance needs to know about a web session.
type SessionRecord struct {
	Token          string // the client's bearer token
	ConversationID string
	Audience       knowledge.Audience
	UserID         string // employee; empty for citizens
	// Rotated: the conversation was full and the session that followed it
	// has the token successorToken(Token).
	Rotated   bool
	ExpiresAt time.Time
}

// StoredEvent is one numbered event of a conversation. Data is the
// event's JSON text without its number; the channel adds "seq" when it
// sends it.
type StoredEvent struct {
	Seq  int64
	Data []byte
}

// SessionStore keeps web sessions and the numbered events of their
// conversations where every instance behind a load balancer finds them, so
// that a citizen's REST request or resumed socket may land on any
// instance. It is declared here, by its consumer; without one (Config.
// Sessions nil) sessions live in this process only, as a single instance
// needs. MemorySessionStore is the in-process implementation; cmd/lotse
// adapts the database's. All methods are safe for concurrent use.
type SessionStore interface {
	// SaveSession stores a session, replacing the one with the same token.
	SaveSession(ctx context.Context, r SessionRecord) error
	// Session returns the session of token that has not expired at now,
	// or ErrSessionNotFound.
	Session(ctx context.Context, token string, now time.Time) (SessionRecord, error)
	// ExtendSession moves the session's expiry to expires. An unknown
	// token is no error.
	ExtendSession(ctx context.Context, token string, expires time.Time) error
	// AppendEvent stores data as the next event of conversation convID and
	// returns its number (1 for the first). Numbers of one conversation
	// are never given twice, whatever instance appends. Only the newest
	// events (at least Config.ResumeEvents) need to be kept.
	AppendEvent(ctx context.Context, convID string, data []byte, at time.Time) (int64, error)
	// Events returns at most limit events of convID with a number above
	// after, oldest first.
	Events(ctx context.Context, convID string, after int64, limit int) ([]StoredEvent, error)
	// LockConversation serializes, across instances, everything that
	// loads, changes and saves one stored conversation; the returned
	// function releases the lock. It blocks until the lock is held or ctx
	// ends (then it returns ctx's error).
	LockConversation(ctx context.Context, convID string) (unlock func(), err error)
	// Sweep deletes the sessions expired at now and the events older than
	// eventsBefore.
	Sweep(ctx context.Context, now, eventsBefore time.Time) error
}

// successorToken is the token of the session that follows a full
// conversation's session: derived from the old token, so that every
// instance (and nobody without the old token) knows it, and the store
// needs to keep only that there is one.
func successorToken(token string) string {
	h := sha256.Sum256([]byte("lotse-web-successor\x00" + token))
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(h[:16])
}

// withSeq returns the stored event data with its number set.
func withSeq(data []byte, seq int64) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil {
		return data
	}
	m["seq"] = json.RawMessage(strconv.FormatInt(seq, 10))
	out, err := json.Marshal(m)
	if err != nil {
		return data
	}
	return out
}

// Note tells other instances that something they may show changed. It
// carries only ids; the receiver reads the data from the store.
type Note struct {
	Kind           string // NoteEvent or NoteTyping
	ConversationID string
	Seq            int64
	From           string // NoteTyping: the agent's user name
}

// Kinds of Note.
const (
	// NoteEvent: conversation ConversationID has a new event numbered Seq.
	NoteEvent = "event"
	// NoteTyping: the desk agent From is typing a reply in conversation
	// ConversationID (not stored; see Server.AgentTyping).
	NoteTyping = "typing"
)

// Notifier carries Notes between instances (PostgreSQL LISTEN/NOTIFY in
// production, LocalNotifier within one process). It is declared here, by
// its consumer. A Notifier may lose notes (a dropped connection); it then
// delivers a Note with empty Kind, after which the receiver re-reads what
// it shows.
type Notifier interface {
	Notify(ctx context.Context, n Note) error
	// Listen calls fn for every note from every instance (this one
	// included) until ctx ends. fn must not block for long.
	Listen(ctx context.Context, fn func(Note))
}

// sharedTimeout bounds each call of the SessionStore made outside a
// request's context (events published by turns and by the desk).
const sharedTimeout = 10 * time.Second

// publishShared stores ev as conversation convID's next event, tells the
// other instances and brings the local session of convID (if any) up to
// date, which delivers ev to its sockets.
func (s *Server) publishShared(convID string, ev seqEvent, now time.Time) {
	ctx, cancel := context.WithTimeout(context.Background(), sharedTimeout)
	defer cancel()
	ev.setSeq(0)
	data, _ := json.Marshal(ev) // our own event types always encode
	seq, err := s.cfg.Sessions.AppendEvent(ctx, convID, data, now)
	if err != nil {
		s.log.Error("web: storing a session event", "conversation", convID, "err", err)
		return
	}
	if err := s.cfg.Notifier.Notify(ctx, Note{Kind: NoteEvent, ConversationID: convID, Seq: seq}); err != nil {
		s.log.Warn("web: notifying other instances", "conversation", convID, "err", err)
	}
	if sess, ok := s.hub.conversation(convID); ok {
		sess.sync(ctx)
	}
}

// onNote brings the local session of a note's conversation up to date; a
// note of empty kind (notes were lost) does that for every local session
// with sockets.
func (s *Server) onNote(n Note) {
	switch n.Kind {
	case NoteEvent:
		if sess, ok := s.hub.conversation(n.ConversationID); ok && sess.attached() {
			ctx, cancel := context.WithTimeout(s.baseCtx, sharedTimeout)
			defer cancel()
			sess.sync(ctx)
		}
	case NoteTyping:
		if sess, ok := s.hub.conversation(n.ConversationID); ok {
			sess.broadcast(&event{Type: "agent_typing", From: n.From})
		}
	case "":
		for _, sess := range s.hub.attachedSessions() {
			ctx, cancel := context.WithTimeout(s.baseCtx, sharedTimeout)
			sess.sync(ctx)
			cancel()
		}
	}
}

// sync reads the events of s's conversation that s has not seen yet from
// the shared store, keeps them in the ring and sends them to the attached
// sockets, in order and each once.
func (s *session) sync(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		evs, err := s.store.Events(ctx, s.convID, s.seq, s.ringSize)
		if err != nil {
			s.log.Error("web: reading session events", "conversation", s.convID, "err", err)
			return
		}
		for _, ev := range evs {
			if ev.Seq <= s.seq {
				continue
			}
			s.seq = ev.Seq
			data := withSeq(ev.Data, ev.Seq)
			s.ring = append(s.ring, bufferedEvent{seq: ev.Seq, data: data})
			for c := range s.conns {
				c.send(data, true)
			}
		}
		if over := len(s.ring) - s.ringSize; over > 0 {
			s.ring = append(s.ring[:0:0], s.ring[over:]...)
		}
		if len(evs) < s.ringSize {
			return
		}
	}
}

func (s *session) attached() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns) > 0
}

// answerFromRing rebuilds the record of an answer from the buffered
// events: the answer event and the user_message before it. It finds
// answers given by another instance, whose records only exist there.
func (s *session) answerFromRing(id string) (answerRecord, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	question := ""
	for i := range s.ring {
		var head struct {
			Type     string `json:"type"`
			AnswerID string `json:"answer_id"`
			Text     string `json:"text"`
		}
		if json.Unmarshal(s.ring[i].bytes(), &head) != nil {
			continue
		}
		switch {
		case head.Type == "user_message":
			question = head.Text
		case head.Type == "answer" && head.AnswerID == id:
			var ev answerEvent
			if json.Unmarshal(s.ring[i].bytes(), &ev) != nil {
				return answerRecord{}, false
			}
			a := &assistant.Answer{Text: ev.Text, Intent: assistant.Intent(ev.Intent), Lang: ev.Lang}
			for _, src := range ev.Sources {
				a.Sources = append(a.Sources, assistant.Source{ID: src.ID, Title: src.Title, URL: src.URL})
			}
			return recordOf(id, question, a), true
		}
	}
	return answerRecord{}, false
}

// MemorySessionStore is a SessionStore in this process's memory, shared by
// several Servers in one process (tests, and the reference for the
// database's implementation). Create it with NewMemorySessionStore.
type MemorySessionStore struct {
	keep int

	mu       sync.Mutex
	sessions map[string]SessionRecord
	events   map[string][]memEvent
	locks    map[string]chan struct{}
}

type memEvent struct {
	StoredEvent
	at time.Time
}

// NewMemorySessionStore returns an empty store that keeps the newest keep
// events of each conversation.
func NewMemorySessionStore(keep int) *MemorySessionStore {
	return &MemorySessionStore{keep: max(keep, 1), sessions: make(map[string]SessionRecord),
		events: make(map[string][]memEvent), locks: make(map[string]chan struct{})}
}

func (m *MemorySessionStore) SaveSession(_ context.Context, r SessionRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[r.Token] = r
	return nil
}

func (m *MemorySessionStore) Session(_ context.Context, token string, now time.Time) (SessionRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.sessions[token]
	if !ok || !now.Before(r.ExpiresAt) {
		return SessionRecord{}, ErrSessionNotFound
	}
	return r, nil
}

func (m *MemorySessionStore) ExtendSession(_ context.Context, token string, expires time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r, ok := m.sessions[token]; ok {
		r.ExpiresAt = expires
		m.sessions[token] = r
	}
	return nil
}

func (m *MemorySessionStore) AppendEvent(_ context.Context, convID string, data []byte, at time.Time) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	evs := m.events[convID]
	seq := int64(1)
	if len(evs) > 0 {
		seq = evs[len(evs)-1].Seq + 1
	}
	evs = append(evs, memEvent{StoredEvent{Seq: seq, Data: data}, at})
	if over := len(evs) - m.keep; over > 0 {
		evs = append(evs[:0:0], evs[over:]...)
	}
	m.events[convID] = evs
	return seq, nil
}

func (m *MemorySessionStore) Events(_ context.Context, convID string, after int64, limit int) ([]StoredEvent, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []StoredEvent
	for _, ev := range m.events[convID] {
		if ev.Seq > after && len(out) < limit {
			out = append(out, ev.StoredEvent)
		}
	}
	return out, nil
}

func (m *MemorySessionStore) LockConversation(ctx context.Context, convID string) (func(), error) {
	for {
		m.mu.Lock()
		held, busy := m.locks[convID]
		if !busy {
			ch := make(chan struct{})
			m.locks[convID] = ch
			m.mu.Unlock()
			return sync.OnceFunc(func() {
				m.mu.Lock()
				delete(m.locks, convID)
				m.mu.Unlock()
				close(ch)
			}), nil
		}
		m.mu.Unlock()
		select {
		case <-held:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func (m *MemorySessionStore) Sweep(_ context.Context, now, eventsBefore time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for tok, r := range m.sessions {
		if !now.Before(r.ExpiresAt) {
			delete(m.sessions, tok)
		}
	}
	for conv, evs := range m.events {
		kept := evs[:0]
		for _, ev := range evs {
			if !ev.at.Before(eventsBefore) {
				kept = append(kept, ev)
			}
		}
		if len(kept) == 0 {
			delete(m.events, conv)
		} else {
			m.events[conv] = kept
		}
	}
	return nil
}

// LocalNotifier is a Notifier within one process: every Listen gets every
// Note. The zero value is ready to use.
type LocalNotifier struct {
	mu   sync.Mutex
	subs map[*func(Note)]struct{}
}

func (l *LocalNotifier) Notify(_ context.Context, n Note) error {
	l.mu.Lock()
	fns := make([]func(Note), 0, len(l.subs))
	for fn := range l.subs {
		fns = append(fns, *fn)
	}
	l.mu.Unlock()
	for _, fn := range fns {
		fn(n)
	}
	return nil
}

func (l *LocalNotifier) Listen(ctx context.Context, fn func(Note)) {
	l.mu.Lock()
	if l.subs == nil {
		l.subs = make(map[*func(Note)]struct{})
	}
	key := &fn
	l.subs[key] = struct{}{}
	l.mu.Unlock()
	<-ctx.Done()
	l.mu.Lock()
	delete(l.subs, key)
	l.mu.Unlock()
}
