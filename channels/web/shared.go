// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"encoding/json"
	"errors"
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
	Successor      string // token of the session that followed a full conversation; empty if none
	LastActive     time.Time
}

// StoredEvent is one numbered event of a conversation as the client gets
// it: Data is the JSON text, with Seq inside.
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
// adapts the PostgreSQL one. All methods are safe for concurrent use.
type SessionStore interface {
	// CreateSession stores a new session. The token is new (128 random
	// bits); a clash may be reported as an error.
	CreateSession(ctx context.Context, r SessionRecord) error
	// Session returns the session of token, or ErrSessionNotFound. Expiry
	// is the caller's business (LastActive).
	Session(ctx context.Context, token string) (SessionRecord, error)
	// TouchSession sets the session's LastActive to at (if later).
	// An unknown token is no error.
	TouchSession(ctx context.Context, token string, at time.Time) error
	// SetSuccessor records next as the successor of token unless token
	// has one already, and returns the successor in effect.
	SetSuccessor(ctx context.Context, token, next string) (string, error)
	// AppendEvent gives the next sequence number of conversation convID
	// (1 for the first event) to encode, stores what encode returns under
	// it and returns the number. Numbers of one conversation are never
	// given twice, whatever instance appends. Only the newest events (at
	// least Config.ResumeEvents) need to be kept.
	AppendEvent(ctx context.Context, convID string, at time.Time, encode func(seq int64) []byte) (int64, error)
	// Events returns at most limit events of convID with a number above
	// after, oldest first.
	Events(ctx context.Context, convID string, after int64, limit int) ([]StoredEvent, error)
	// LockConversation serializes, across instances, everything that
	// loads, changes and saves one stored conversation; the returned
	// function releases the lock. It blocks until the lock is held or ctx
	// ends (then it returns ctx's error).
	LockConversation(ctx context.Context, convID string) (unlock func(), err error)
	// SweepSessions deletes the sessions idle since before, and the events
	// of conversations that no session refers to any more.
	SweepSessions(ctx context.Context, before time.Time) error
}

// Note tells other instances that something they may show changed. It
// carries only ids; the receiver reads the data from the store.
type Note struct {
	Kind           string // NoteEvent, or a kind of another consumer
	ConversationID string
	Seq            int64
}

// NoteEvent: conversation ConversationID has a new event numbered Seq.
const NoteEvent = "event"

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
	seq, err := s.cfg.Sessions.AppendEvent(ctx, convID, now, func(seq int64) []byte {
		ev.setSeq(seq)
		data, _ := json.Marshal(ev) // our own event types always encode
		return data
	})
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
			s.ring = append(s.ring, bufferedEvent{seq: ev.Seq, data: ev.Data})
			for c := range s.conns {
				c.send(ev.Data, true)
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
	for _, b := range s.ring {
		var head struct {
			Type     string `json:"type"`
			AnswerID string `json:"answer_id"`
			Text     string `json:"text"`
		}
		if json.Unmarshal(b.data, &head) != nil {
			continue
		}
		switch {
		case head.Type == "user_message":
			question = head.Text
		case head.Type == "answer" && head.AnswerID == id:
			var ev answerEvent
			if json.Unmarshal(b.data, &ev) != nil {
				return answerRecord{}, false
			}
			a := &assistant.Answer{Text: ev.Text, Intent: assistant.Intent(ev.Intent), Lang: ev.Lang}
			for _, src := range ev.Sources {
				a.Sources = append(a.Sources, assistant.Source{ID: src.ID, Title: src.Title, URL: src.URL})
			}
			return answerRecord{id: id, question: question, answer: a}, true
		}
	}
	return answerRecord{}, false
}

// MemorySessionStore is a SessionStore in this process's memory: what a
// single instance would keep anyway, shared by several Servers in one
// process (tests). Create it with NewMemorySessionStore.
type MemorySessionStore struct {
	keep int

	mu       sync.Mutex
	sessions map[string]SessionRecord
	events   map[string][]StoredEvent
	locks    map[string]chan struct{}
}

// NewMemorySessionStore returns an empty store that keeps the newest keep
// events of each conversation.
func NewMemorySessionStore(keep int) *MemorySessionStore {
	return &MemorySessionStore{keep: max(keep, 1), sessions: make(map[string]SessionRecord),
		events: make(map[string][]StoredEvent), locks: make(map[string]chan struct{})}
}

func (m *MemorySessionStore) CreateSession(_ context.Context, r SessionRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.sessions[r.Token]; ok {
		return errors.New("web: session token exists")
	}
	m.sessions[r.Token] = r
	return nil
}

func (m *MemorySessionStore) Session(_ context.Context, token string) (SessionRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.sessions[token]
	if !ok {
		return SessionRecord{}, ErrSessionNotFound
	}
	return r, nil
}

func (m *MemorySessionStore) TouchSession(_ context.Context, token string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r, ok := m.sessions[token]; ok && at.After(r.LastActive) {
		r.LastActive = at
		m.sessions[token] = r
	}
	return nil
}

func (m *MemorySessionStore) SetSuccessor(_ context.Context, token, next string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.sessions[token]
	if !ok {
		return "", ErrSessionNotFound
	}
	if r.Successor == "" {
		r.Successor = next
		m.sessions[token] = r
	}
	return r.Successor, nil
}

func (m *MemorySessionStore) AppendEvent(_ context.Context, convID string, at time.Time, encode func(int64) []byte) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	evs := m.events[convID]
	seq := int64(1)
	if len(evs) > 0 {
		seq = evs[len(evs)-1].Seq + 1
	}
	evs = append(evs, StoredEvent{Seq: seq, Data: encode(seq)})
	if over := len(evs) - m.keep; over > 0 {
		evs = append(evs[:0:0], evs[over:]...)
	}
	m.events[convID] = evs
	for tok, r := range m.sessions {
		if r.ConversationID == convID && at.After(r.LastActive) {
			r.LastActive = at
			m.sessions[tok] = r
		}
	}
	return seq, nil
}

func (m *MemorySessionStore) Events(_ context.Context, convID string, after int64, limit int) ([]StoredEvent, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []StoredEvent
	for _, ev := range m.events[convID] {
		if ev.Seq > after && len(out) < limit {
			out = append(out, ev)
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

func (m *MemorySessionStore) SweepSessions(_ context.Context, before time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	live := make(map[string]bool)
	for tok, r := range m.sessions {
		if r.LastActive.Before(before) {
			delete(m.sessions, tok)
			continue
		}
		live[r.ConversationID] = true
	}
	for conv := range m.events {
		if !live[conv] {
			delete(m.events, conv)
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
