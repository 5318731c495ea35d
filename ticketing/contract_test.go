// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// opener returns a fresh, empty store that is closed when the test ends.
type opener func(testing.TB) *Store

// openPostgres opens a store on a fresh PostgreSQL database (pgtest: a
// throw-away cluster or LOTSE_PG_URL); it skips the test without
// PostgreSQL, or fails it with LOTSE_PG=1.
func openPostgres(tb testing.TB) *Store {
	tb.Helper()
	s, err := OpenPostgres(context.Background(), pgtest.URL(tb))
	if err != nil {
		tb.Fatalf("OpenPostgres: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

var backends = []struct {
	name string
	open opener
}{
	{"sqlite", mustOpen},
	{"postgres", openPostgres},
}

// contract is the store's contract: every test runs against both backends
// (TestStoreContract/sqlite/..., TestStoreContract/postgres/...). Together
// they call every method of Store.
var contract = []struct {
	name string
	fn   func(*testing.T, opener)
}{
	// store_test.go
	{"TicketRoundTrip", testTicketRoundTrip},
	{"ListSortsByPriorityThenAge", testListSortsByPriorityThenAge},
	{"Users", testUsers},
	{"AuditLog", testAuditLog},
	{"Conversations", testConversations},
	{"ConversationRevisions", testConversationRevisions},
	{"RetentionKeepsConversationsOfOpenTickets", testRetentionKeepsConversationsOfOpenTickets},
	// service_test.go
	{"EscalateCommitsTicketAndOutbox", testEscalateCommitsTicketAndOutbox},
	{"EscalateTruncatesLongSummary", testEscalateTruncatesLongSummary},
	{"EscalateWithoutDelivererHasNoOutboxRow", testEscalateWithoutDelivererHasNoOutboxRow},
	{"EscalateSummary", testEscalateSummary},
	{"StatusOnlyForReporter", testStatusOnlyForReporter},
	{"UpdateAndNotesAreAudited", testUpdateAndNotesAreAudited},
	{"OutagesAndMajorIncident", testOutagesAndMajorIncident},
	{"ConcurrentEscalationsAllCommitted", testConcurrentEscalationsAllCommitted},
	// contact_test.go, mail_test.go, outages_test.go, redeliver_test.go
	{"AttachContact", testAttachContact},
	{"ClearContactsResolvedBefore", testClearContactsResolvedBefore},
	{"EscalationDescriptionIsTheBrief", testEscalationDescriptionIsTheBrief},
	{"StatusTokenShowsOnlyItsTicket", testStatusTokenShowsOnlyItsTicket},
	{"PrivacyCoversMails", testPrivacyCoversMails},
	{"LinkOutage", testLinkOutage},
	{"RedeliverWithoutDeliverer", testRedeliverWithoutDeliverer},
	{"Redeliver", testRedeliver},
	// store_privacy_test.go, notify_test.go, outbox_test.go
	{"SubjectDataAndErasure", testSubjectDataAndErasure},
	{"P1NotificationGoesThroughOutbox", testP1NotificationGoesThroughOutbox},
	{"OutboxSkipsStaleEntries", testOutboxSkipsStaleEntries},
	// this file
	{"SchemaAndPing", testSchemaAndPing},
	{"TextSearchAndCount", testTextSearchAndCount},
	{"OutboxClaimDoneRetry", testOutboxClaimDoneRetry},
	{"OutboxLeases", testOutboxLeases},
	{"SyncReadBack", testSyncReadBack},
	{"WebSessions", testWebSessions},
	{"WebEvents", testWebEvents},
	{"DeskSessions", testDeskSessions},
	{"TakeToken", testTakeToken},
	{"ScrubAndErasureOfLiveState", testScrubAndErasureOfLiveState},
	{"MailRowsAndStatusToken", testMailRowsAndStatusToken},
}

func TestStoreContract(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			for _, c := range contract {
				t.Run(c.name, func(t *testing.T) { c.fn(t, b.open) })
			}
		})
	}
}

