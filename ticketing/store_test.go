// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lotse.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations("migrations")
	if err != nil {
		t.Fatal(err)
	}
	want := ms[len(ms)-1].version
	if v, err := s.SchemaVersion(ctx); err != nil || v != want {
		t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, want)
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopening applies nothing twice.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&n); err != nil || n != len(ms) {
		t.Errorf("schema_version rows = %d, %v; want %d", n, err, len(ms))
	}
}

func TestOpenEmptyPath(t *testing.T) {
	if _, err := Open(context.Background(), ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("Open(\"\") = %v, want ErrInvalid", err)
	}
}

func testTicketRoundTrip(t *testing.T, open opener) {
	ctx := context.Background()
	s := open(t)
	at := time.Date(2026, 11, 26, 9, 30, 0, 123456789, time.UTC)
	in := Ticket{
		Kind: KindIncident, Priority: P2, Status: StatusNew, Audience: "employee", Channel: "web", Lang: "de",
		Summary: "VPN: keine Verbindung", Description: "…",
		Transcript: []Message{{Role: "user", Text: "VPN geht nicht", At: at}},
		Sources:    []Source{{ID: "it/vpn", Title: "VPN", URL: "https://intranet/vpn"}},
		Slots:      map[string]string{"service": "vpn"},
		Service:    "vpn", Impact: 2, Urgency: 2, Contact: "0815", ReporterID: "u1", ConversationID: "c1",
		Intent: "it_incident", Confidence: 0.5, Assignee: "anna", CreatedAt: at, UpdatedAt: at,
	}
	if err := s.createTicket(ctx, &in, "LOT", []string{actionDeliver}, at); err != nil {
		t.Fatal(err)
	}
	if in.Key != "LOT-1" || in.ID != 1 {
		t.Errorf("key, id = %q, %d; want LOT-1, 1", in.Key, in.ID)
	}
	got, err := s.ticketByKey(ctx, "LOT-1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if _, err := s.ticketByKey(ctx, "LOT-2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown key: %v, want ErrNotFound", err)
	}
	if _, err := s.ticketByID(ctx, 99); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
}

func testListSortsByPriorityThenAge(t *testing.T, open opener) {
	ctx := context.Background()
	svc, clock := mustService(t, Config{Store: open(t)})
	mk := func(p, kind, channel string) {
		tk := Ticket{Kind: kind, Priority: p, Summary: p + " " + kind, Channel: channel}
		if err := svc.create(ctx, &tk); err != nil {
			t.Fatal(err)
		}
		clock.Add(time.Minute)
	}
	mk(P3, KindEscalation, "web")   // LOT-1
	mk(P1, KindIncident, "web")     // LOT-2
	mk(P3, KindEscalation, "phone") // LOT-3
	mk(P2, KindIncident, "web")     // LOT-4
	mk(P1, KindIncident, "phone")   // LOT-5
	keys := func(ts []Ticket) []string {
		var k []string
		for _, t := range ts {
			k = append(k, t.Key)
		}
		return k
	}
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"all", Filter{}, []string{"LOT-2", "LOT-5", "LOT-4", "LOT-1", "LOT-3"}},
		{"kind", Filter{Kind: KindEscalation}, []string{"LOT-1", "LOT-3"}},
		{"channel", Filter{Channel: "phone"}, []string{"LOT-5", "LOT-3"}},
		{"priority", Filter{Priority: P1}, []string{"LOT-2", "LOT-5"}},
		{"older than 2m30s", Filter{OlderThan: 150 * time.Second}, []string{"LOT-2", "LOT-1", "LOT-3"}},
		{"page", Filter{Limit: 2, Offset: 1}, []string{"LOT-5", "LOT-4"}},
		{"status", Filter{Status: StatusResolved}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := svc.List(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, keys(got)); diff != "" {
				t.Errorf("List (-want +got):\n%s", diff)
			}
		})
	}
	if n, err := svc.Count(ctx, Filter{Kind: KindIncident}); err != nil || n != 3 {
		t.Errorf("Count(incident) = %d, %v; want 3", n, err)
	}
}

