// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/musterstadt/lotse/channels/web"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/ticketing"
	"github.com/musterstadt/lotse/ticketing/pgtest"
)

// sessionStores are the implementations of web.SessionStore; the contract
// below runs against each.
var sessionStores = []struct {
	name string
	open func(t *testing.T) web.SessionStore
}{
	{"memory", func(*testing.T) web.SessionStore { return web.NewMemorySessionStore(5) }},
	{"postgres", func(t *testing.T) web.SessionStore {
		sh, err := newSharedState(context.Background(), openPG(t), 5, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { sh.close() })
		return sh.sessions
	}},
}

func openPG(t *testing.T) *ticketing.Store {
	t.Helper()
	st, err := ticketing.OpenPostgres(context.Background(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestSessionStoreContract: sessions round-trip, expire and extend;
// events are numbered per conversation without gaps or repeats even when
// appended at once, read after a number, and swept by age; the
// conversation lock excludes a second holder.
func TestSessionStoreContract(t *testing.T) {
	for _, impl := range sessionStores {
		t.Run(impl.name, func(t *testing.T) {
			s := impl.open(t)
			ctx := context.Background()
			now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
			rec := web.SessionRecord{Token: "tok-1", ConversationID: "conv-1", Audience: knowledge.Citizen, ExpiresAt: now.Add(time.Hour)}
			if err := s.SaveSession(ctx, rec); err != nil {
				t.Fatal(err)
			}
			got, err := s.Session(ctx, "tok-1", now)
			if err != nil || got != rec {
				t.Fatalf("Session = %+v, %v; want %+v", got, err, rec)
			}
			if _, err := s.Session(ctx, "tok-1", now.Add(2*time.Hour)); !errors.Is(err, web.ErrSessionNotFound) {
				t.Errorf("expired session: %v", err)
			}
			if _, err := s.Session(ctx, "nope", now); !errors.Is(err, web.ErrSessionNotFound) {
				t.Errorf("unknown session: %v", err)
			}
			if err := s.ExtendSession(ctx, "tok-1", now.Add(3*time.Hour)); err != nil {
				t.Fatal(err)
			}
			if err := s.ExtendSession(ctx, "nope", now); err != nil {
				t.Errorf("extending an unknown session: %v", err)
			}
			if _, err := s.Session(ctx, "tok-1", now.Add(2*time.Hour)); err != nil {
				t.Errorf("extended session: %v", err)
			}
			rec.Rotated, rec.ExpiresAt = true, now.Add(3*time.Hour)
			if err := s.SaveSession(ctx, rec); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Session(ctx, "tok-1", now); !got.Rotated {
				t.Error("Rotated not kept")
			}

			// Events: four appenders at once, numbers 1..8 each once.
			var wg sync.WaitGroup
			for i := range 4 {
				wg.Go(func() {
					for range 2 {
						data, _ := json.Marshal(map[string]any{"type": "notice", "from": i})
						if _, err := s.AppendEvent(ctx, "conv-1", data, now); err != nil {
							t.Error(err)
						}
					}
				})
			}
			wg.Wait()
			evs, err := s.Events(ctx, "conv-1", 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			// At least the newest five are kept, numbered up to 8.
			if len(evs) < 5 || evs[len(evs)-1].Seq != 8 {
				t.Fatalf("events %+v", evs)
			}
			for i := 1; i < len(evs); i++ {
				if evs[i].Seq != evs[i-1].Seq+1 {
					t.Errorf("numbers %d then %d", evs[i-1].Seq, evs[i].Seq)
				}
			}
			after, _ := s.Events(ctx, "conv-1", 6, 1)
			if len(after) != 1 || after[0].Seq != 7 || !json.Valid(after[0].Data) {
				t.Errorf("Events after 6, limit 1: %+v", after)
			}
			if other, _ := s.AppendEvent(ctx, "conv-2", []byte(`{}`), now); other != 1 {
				t.Errorf("first event of another conversation numbered %d", other)
			}

			unlock, err := s.LockConversation(ctx, "conv-1")
			if err != nil {
				t.Fatal(err)
			}
			short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
			if _, err := s.LockConversation(short, "conv-1"); err == nil {
				t.Error("a second holder got the conversation lock")
			}
			cancel()
			unlock()
			again, err := s.LockConversation(ctx, "conv-1")
			if err != nil {
				t.Fatalf("lock after release: %v", err)
			}
			again()

			if err := s.Sweep(ctx, now.Add(4*time.Hour), now.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Session(ctx, "tok-1", now); !errors.Is(err, web.ErrSessionNotFound) {
				t.Errorf("swept session: %v", err)
			}
			if evs, _ := s.Events(ctx, "conv-1", 0, 100); len(evs) != 0 {
				t.Errorf("%d events left after the sweep", len(evs))
			}
		})
	}
}

func TestParseNote(t *testing.T) {
	n := web.Note{Kind: web.NoteEvent, ConversationID: "ABC1", Seq: 42}
	sent := n.Kind + " 42 ABC1" // as webNotifier.Notify writes it
	got, ok := parseNote(sent)
	if !ok || got != n {
		t.Errorf("parseNote(%q) = %+v, %v", sent, got, ok)
	}
	typing := web.Note{Kind: web.NoteTyping, ConversationID: "ABC", From: "anna maria"}
	if got, ok := parseNote("typing 0 ABC anna maria"); !ok || got != typing {
		t.Errorf("typing note: %+v, %v", got, ok)
	}
	for _, bad := range []string{"", "event", "event x conv", "event 1 ", " 1 conv"} {
		if _, ok := parseNote(bad); ok {
			t.Errorf("parseNote(%q) accepted", bad)
		}
	}
}