func testSchemaAndPing(t *testing.T, open opener) {
	ctx := context.Background()
	s := open(t)
	dir := "migrations"
	if s.Backend() == "postgres" {
		dir = "migrations/postgres"
	}
	ms, err := migrations(dir)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := s.SchemaVersion(ctx); err != nil || v != ms[len(ms)-1].version {
		t.Errorf("SchemaVersion = %d, %v; want %d", v, err, ms[len(ms)-1].version)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
	if (s.Backend() == "postgres") != (s.Pool() != nil) {
		t.Errorf("Backend %q with pool %v", s.Backend(), s.Pool())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(ctx); err == nil {
		t.Error("Ping after Close succeeded")
	}
}

func testTextSearchAndCount(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	svc, clock := mustService(t, Config{Store: st})
	if err := st.SaveConversation(ctx, ConversationRecord{ID: "c-2", Data: []byte(`{"text":"Frage zum Wohngeld"}`), CreatedAt: clock.Now(), UpdatedAt: clock.Now()}); err != nil {
		t.Fatal(err)
	}
	a := mustEscalate(t, svc, Escalation{ConversationID: "c-1", Summary: "Anmeldung eines Hundes", Channel: "web"})
	clock.Add(2 * time.Hour)
	b := mustEscalate(t, svc, Escalation{ConversationID: "c-2", Summary: "Rückruf", Channel: "phone"})
	if _, err := svc.AddNote(ctx, Note{TicketID: b.ID, Author: "anna", Text: "100% erledigt_bald"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		f    Filter
		want []string
	}{
		{Filter{Text: "HUNDES"}, []string{a.Key}},           // summary, ASCII case ignored
		{Filter{Text: "wohngeld"}, []string{b.Key}},         // stored conversation
		{Filter{Text: "100%"}, []string{b.Key}},             // note; % is no wildcard
		{Filter{Text: "0%"}, []string{b.Key}},               // infix
		{Filter{Text: "r_e"}, nil},                          // _ is no wildcard ("rle")
		{Filter{Text: b.Key}, []string{b.Key}},              // key
		{Filter{Channel: "web"}, []string{a.Key}},           // plain filter
		{Filter{OlderThan: time.Hour}, []string{a.Key}},     // age
		{Filter{OpenOnly: true, Limit: 1, Offset: 1}, nil},  // paging: both P3, a is older
		{Filter{OpenOnly: true, Limit: 1}, []string{a.Key}}, // first page
	} {
		ts, err := svc.List(ctx, c.f)
		if err != nil {
			t.Fatalf("List(%+v): %v", c.f, err)
		}
		var got []string
		for _, tk := range ts {
			got = append(got, tk.Key)
		}
		if c.f.Limit == 1 && c.f.Offset == 1 {
			c.want = []string{b.Key}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("List(%+v) = %v, want %v", c.f, got, c.want)
		}
		if c.f.Limit == 0 {
			if n, err := svc.Count(ctx, c.f); err != nil || n != len(c.want) {
				t.Errorf("Count(%+v) = %d, %v; want %d", c.f, n, err, len(c.want))
			}
		}
	}
}

// testOutboxClaimDoneRetry goes through the store's outbox methods as the
// Outbox uses them.
func testOutboxClaimDoneRetry(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	svc, clock := mustService(t, Config{Store: st, Deliverer: nopDeliverer{}})
	a := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "eins"})
	clock.Add(time.Second)
	b := mustEscalate(t, svc, Escalation{ConversationID: "c2", Summary: "zwei"})
	now := clock.Now()
	acts := []string{actionDeliver}

	if es, err := st.claimOutbox(ctx, now, []string{actionNotify}, 10, "i1", now.Add(time.Minute)); err != nil || len(es) != 0 {
		t.Fatalf("claim of another action = %+v, %v; want none", es, err)
	}
	es, err := st.claimOutbox(ctx, now, acts, 1, "i1", now.Add(time.Minute))
	if err != nil || len(es) != 1 || es[0].TicketID != a.ID || es[0].TicketKey != a.Key {
		t.Fatalf("claim 1 = %+v, %v; want the older row", es, err)
	}
	ea := es[0]
	if e, err := st.outboxEntry(ctx, ea.ID); err != nil || e.ID != ea.ID {
		t.Errorf("outboxEntry = %+v, %v", e, err)
	}
	if _, err := st.outboxEntry(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("outboxEntry(unknown) = %v, want ErrNotFound", err)
	}
	// A failed attempt: due again in a minute.
	if err := st.outboxRetry(ctx, ea.ID, "jira: 503", now.Add(time.Minute), false); err != nil {
		t.Fatal(err)
	}
	next, ok, err := st.nextOutboxDue(ctx, acts, nil)
	if err != nil || !ok || !next.Equal(b.CreatedAt) {
		t.Errorf("nextOutboxDue = %v, %v, %v; want b's row at %v", next, ok, err, b.CreatedAt)
	}
	if next, ok, err := st.nextOutboxDue(ctx, acts, []int64{ea.ID + 1}); err != nil || !ok || !next.Equal(now.Add(time.Minute)) {
		t.Errorf("nextOutboxDue skipping b = %v, %v, %v; want a's retry at %v", next, ok, err, now.Add(time.Minute))
	}
	es, err = st.claimOutbox(ctx, now, acts, 10, "i1", now.Add(time.Minute))
	if err != nil || len(es) != 1 || es[0].TicketID != b.ID {
		t.Fatalf("claim 2 = %+v, %v; want b's row only (a waits for its retry)", es, err)
	}
	if err := st.outboxDone(ctx, es[0], "EXT-7", now); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.ticketByID(ctx, b.ID); got.ExternalKey != "EXT-7" {
		t.Errorf("external key after done = %q", got.ExternalKey)
	}
	pending, err := st.ListOutbox(ctx)
	if err != nil || len(pending) != 1 || pending[0].ID != ea.ID || pending[0].Attempts != 1 || pending[0].LastError != "jira: 503" {
		t.Errorf("ListOutbox = %+v, %v; want a's row after one failed attempt", pending, err)
	}
	clock.Add(10 * time.Second)
	if depth, oldest, err := st.OutboxStats(ctx, clock.Now()); err != nil || depth != 1 || oldest != 11*time.Second {
		t.Errorf("OutboxStats = %d, %v, %v; want 1, 11s", depth, oldest, err)
	}
	// Given up: no longer pending.
	if err := st.outboxRetry(ctx, ea.ID, "gone", now, true); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := st.nextOutboxDue(ctx, acts, nil); err != nil || ok {
		t.Errorf("nextOutboxDue with nothing pending = %v, %v", ok, err)
	}
	if pending, err := st.ListOutbox(ctx); err != nil || len(pending) != 0 {
		t.Errorf("ListOutbox after give-up = %+v, %v", pending, err)
	}
}

// testOutboxLeases: a claimed row is another instance's until the lease
// ends (PostgreSQL); SQLite, used by one instance, ignores old claims.
func testOutboxLeases(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	svc, clock := mustService(t, Config{Store: st, Deliverer: nopDeliverer{}})
	mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "eins"})
	now := clock.Now()
	acts := []string{actionDeliver}
	lease := now.Add(time.Minute)
	es, err := st.claimOutbox(ctx, now, acts, 10, "dead", lease)
	if err != nil || len(es) != 1 {
		t.Fatalf("claim by dead = %+v, %v", es, err)
	}
	again, err := st.claimOutbox(ctx, now, acts, 10, "alive", now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	next, ok, err := st.nextOutboxDue(ctx, acts, nil)
	if err != nil || !ok {
		t.Fatalf("nextOutboxDue = %v, %v", ok, err)
	}
	if st.d.leases {
		if len(again) != 0 {
			t.Errorf("second instance claimed a leased row: %+v", again)
		}
		if !next.Equal(lease) {
			t.Errorf("next due = %v, want the lease end %v", next, lease)
		}
		// After the lease the row is taken over.
		again, err = st.claimOutbox(ctx, lease, acts, 10, "alive", lease.Add(time.Minute))
		if err != nil || len(again) != 1 || again[0].ID != es[0].ID {
			t.Fatalf("claim after lease = %+v, %v; want the row", again, err)
		}
		// The old owner's release does not touch the new owner's claim.
		if err := st.releaseOutbox(ctx, es[0].ID, "dead"); err != nil {
			t.Fatal(err)
		}
		if n, _, _ := st.nextOutboxDue(ctx, acts, nil); !n.Equal(lease.Add(time.Minute)) {
			t.Errorf("next due after a stale release = %v, want %v", n, lease.Add(time.Minute))
		}
		// The owner's release hands it back at once.
		if err := st.releaseOutbox(ctx, es[0].ID, "alive"); err != nil {
			t.Fatal(err)
		}
		if n, _, _ := st.nextOutboxDue(ctx, acts, nil); !n.Equal(now) {
			t.Errorf("next due after release = %v, want %v", n, now)
		}
	} else {
		if len(again) != 1 {
			t.Errorf("SQLite: claim after a restart = %+v, want the row", again)
		}
		if !next.Equal(now) {
			t.Errorf("SQLite: next due = %v, want %v", next, now)
		}
	}
}