func testUsers(t *testing.T, open opener) {
	ctx := context.Background()
	s := open(t)
	u, err := s.CreateUser(ctx, User{Username: "anna", PasswordHash: "h1", Role: "agent"})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID == 0 {
		t.Error("CreateUser returned no ID")
	}
	if _, err := s.CreateUser(ctx, User{Username: "anna", PasswordHash: "h2", Role: "admin"}); !errors.Is(err, ErrConflict) {
		t.Errorf("duplicate username: %v, want ErrConflict", err)
	}
	if _, err := s.CreateUser(ctx, User{Username: " ", Role: "agent"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty username: %v, want ErrInvalid", err)
	}
	u.FailedLogins, u.LockedUntil, u.Disabled = 3, time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC), true
	if err := s.UpdateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetUserByName(ctx, "anna")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(u, got); diff != "" {
		t.Errorf("user (-want +got):\n%s", diff)
	}
	if _, err := s.GetUserByName(ctx, "bob"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown user: %v, want ErrNotFound", err)
	}
	if err := s.UpdateUser(ctx, User{ID: 42, Username: "x", Role: "agent"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("update unknown: %v, want ErrNotFound", err)
	}
	if _, err := s.CreateUser(ctx, User{Username: "bob", Role: "admin"}); err != nil {
		t.Fatal(err)
	}
	us, err := s.ListUsers(ctx)
	if err != nil || len(us) != 2 || us[0].Username != "anna" || us[1].Username != "bob" {
		t.Errorf("ListUsers = %+v, %v", us, err)
	}
}

func testAuditLog(t *testing.T, open opener) {
	ctx := context.Background()
	s := open(t)
	base := time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	for i, e := range []AuditEntry{
		{Who: "anna", Action: "user.login", At: base},
		{Who: "anna", Action: "ticket.update", Target: "LOT-1", Detail: "status", At: base.Add(time.Minute)},
		{Who: "bob", Action: "ticket.note", Target: "LOT-1", At: base.Add(2 * time.Minute)},
	} {
		if err := s.Audit(ctx, e); err != nil {
			t.Fatalf("Audit %d: %v", i, err)
		}
	}
	got, err := s.ListAudit(ctx, AuditFilter{Target: "LOT-1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Who != "bob" || got[1].Action != "ticket.update" || !got[1].At.Equal(base.Add(time.Minute)) {
		t.Errorf("ListAudit(LOT-1) = %+v", got)
	}
	got, err = s.ListAudit(ctx, AuditFilter{Who: "anna", Limit: 1})
	if err != nil || len(got) != 1 || got[0].Action != "ticket.update" {
		t.Errorf("ListAudit(anna, 1) = %+v, %v", got, err)
	}
}

func testConversations(t *testing.T, open opener) {
	ctx := context.Background()
	s := open(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := ConversationRecord{ID: "c1", Audience: "citizen", Channel: "web", Data: []byte(`{"a":1}`), CreatedAt: t0, UpdatedAt: t0}
	if err := s.SaveConversation(ctx, c); err != nil {
		t.Fatal(err)
	}
	c2 := c
	c2.Data, c2.UpdatedAt, c2.CreatedAt = []byte(`{"a":2}`), t0.Add(time.Hour), t0.Add(time.Hour)
	if err := s.SaveConversation(ctx, c2); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadConversation(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	want := c2
	want.CreatedAt = t0 // kept from the first save
	want.Rev = got.Rev  // see testConversationRevisions
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("conversation (-want +got):\n%s", diff)
	}
	if _, err := s.LoadConversation(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown conversation: %v, want ErrNotFound", err)
	}
	if err := s.SaveConversation(ctx, ConversationRecord{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty ID: %v, want ErrInvalid", err)
	}
	if err := s.SaveConversation(ctx, ConversationRecord{ID: "c2", UserID: "u7", Data: []byte(`{}`), CreatedAt: t0, UpdatedAt: t0.Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	all, err := s.ListConversations(ctx, ConversationFilter{})
	if err != nil || len(all) != 2 || all[0].ID != "c2" {
		t.Errorf("ListConversations = %+v, %v; want c2 first", all, err)
	}
	mine, err := s.ListConversations(ctx, ConversationFilter{UserID: "u7"})
	if err != nil || len(mine) != 1 || mine[0].ID != "c2" {
		t.Errorf("ListConversations(u7) = %+v, %v", mine, err)
	}
}

// Every save gives a conversation a new revision; UpdateConversation
// writes only when the revision is the one the caller read, and
// ConversationRev reads it without the document.
func testConversationRevisions(t *testing.T, open opener) {
	ctx := context.Background()
	s := open(t)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := ConversationRecord{ID: "c1", Audience: "citizen", Channel: "web", UserID: "u1", Data: []byte(`{"a":1}`), CreatedAt: t0, UpdatedAt: t0}
	r1, err := s.SaveConversationRev(ctx, c)
	if err != nil || r1 <= 0 {
		t.Fatalf("first save: rev %d, %v; want a positive revision", r1, err)
	}
	if got, err := s.ConversationRev(ctx, "c1"); err != nil || got != r1 {
		t.Errorf("ConversationRev = %d, %v; want %d", got, err, r1)
	}
	r2, err := s.SaveConversationRev(ctx, c)
	if err != nil || r2 != r1+1 {
		t.Fatalf("second save: rev %d, %v; want %d", r2, err, r1+1)
	}
	r3, err := s.UpdateConversation(ctx, "c1", r2, []byte(`{"a":3}`), t0.Add(time.Hour))
	if err != nil || r3 != r2+1 {
		t.Fatalf("UpdateConversation at the current revision: %d, %v; want %d", r3, err, r2+1)
	}
	got, err := s.LoadConversation(ctx, "c1")
	if err != nil || string(got.Data) != `{"a":3}` || !got.UpdatedAt.Equal(t0.Add(time.Hour)) || got.Rev != r3 ||
		got.UserID != "u1" || got.Audience != "citizen" || !got.CreatedAt.Equal(t0) {
		t.Errorf("after UpdateConversation: %+v, %v", got, err)
	}
	// A writer that read an older revision changes nothing.
	if _, err := s.UpdateConversation(ctx, "c1", r2, []byte(`{"a":"stale"}`), t0.Add(2*time.Hour)); !errors.Is(err, ErrConflict) {
		t.Errorf("UpdateConversation at an old revision: %v, want ErrConflict", err)
	}
	if got, _ := s.LoadConversation(ctx, "c1"); string(got.Data) != `{"a":3}` {
		t.Errorf("a stale update was written: %s", got.Data)
	}
	if _, err := s.UpdateConversation(ctx, "nope", 1, []byte(`{}`), t0); !errors.Is(err, ErrConflict) {
		t.Errorf("UpdateConversation of an unknown conversation: %v, want ErrConflict", err)
	}
	if _, err := s.ConversationRev(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ConversationRev of an unknown conversation: %v, want ErrNotFound", err)
	}
	// A request that is gone runs none of them.
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.ConversationRev(gone, "c1"); !errors.Is(err, context.Canceled) {
		t.Errorf("ConversationRev with a cancelled context: %v", err)
	}
	if _, err := s.UpdateConversation(gone, "c1", r3, []byte(`{}`), t0); !errors.Is(err, context.Canceled) {
		t.Errorf("UpdateConversation with a cancelled context: %v", err)
	}
	if _, err := s.SaveConversationRev(gone, c); !errors.Is(err, context.Canceled) {
		t.Errorf("SaveConversationRev with a cancelled context: %v", err)
	}
	if _, err := s.LoadConversation(gone, "c1"); !errors.Is(err, context.Canceled) {
		t.Errorf("LoadConversation with a cancelled context: %v", err)
	}
	// Deleted and saved again under the same ID, a conversation does not
	// repeat its old revision (a copy kept in memory must not pass for it).
	if n, err := s.DeleteConversationsBefore(ctx, t0.Add(24*time.Hour)); err != nil || n != 1 {
		t.Fatalf("DeleteConversationsBefore = %d, %v", n, err)
	}
	if _, err := s.ConversationRev(ctx, "c1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ConversationRev after deletion: %v, want ErrNotFound", err)
	}
	again, err := s.SaveConversationRev(ctx, c)
	if err != nil || again == r1 || again == r3 {
		t.Errorf("saved again after deletion: rev %d, %v; the old ones were %d..%d", again, err, r1, r3)
	}
}

func testRetentionKeepsConversationsOfOpenTickets(t *testing.T, open opener) {
	ctx := context.Background()
	svc, clock := mustService(t, Config{Store: open(t)})
	st := svc.store
	old := clock.Now().Add(-100 * 24 * time.Hour)
	for _, id := range []string{"old-plain", "old-open", "old-resolved", "new-plain"} {
		upd := old
		if id == "new-plain" {
			upd = clock.Now()
		}
		if err := st.SaveConversation(ctx, ConversationRecord{ID: id, Data: []byte(`{}`), CreatedAt: upd, UpdatedAt: upd}); err != nil {
			t.Fatal(err)
		}
	}
	mustEscalate(t, svc, Escalation{ConversationID: "old-open", Summary: "Bitte Rückruf"})
	res := mustEscalate(t, svc, Escalation{ConversationID: "old-resolved", Summary: "Frage"})
	if _, err := svc.Update(ctx, res.ID, Patch{Status: ptr(StatusResolved)}, "anna"); err != nil {
		t.Fatal(err)
	}
	if c, err := st.LoadConversation(ctx, "old-open"); err != nil || c.LinkedTicket != "LOT-1" {
		t.Errorf("linked ticket = %q, %v; want LOT-1", c.LinkedTicket, err)
	}
	n, err := st.DeleteConversationsBefore(ctx, clock.Now().Add(-90*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("deleted %d, want 2", n)
	}
	for id, want := range map[string]bool{"old-plain": false, "old-open": true, "old-resolved": false, "new-plain": true} {
		_, err := st.LoadConversation(ctx, id)
		if got := err == nil; got != want {
			t.Errorf("%s kept = %v, want %v (err %v)", id, got, want, err)
		}
	}
}

// Chat turns save their conversations with statements that return the
// new revision; SQLite's automatic checkpoint must still run after them,
// so that the write-ahead log stays bounded however many turns are saved
// (it is restarted from its beginning after a checkpoint).
func TestConversationWritesKeepTheLogBounded(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lotse.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	for c := range 1000 {
		id := fmt.Sprintf("conv-%d", c)
		doc := []byte(`{"entries":["` + strings.Repeat("x", 1500) + `"]}`)
		rev, err := s.SaveConversationRev(ctx, ConversationRecord{ID: id, Audience: "citizen", Channel: "web", Data: doc, CreatedAt: at, UpdatedAt: at})
		if err != nil {
			t.Fatal(err)
		}
		for turn := 2; turn <= 4; turn++ {
			doc = []byte(`{"entries":["` + strings.Repeat("x", 1500*turn) + `"]}`)
			if rev, err = s.UpdateConversation(ctx, id, rev, doc, at); err != nil {
				t.Fatal(err)
			}
		}
	}
	// The default checkpoint threshold is 1000 pages of 4 KB; without a
	// checkpoint these writes leave about 60 MB of log.
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > 16<<20 {
		t.Errorf("write-ahead log is %d bytes after 4,000 conversation writes; want it checkpointed and restarted (≤ 16 MiB)", fi.Size())
	}
}
