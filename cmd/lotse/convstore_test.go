// SPDX-License-Identifier: EUPL-1.2

package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/musterstadt/lotse/assistant"
	"github.com/musterstadt/lotse/knowledge"
	"github.com/musterstadt/lotse/ticketing"
)

func openConvStore(t *testing.T) *ticketing.Store {
	t.Helper()
	st, err := ticketing.Open(context.Background(), filepath.Join(t.TempDir(), "lotse.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func testConversation(id string) *assistant.Conversation {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	return &assistant.Conversation{ID: id, Audience: knowledge.Citizen, Channel: "web", UserID: "u1", Lang: "de",
		Slots: map[string]string{"entries": `"entries":null`}, CreatedAt: at, UpdatedAt: at}
}

func addTurn(c *assistant.Conversation, q, a string) {
	at := c.UpdatedAt.Add(time.Minute)
	c.Entries = append(c.Entries,
		assistant.Entry{Role: assistant.RoleUser, Text: q, At: at},
		assistant.Entry{Role: assistant.RoleAssistant, Text: a, Intent: assistant.IntentServiceInfo, At: at,
			Sources: []assistant.Source{{ID: "leistungen/reisepass", Title: "Reisepass", URL: "https://example.org/p"}}})
	c.UpdatedAt = at
}

// The document written from the entries' JSON and the rest is the one
// json.Marshal writes, byte for byte, also when a text holds what the
// entries' key looks like.
func TestEncodeConversationIsTheDocument(t *testing.T) {
	c := testConversation("c1")
	c.Entries = []assistant.Entry{}
	addTurn(c, `Was heißt "entries":null?`, "<b>Nichts</b> & so")
	addTurn(c, "Und dann?", "Dann \u2028 weiter.")
	var parts []string
	for _, e := range c.Entries {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, string(b))
	}
	want, _ := json.Marshal(c)
	for split := range len(parts) + 1 {
		prev, add := strings.Join(parts[:split], ","), strings.Join(parts[split:], ",")
		got, entries, err := encodeConversation(c, []byte(prev), []byte(add))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("encodeConversation after %d entries:\n%s\nwant\n%s", split, got, want)
		}
		if string(entries) != strings.Join(parts, ",") {
			t.Errorf("entries after %d: %s", split, entries)
		}
	}
}

// Turn after turn, what Load returns is what the database holds: a
// conversation in memory is handed out again only while its revision is
// the stored one. Another writer (a second instance, `lotse privacy
// erase`, retention) makes the next Load read the database.
// Every save stores what json.Marshal writes for the conversation, byte
// for byte, turn after turn, also for texts that JSON escapes.
func TestSavedDocumentIsJSONMarshal(t *testing.T) {
	ctx := context.Background()
	st := openConvStore(t)
	cs := newConversationStore(st, false)
	c := testConversation("c1")
	for turn, q := range []string{"<b>Frage</b> & mehr", "Zeile\u2028zwei \"zitiert\"", "ohne"} {
		addTurn(c, q, "Antwort "+q)
		if err := cs.Save(ctx, c); err != nil {
			t.Fatal(err)
		}
		rec, err := st.LoadConversation(ctx, "c1")
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := json.Marshal(c); string(rec.Data) != string(want) {
			t.Fatalf("turn %d stored\n%s\nwant\n%s", turn, rec.Data, want)
		}
		if c, err = cs.Load(ctx, "c1"); err != nil {
			t.Fatal(err)
		}
	}
}