func testSyncReadBack(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	svc, clock := mustService(t, Config{Store: st, Deliverer: nopDeliverer{}})
	tk := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "eins"})
	mustEscalate(t, svc, Escalation{ConversationID: "c2", Summary: "nicht geliefert"})
	if ts, _, err := st.ticketsToSync(ctx, 10); err != nil || len(ts) != 0 {
		t.Fatalf("ticketsToSync before delivery = %d, %v", len(ts), err)
	}
	es, _ := st.claimOutbox(ctx, clock.Now(), []string{actionDeliver}, 1, "i", clock.Now().Add(time.Minute))
	if err := st.outboxDone(ctx, es[0], "EXT-1", clock.Now()); err != nil {
		t.Fatal(err)
	}
	ts, seen, err := st.ticketsToSync(ctx, 10)
	if err != nil || len(ts) != 1 || ts[0].ID != tk.ID || !seen[0].IsZero() {
		t.Fatalf("ticketsToSync = %+v, %v, %v", ts, seen, err)
	}
	c1 := clock.Now().Add(time.Minute)
	clock.Add(2 * time.Minute)
	if err := st.applyExternal(ctx, ts[0], StatusResolved, []Note{{TicketID: tk.ID, Author: "extern:bob", Text: "erledigt", At: c1}}, c1, clock.Now()); err != nil {
		t.Fatal(err)
	}
	// Another instance's Syncer read the same comment before this one
	// committed: it is not copied twice.
	if err := st.applyExternal(ctx, ts[0], "", []Note{{TicketID: tk.ID, Author: "extern:bob", Text: "erledigt", At: c1}}, c1, clock.Now()); err != nil {
		t.Fatal(err)
	}
	got, _ := st.ticketByID(ctx, tk.ID)
	if got.Status != StatusResolved || !got.ResolvedAt.Equal(clock.Now()) || !got.UpdatedAt.Equal(clock.Now()) {
		t.Errorf("after applyExternal: status %s resolved %v updated %v", got.Status, got.ResolvedAt, got.UpdatedAt)
	}
	ns, err := st.notes(ctx, tk.ID)
	if err != nil || len(ns) != 1 || ns[0].Author != "extern:bob" || ns[0].Internal {
		t.Errorf("notes = %+v, %v", ns, err)
	}
	if ts, _, err := st.ticketsToSync(ctx, 10); err != nil || len(ts) != 0 {
		t.Errorf("ticketsToSync after resolution = %d, %v; want 0", len(ts), err)
	}
}

