// SPDX-License-Identifier: EUPL-1.2

package web

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"net/http/httptest"

	"github.com/musterstadt/lotse/assistant"
)

// memStore is a hand-written ConversationStore that keeps deep copies.
type memStore struct {
	mu    sync.Mutex
	convs map[string][]byte
	saves int
	loads int
}

var _ assistant.ConversationStore = (*memStore)(nil)

func newMemStore() *memStore { return &memStore{convs: make(map[string][]byte)} }

func (m *memStore) Load(_ context.Context, id string) (*assistant.Conversation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.loads++
	b, ok := m.convs[id]
	if !ok {
		return nil, assistant.ErrNotFound
	}
	var c assistant.Conversation
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

func (m *memStore) Save(_ context.Context, c *assistant.Conversation) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.convs[c.ID] = b
	m.saves++
	return nil
}

// only returns the one stored conversation.
func (m *memStore) only(t *testing.T) *assistant.Conversation {
	t.Helper()
	m.mu.Lock()
	var ids []string
	for id := range m.convs {
		ids = append(ids, id)
	}
	m.mu.Unlock()
	if len(ids) != 1 {
		t.Fatalf("store holds %d conversations, want 1", len(ids))
	}
	c, err := m.Load(context.Background(), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fakeChatter is a scripted Chatter. By default it streams "Antwort auf:
// <text>" in three tokens and cites one source; the text "Mensch" or the
// human request yields a handoff with ticket LOT-1. gate, when set, is
// waited for after the first token. fail makes Turn yield an error.
type fakeChatter struct {
	mu    sync.Mutex
	calls []fakeCall
	gate  chan struct{}
	fail  error
	panic bool
	// started receives a value when a turn has sent its first token.
	started chan struct{}
}

type fakeCall struct {
	Conv assistant.Conversation
	Msg  assistant.Message
}

var _ Chatter = (*fakeChatter)(nil)

func (f *fakeChatter) Turn(ctx context.Context, conv *assistant.Conversation, msg assistant.Message) iter.Seq2[assistant.Chunk, error] {
	return func(yield func(assistant.Chunk, error) bool) {
		f.mu.Lock()
		f.calls = append(f.calls, fakeCall{Conv: *conv, Msg: msg})
		gate, fail, pan, started := f.gate, f.fail, f.panic, f.started
		f.mu.Unlock()
		if pan {
			panic("fake chatter panic with secret detail")
		}
		if fail != nil {
			yield(assistant.Chunk{}, fail)
			return
		}
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleUser, Text: msg.Text})
		if !yield(assistant.Chunk{Kind: assistant.ChunkToken, Text: "Antwort "}, nil) {
			return
		}
		if started != nil {
			started <- struct{}{}
		}
		if gate != nil {
			select {
			case <-gate:
			case <-ctx.Done():
				yield(assistant.Chunk{}, ctx.Err())
				return
			}
		}
		for _, tok := range []string{"auf: ", msg.Text} {
			if !yield(assistant.Chunk{Kind: assistant.ChunkToken, Text: tok}, nil) {
				return
			}
		}
		ans := &assistant.Answer{
			Text:    "Antwort auf: " + msg.Text,
			Intent:  assistant.IntentServiceInfo,
			Lang:    "de",
			Sources: []assistant.Source{{ID: "leistungen/reisepass", Title: "Reisepass beantragen", URL: "https://www.musterstadt.example/leistungen/reisepass", Snippet: "Ein Reisepass kostet 70 Euro."}},
		}
		if msg.Text == "Mensch" || msg.Text == humanRequest {
			ans.Intent = assistant.IntentHuman
			ans.HandoffOffered = true
			ans.Handoff = &assistant.Handoff{Reason: "requested", Ticket: "LOT-1"}
		}
		conv.Entries = append(conv.Entries, assistant.Entry{Role: assistant.RoleAssistant, Text: ans.Text})
		yield(assistant.Chunk{Kind: assistant.ChunkAnswer, Answer: ans}, nil)
	}
}

func (f *fakeChatter) lastCall(t *testing.T) fakeCall {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.calls) == 0 {
		t.Fatal("chatter was not called")
	}
	return f.calls[len(f.calls)-1]
}

type fakeFeedback struct {
	mu   sync.Mutex
	got  []Feedback
	fail bool
}

func (f *fakeFeedback) Record(_ context.Context, fb Feedback) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.got = append(f.got, fb)
	if f.fail {
		return errors.New("sink down")
	}
	return nil
}

type fakeMetrics struct {
	mu   sync.Mutex
	open int
}

func (m *fakeMetrics) ConnOpened() { m.mu.Lock(); m.open++; m.mu.Unlock() }
func (m *fakeMetrics) ConnClosed() { m.mu.Lock(); m.open--; m.mu.Unlock() }
func (m *fakeMetrics) value() int  { m.mu.Lock(); defer m.mu.Unlock(); return m.open }

// clock is a settable Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }
func newClock() *clock                   { return &clock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)} }
func loopback() []netip.Prefix           { return []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")} }
func untrustedProxies() []netip.Prefix   { return []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")} }
func contains(s, sub string) bool        { return strings.Contains(s, sub) }

type testEnv struct {
	srv   *Server
	http  *httptest.Server
	chat  *fakeChatter
	store *memStore
	clock *clock
}

// mustServe starts a Server with fakes behind an httptest server; opt may
// change the config.
func mustServe(t *testing.T, opt func(*Config)) *testEnv {
	t.Helper()
	env := &testEnv{chat: &fakeChatter{}, store: newMemStore(), clock: newClock()}
	cfg := Config{
		Chat:           env.chat,
		Store:          env.store,
		Now:            env.clock.Now,
		TrustedProxies: loopback(),
		WriteTimeout:   2 * time.Second,
		PingInterval:   5 * time.Second,
	}
	if opt != nil {
		opt(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	r := chi.NewRouter()
	srv.Routes(r)
	env.srv = srv
	env.http = httptest.NewServer(r)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		env.http.Close()
	})
	return env
}

// panicStore panics on use, to test the recoverer.
type panicStore struct{}

func (panicStore) Load(context.Context, string) (*assistant.Conversation, error) {
	panic("store exploded")
}
func (panicStore) Save(context.Context, *assistant.Conversation) error { panic("store exploded") }