func TestConversationStoreStaysInStepWithTheDatabase(t *testing.T) {
	ctx := context.Background()
	st := openConvStore(t)
	a, b := newConversationStore(st, false), newConversationStore(st, false)
	fresh := func(id string) *assistant.Conversation { // what a new process would read
		t.Helper()
		got, err := newConversationStore(st, false).Load(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	c := testConversation("c1")
	for turn := range 3 {
		addTurn(c, "Frage", "Antwort")
		if err := a.Save(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, err := a.Load(ctx, "c1")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(fresh("c1"), got); diff != "" {
			t.Fatalf("turn %d: Load (-database +memory):\n%s", turn, diff)
		}
		if len(got.Entries) != 2*(turn+1) {
			t.Fatalf("turn %d: %d entries", turn, len(got.Entries))
		}
		c = got
	}
	// The copy handed out is the caller's: changing it changes nothing kept.
	c.Slots["x"] = "y"
	c.Entries[1].Sources[0].ID = "z"
	if got, _ := a.Load(ctx, "c1"); got.Slots["x"] != "" || got.Entries[1].Sources[0].ID != "leistungen/reisepass" {
		t.Errorf("a change to a loaded copy reached the store: %+v", got)
	}

	// Another instance adds a turn: a's next Load sees it.
	other, err := b.Load(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	addTurn(other, "Frage von b", "Antwort an b")
	if err := b.Save(ctx, other); err != nil {
		t.Fatal(err)
	}
	got, err := a.Load(ctx, "c1")
	if err != nil || len(got.Entries) != 8 || got.Entries[6].Text != "Frage von b" {
		t.Fatalf("after another instance saved: %d entries, %v", len(got.Entries), err)
	}
	// a continues from there, writing only what it added.
	addTurn(got, "Frage von a", "Antwort an a")
	if err := a.Save(ctx, got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fresh("c1"), got); diff != "" {
		t.Errorf("after a continued (-database +a):\n%s", diff)
	}

	// A writer that worked on an older copy still replaces the
	// conversation (the last save wins, as with every document store).
	stale, _ := b.Load(ctx, "c1")
	addTurn(stale, "spät", "spät")
	if err := a.Save(ctx, stale); err != nil {
		t.Fatal(err)
	}
	if db := fresh("c1"); len(db.Entries) != 12 || db.Entries[10].Text != "spät" {
		t.Errorf("last save: %d entries in the database", len(db.Entries))
	}

	// Retention (or an erasure) deletes it: a's next Load says so.
	if _, err := a.Load(ctx, "c1"); err != nil {
		t.Fatal(err)
	}
	if n, err := st.DeleteConversationsBefore(ctx, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil || n != 1 {
		t.Fatalf("retention: %d, %v", n, err)
	}
	if _, err := a.Load(ctx, "c1"); !errors.Is(err, assistant.ErrNotFound) {
		t.Errorf("Load after deletion: %v, want ErrNotFound", err)
	}
}

// With redaction on, the entries added since the last save are redacted
// too, and the conversation in memory is the redacted one that the
// database holds.
func TestConversationStoreRedactsEveryTurn(t *testing.T) {
	ctx := context.Background()
	st := openConvStore(t)
	cs := newConversationStore(st, true)
	c := testConversation("c1")
	addTurn(c, "Meine IBAN ist DE89 3704 0044 0532 0130 00", "Danke.")
	if err := cs.Save(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := cs.Load(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	addTurn(got, "Mail an erika@example.org bitte", "Gern.")
	if err := cs.Save(ctx, got); err != nil {
		t.Fatal(err)
	}
	mem, _ := cs.Load(ctx, "c1")
	db, _ := newConversationStore(st, true).Load(ctx, "c1")
	if diff := cmp.Diff(db, mem); diff != "" {
		t.Errorf("memory differs from the database (-database +memory):\n%s", diff)
	}
	for _, e := range db.Entries {
		if strings.Contains(e.Text, "DE89") || strings.Contains(e.Text, "erika@") {
			t.Errorf("stored unredacted: %q", e.Text)
		}
	}
	if !strings.Contains(got.Entries[2].Text, "erika@example.org") {
		t.Error("Save changed the caller's conversation")
	}
}

// The conversations kept in memory are bounded; one that was let go is
// read from the database again.
func TestConversationStoreIsBounded(t *testing.T) {
	ctx := context.Background()
	st := openConvStore(t)
	cs := newConversationStore(st, false)
	for i := range maxLiveConversations + 10 {
		c := testConversation("c" + strconv.Itoa(i))
		addTurn(c, "Frage", "Antwort")
		if err := cs.Save(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	cs.mu.Lock()
	n, l := len(cs.live), cs.lru.Len()
	cs.mu.Unlock()
	if n != maxLiveConversations || l != n {
		t.Errorf("%d conversations in memory (list %d), want %d", n, l, maxLiveConversations)
	}
	got, err := cs.Load(ctx, "c0")
	if err != nil || len(got.Entries) != 2 {
		t.Errorf("a conversation let go: %v, %v", got, err)
	}

	// A conversation nobody used for liveIdle is let go as well.
	now := time.Now()
	cs.now = func() time.Time { return now }
	c := testConversation("idle")
	addTurn(c, "Frage", "Antwort")
	if err := cs.Save(ctx, c); err != nil {
		t.Fatal(err)
	}
	if cs.get("idle") == nil {
		t.Fatal("a conversation just saved is not held")
	}
	now = now.Add(liveIdle + time.Second)
	if cs.get("idle") != nil {
		t.Error("a conversation idle for longer than liveIdle is still held")
	}
	cs.mu.Lock()
	n = len(cs.live)
	cs.mu.Unlock()
	if n != 0 {
		t.Errorf("%d idle conversations still held", n)
	}
}

// Over the real server: when a chat answer arrives, the user's message is
// in the database (read by another process's store, without the server's
// memory), and so is the follow-up after the next answer.
func TestChatAnswerArrivesAfterTheMessageIsStored(t *testing.T) {
	ctx := context.Background()
	cfg := DefaultConfig()
	cfg.Addr, cfg.DataDir, cfg.Watch = "127.0.0.1:0", t.TempDir(), false
	srv, err := startServer(ctx, cfg, newLogger(io.Discard, "error"))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown(context.WithoutCancel(ctx))
	client := &http.Client{Timeout: 30 * time.Second}
	first, err := benchPost(ctx, client, srv.URL(), "", "Was kostet ein Reisepass?")
	if err != nil {
		t.Fatal(err)
	}
	second, err := benchPost(ctx, client, srv.URL(), first.SessionID, "Und wie lange dauert das?")
	if err != nil {
		t.Fatal(err)
	}
	if second.SessionID != first.SessionID {
		t.Fatalf("follow-up in session %q, want %q", second.SessionID, first.SessionID)
	}
	other, err := ticketing.Open(ctx, filepath.Join(cfg.DataDir, "lotse.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	recs, err := other.ListConversations(ctx, ticketing.ConversationFilter{})
	if err != nil || len(recs) != 1 {
		t.Fatalf("stored conversations: %d, %v; want 1", len(recs), err)
	}
	var conv assistant.Conversation
	if err := json.Unmarshal(recs[0].Data, &conv); err != nil {
		t.Fatal(err)
	}
	var users []string
	for _, e := range conv.Entries {
		if e.Role == assistant.RoleUser {
			users = append(users, e.Text)
		}
	}
	if diff := cmp.Diff([]string{"Was kostet ein Reisepass?", "Und wie lange dauert das?"}, users); diff != "" {
		t.Errorf("stored user messages (-want +got):\n%s", diff)
	}
}

// Turns on several conversations at once, with readers loading them at
// the same time (the desk), lose no entry (run with -race).
func TestConversationStoreConcurrentTurns(t *testing.T) {
	ctx := context.Background()
	st := openConvStore(t)
	cs := newConversationStore(st, false)
	const convs, turns = 6, 10
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				for i := range convs {
					if c, err := cs.Load(ctx, "c"+strconv.Itoa(i)); err == nil {
						c.Slots["reader"] = "x" // a reader's copy is its own
					}
				}
			}
		})
	}
	var writers sync.WaitGroup
	for i := range convs {
		writers.Go(func() {
			id := "c" + strconv.Itoa(i)
			for range turns {
				c, err := cs.Load(ctx, id)
				if errors.Is(err, assistant.ErrNotFound) {
					c = testConversation(id)
				} else if err != nil {
					t.Error(err)
					return
				}
				addTurn(c, "Frage", "Antwort")
				if err := cs.Save(ctx, c); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	writers.Wait()
	close(stop)
	wg.Wait()
	for i := range convs {
		c, err := newConversationStore(st, false).Load(ctx, "c"+strconv.Itoa(i))
		if err != nil || len(c.Entries) != 2*turns || c.Slots["reader"] != "" {
			t.Errorf("conversation %d: %d entries, slots %v, %v; want %d entries", i, len(c.Entries), c.Slots, err, 2*turns)
		}
	}
}