func testWebSessions(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	w := WebSession{TokenHash: "h1", ConversationID: "c1", Audience: "citizen", Data: []byte(`{"lang":"de"}`), CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	if err := st.SaveWebSession(ctx, WebSession{TokenHash: "h0"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("save without conversation = %v, want ErrInvalid", err)
	}
	if err := st.SaveWebSession(ctx, w); err != nil {
		t.Fatal(err)
	}
	got, err := st.WebSession(ctx, "h1", now)
	if err != nil || got.ConversationID != "c1" || got.Audience != "citizen" || string(got.Data) != `{"lang":"de"}` ||
		!got.CreatedAt.Equal(now) || !got.ExpiresAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("WebSession = %+v, %v", got, err)
	}
	// Replace keeps the creation time.
	w2 := w
	w2.UserID, w2.CreatedAt = "u7", now.Add(time.Minute)
	if err := st.SaveWebSession(ctx, w2); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.WebSession(ctx, "h1", now); got.UserID != "u7" || !got.CreatedAt.Equal(now) {
		t.Errorf("after replace = %+v", got)
	}
	if err := st.ExtendWebSession(ctx, "h1", now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := st.ExtendWebSession(ctx, "nope", now); !errors.Is(err, ErrNotFound) {
		t.Errorf("extend unknown = %v, want ErrNotFound", err)
	}
	if _, err := st.WebSession(ctx, "h1", now.Add(90*time.Minute)); err != nil {
		t.Errorf("extended session gone: %v", err)
	}
	if _, err := st.WebSession(ctx, "h1", now.Add(2*time.Hour)); !errors.Is(err, ErrNotFound) {
		t.Errorf("expired session = %v, want ErrNotFound", err)
	}
	if err := st.SaveWebSession(ctx, WebSession{TokenHash: "h2", ConversationID: "c2", ExpiresAt: now.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if n, err := st.DeleteExpiredWebSessions(ctx, now.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("DeleteExpiredWebSessions = %d, %v; want 1", n, err)
	}
	if err := st.DeleteWebSession(ctx, "h1"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.WebSession(ctx, "h1", now); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted session = %v", err)
	}
}

func testWebEvents(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if _, err := st.AppendWebEvent(ctx, "", nil, now); !errors.Is(err, ErrInvalid) {
		t.Errorf("append without conversation = %v", err)
	}
	if seq, err := st.LastWebEventSeq(ctx, "c1"); err != nil || seq != 0 {
		t.Errorf("LastWebEventSeq of nothing = %d, %v", seq, err)
	}
	// Concurrent appends (two instances, or two goroutines) get distinct,
	// gap-free numbers.
	const n = 20
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			if _, err := st.AppendWebEvent(ctx, "c1", fmt.Appendf(nil, `{"n":%d}`, i), now.Add(time.Duration(i)*time.Second)); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if _, err := st.AppendWebEvent(ctx, "c2", []byte(`{}`), now); err != nil {
		t.Fatal(err)
	}
	evs, err := st.WebEventsAfter(ctx, "c1", 0, 0)
	if err != nil || len(evs) != n {
		t.Fatalf("WebEventsAfter = %d events, %v; want %d", len(evs), err, n)
	}
	for i, e := range evs {
		if e.Seq != int64(i+1) || e.ConversationID != "c1" || len(e.Payload) == 0 {
			t.Errorf("event %d = %+v", i, e)
		}
	}
	if evs, _ := st.WebEventsAfter(ctx, "c1", 17, 2); len(evs) != 2 || evs[0].Seq != 18 || evs[1].Seq != 19 {
		t.Errorf("WebEventsAfter(17, 2) = %+v", evs)
	}
	if seq, err := st.LastWebEventSeq(ctx, "c1"); err != nil || seq != n {
		t.Errorf("LastWebEventSeq = %d, %v; want %d", seq, err, n)
	}
	if k, err := st.TrimWebEvents(ctx, "c1", 5); err != nil || k != n-5 {
		t.Errorf("TrimWebEvents = %d, %v; want %d", k, err, n-5)
	}
	if evs, _ := st.WebEventsAfter(ctx, "c1", 0, 0); len(evs) != 5 || evs[0].Seq != n-4 {
		t.Errorf("after trim = %+v", evs)
	}
	// Numbering goes on after a trim.
	if seq, err := st.AppendWebEvent(ctx, "c1", []byte(`{}`), now.Add(time.Hour)); err != nil || seq != n+1 {
		t.Errorf("append after trim = %d, %v; want %d", seq, err, n+1)
	}
	if k, err := st.DeleteWebEventsBefore(ctx, now.Add(30*time.Minute)); err != nil || k != 6 {
		t.Errorf("DeleteWebEventsBefore = %d, %v; want 6 (5 of c1, 1 of c2)", k, err)
	}
	if evs, _ := st.WebEventsAfter(ctx, "c1", 0, 0); len(evs) != 1 || evs[0].Seq != n+1 || !evs[0].At.Equal(now.Add(time.Hour)) {
		t.Errorf("after retention = %+v", evs)
	}
}

func testDeskSessions(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	d := DeskSession{TokenHash: "k1", Username: "anna", CSRF: "x", CreatedAt: now, ExpiresAt: now.Add(8 * time.Hour)}
	if err := st.CreateDeskSession(ctx, DeskSession{TokenHash: "k0"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("create without user = %v", err)
	}
	if err := st.CreateDeskSession(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateDeskSession(ctx, d); !errors.Is(err, ErrConflict) {
		t.Errorf("create twice = %v, want ErrConflict", err)
	}
	got, err := st.DeskSession(ctx, "k1", now.Add(time.Hour))
	if err != nil || got.Username != "anna" || got.CSRF != "x" || !got.ExpiresAt.Equal(d.ExpiresAt) || !got.CreatedAt.Equal(now) {
		t.Fatalf("DeskSession = %+v, %v", got, err)
	}
	if _, err := st.DeskSession(ctx, "k1", now.Add(8*time.Hour)); !errors.Is(err, ErrNotFound) {
		t.Errorf("expired login = %v", err)
	}
	for _, k := range []string{"k2", "k3"} {
		if err := st.CreateDeskSession(ctx, DeskSession{TokenHash: k, Username: "bob", ExpiresAt: now.Add(time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := st.DeleteDeskSessionsOfUser(ctx, "bob"); err != nil || n != 2 {
		t.Errorf("DeleteDeskSessionsOfUser = %d, %v; want 2", n, err)
	}
	if err := st.CreateDeskSession(ctx, DeskSession{TokenHash: "k4", Username: "carl", ExpiresAt: now.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if n, err := st.DeleteExpiredDeskSessions(ctx, now.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("DeleteExpiredDeskSessions = %d, %v; want 1", n, err)
	}
	if err := st.DeleteDeskSession(ctx, "k1"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DeskSession(ctx, "k1", now); !errors.Is(err, ErrNotFound) {
		t.Errorf("after logout = %v", err)
	}
}

func testTakeToken(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	take := func(key string, at time.Time) bool {
		t.Helper()
		ok, err := st.TakeTokenAt(ctx, key, 0.5, 3, at) // one token per 2s, burst 3
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	for i := range 3 {
		if !take("ip:1", now) {
			t.Fatalf("take %d of a full bucket refused", i+1)
		}
	}
	if take("ip:1", now) {
		t.Error("fourth take at once allowed (burst 3)")
	}
	if !take("ip:2", now) {
		t.Error("another key shares the bucket")
	}
	if take("ip:1", now.Add(time.Second)) {
		t.Error("take after 1s allowed (half a token)")
	}
	if !take("ip:1", now.Add(2*time.Second)) {
		t.Error("take after 2s refused (one token refilled)")
	}
	if take("ip:1", now.Add(2*time.Second)) {
		t.Error("second take after 2s allowed")
	}
	// A long pause fills the bucket to burst, not beyond.
	later := now.Add(time.Hour)
	n := 0
	for take("ip:1", later) {
		n++
		if n > 10 {
			break
		}
	}
	if n != 3 {
		t.Errorf("takes after a long pause = %d, want 3 (burst)", n)
	}
	// Concurrent takers on one bucket get exactly burst tokens.
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := 0
	for range 12 {
		wg.Go(func() {
			ok, err := st.TakeTokenAt(ctx, "shared", 0, 5, now)
			if err != nil {
				t.Error(err)
				return
			}
			if ok {
				mu.Lock()
				got++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if got != 5 {
		t.Errorf("concurrent takes granted = %d, want 5", got)
	}
	if _, err := st.TakeTokenAt(ctx, "", 1, 1, now); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty key = %v", err)
	}
	if _, err := st.TakeTokenAt(ctx, "k", math.Inf(-1), 1, now); !errors.Is(err, ErrInvalid) {
		t.Errorf("negative rate = %v", err)
	}
	if ok, err := st.TakeToken(ctx, "wall-clock", 1, 1); err != nil || !ok {
		t.Errorf("TakeToken = %v, %v", ok, err)
	}
	if n, err := st.DeleteIdleRateBuckets(ctx, now.Add(time.Minute)); err != nil || n != 2 {
		t.Errorf("DeleteIdleRateBuckets = %d, %v; want 2 (ip:2, shared)", n, err)
	}
}

// testScrubAndErasureOfLiveState: erasing a conversation takes its live
// events and web sessions with it; Scrub runs on both backends.
func testScrubAndErasureOfLiveState(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if err := st.SaveConversation(ctx, ConversationRecord{ID: "c1", Data: []byte(`{}`), CreatedAt: now, UpdatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AppendWebEvent(ctx, "c1", []byte(`{"text":"geheim"}`), now); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveWebSession(ctx, WebSession{TokenHash: "h", ConversationID: "c1", ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	er, err := st.EraseSubject(ctx, Subject{ConversationID: "c1"}, "dsb", now)
	if err != nil || er.Conversations != 1 || !er.Scrubbed {
		t.Fatalf("EraseSubject = %+v, %v", er, err)
	}
	if evs, _ := st.WebEventsAfter(ctx, "c1", 0, 0); len(evs) != 0 {
		t.Errorf("events after erasure = %+v", evs)
	}
	if _, err := st.WebSession(ctx, "h", now); !errors.Is(err, ErrNotFound) {
		t.Errorf("web session after erasure = %v", err)
	}
	if ok, err := st.Scrub(ctx); err != nil || !ok {
		t.Errorf("Scrub = %v, %v", ok, err)
	}
}

// testMailRowsAndStatusToken: a public note to a reporter with an e-mail
// address writes a mail and its outbox row, which the outbox reads back by
// reference; the reporter gets a status token by key and address; a note
// on a ticket that does not exist is ErrNotFound.
func testMailRowsAndStatusToken(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	svc, clock := mustService(t, Config{Store: st, Mailer: &recordingMailer{}})
	tk := mustEscalate(t, svc, Escalation{ConversationID: "m", Summary: "Frage", Contact: "erika@example.org"})
	if _, err := svc.AddNote(ctx, Note{TicketID: tk.ID, Author: "anna", Text: "Die Antwort"}); err != nil {
		t.Fatal(err)
	}
	es, err := st.claimOutbox(ctx, clock.Now(), []string{actionMail}, 10, "i", clock.Now().Add(time.Minute))
	if err != nil || len(es) != 1 || es[0].Ref == 0 {
		t.Fatalf("mail row = %+v, %v", es, err)
	}
	m, err := st.mailByID(ctx, es[0].Ref)
	if err != nil || m.To != "erika@example.org" || m.TicketKey != tk.Key || m.MessageID == "" {
		t.Errorf("mailByID = %+v, %v", m, err)
	}
	if _, err := st.mailByID(ctx, es[0].Ref+100); !errors.Is(err, ErrNotFound) {
		t.Errorf("mailByID(unknown) = %v", err)
	}
	tok, err := svc.StatusTokenFor(ctx, tk.Key, "Erika@Example.org")
	if err != nil || tok == "" {
		t.Fatalf("StatusTokenFor = %q, %v", tok, err)
	}
	if got, err := svc.StatusByToken(ctx, tok); err != nil || got.Key != tk.Key || len(got.Replies) != 1 {
		t.Errorf("StatusByToken = %+v, %v", got, err)
	}
	if _, err := svc.StatusTokenFor(ctx, tk.Key, "someone@example.org"); !errors.Is(err, ErrNotFound) {
		t.Errorf("StatusTokenFor with another address = %v", err)
	}
	if err := st.addNote(ctx, &Note{TicketID: tk.ID + 100, Author: "anna", Text: "x", At: clock.Now()}, nil, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("note on a missing ticket = %v, want ErrNotFound", err)
	}
}
