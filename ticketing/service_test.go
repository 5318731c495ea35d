// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type nopDeliverer struct{}

func (nopDeliverer) Deliver(context.Context, Ticket) (string, error) { return "EXT-1", nil }

func outboxRows(t *testing.T, s *Store) []OutboxEntry {
	t.Helper()
	es, err := s.queryOutbox(context.Background(), `SELECT `+outboxColumns+` FROM outbox o JOIN tickets t ON t.id = o.ticket_id ORDER BY o.id`)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func testEscalateCommitsTicketAndOutbox(t *testing.T, open opener) {
	ctx := context.Background()
	svc, clock := mustService(t, Config{Store: open(t), Deliverer: nopDeliverer{}})
	e := Escalation{
		ConversationID: "c1", Channel: "web", Audience: "citizen", Lang: "de", Intent: "human",
		Reason: "requested", Summary: "Bürgerin möchte einen Rückruf zur Ummeldung.",
		Transcript: []Message{{Role: "user", Text: "Ich will mit einem Menschen sprechen", At: clock.Now()}},
		Sources:    []Source{{ID: "leistungen/ummeldung", Title: "Ummeldung"}},
		Confidence: 0.3, Contact: "0170 123",
	}
	tk := mustEscalate(t, svc, e)
	if tk.Key != "LOT-1" || tk.Kind != KindEscalation || tk.Priority != P3 || tk.Status != StatusNew {
		t.Errorf("ticket = %+v", tk)
	}
	got, err := svc.Get(ctx, tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tk, got); diff != "" {
		t.Errorf("stored ticket (-returned +stored):\n%s", diff)
	}
	rows := outboxRows(t, svc.store)
	if len(rows) != 1 || rows[0].TicketID != tk.ID || rows[0].Action != actionDeliver || !rows[0].NextAttemptAt.Equal(clock.Now()) {
		t.Errorf("outbox = %+v, want one due deliver row", rows)
	}
	if depth, oldest, err := svc.OutboxStats(ctx); err != nil || depth != 1 || oldest != 0 {
		t.Errorf("OutboxStats = %d, %v, %v; want 1, 0", depth, oldest, err)
	}
	clock.Add(90 * time.Second)
	if depth, oldest, err := svc.OutboxStats(ctx); err != nil || depth != 1 || oldest != 90*time.Second {
		t.Errorf("OutboxStats later = %d, %v, %v; want 1, 90s", depth, oldest, err)
	}
}

func testEscalateTruncatesLongSummary(t *testing.T, open opener) {
	svc, _ := mustService(t, Config{Store: open(t)})
	tk := mustEscalate(t, svc, Escalation{Summary: strings.Repeat("Ä", 500)})
	if n := len([]rune(tk.Summary)); n != 200 || !strings.HasSuffix(tk.Summary, "…") {
		t.Errorf("summary has %d runes, want 200 ending in …", n)
	}
	if tk.Description != strings.Repeat("Ä", 500) {
		t.Error("description lost the full text")
	}
	if svc.Catalog() == nil || len(svc.Catalog().Services) != 10 {
		t.Error("default catalog not in use")
	}
}

func testEscalateWithoutDelivererHasNoOutboxRow(t *testing.T, open opener) {
	svc, _ := mustService(t, Config{Store: open(t)})
	mustEscalate(t, svc, Escalation{Summary: "x"})
	if rows := outboxRows(t, svc.store); len(rows) != 0 {
		t.Errorf("outbox = %+v, want none without deliverer", rows)
	}
}

func TestEscalateIsAtomic(t *testing.T) {
	ctx := context.Background()
	svc, _ := mustService(t, Config{Deliverer: nopDeliverer{}})
	// Make the outbox insert fail inside the transaction.
	if _, err := svc.store.db.ExecContext(ctx, `CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	_, err := svc.Escalate(ctx, Escalation{ConversationID: "c1", Summary: "Hilfe"})
	if err == nil {
		t.Fatal("Escalate succeeded although the outbox insert failed")
	}
	if n, err := svc.Count(ctx, Filter{}); err != nil || n != 0 {
		t.Errorf("tickets after failed escalation = %d, %v; want 0 (rolled back)", n, err)
	}
	if _, err := svc.store.db.ExecContext(ctx, `DROP TRIGGER fail_outbox`); err != nil {
		t.Fatal(err)
	}
	tk := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "Hilfe"})
	if rows := outboxRows(t, svc.store); len(rows) != 1 || rows[0].TicketID != tk.ID {
		t.Errorf("outbox = %+v", rows)
	}
}

func testEscalateSummary(t *testing.T, open opener) {
	svc, _ := mustService(t, Config{Store: open(t)})
	tk := mustEscalate(t, svc, Escalation{Transcript: []Message{
		{Role: "user", Text: "erste Frage"}, {Role: "assistant", Text: "Antwort"}, {Role: "user", Text: "  zweite\nFrage "},
	}})
	if tk.Summary != "zweite Frage" {
		t.Errorf("summary = %q, want the last user message", tk.Summary)
	}
	if _, err := svc.Escalate(context.Background(), Escalation{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty escalation: %v, want ErrInvalid", err)
	}
}

func testStatusOnlyForReporter(t *testing.T, open opener) {
	ctx := context.Background()
	svc, _ := mustService(t, Config{Store: open(t)})
	citizen := mustEscalate(t, svc, Escalation{ConversationID: "conv-a", Summary: "Rückruf Wohngeld"})
	employee := mustEscalate(t, svc, Escalation{ConversationID: "conv-b", UserID: "emp-7", Summary: "Zugang Fachverfahren"})
	tests := []struct {
		name string
		key  string
		r    Requester
		want string // key, or "" for ErrNotFound
	}{
		{"same conversation", citizen.Key, Requester{ConversationID: "conv-a"}, citizen.Key},
		{"lower case and space", "lot 1", Requester{ConversationID: "conv-a"}, citizen.Key},
		{"bare number", "1", Requester{ConversationID: "conv-a"}, citizen.Key},
		{"other conversation", citizen.Key, Requester{ConversationID: "conv-x"}, ""},
		{"same user, new conversation", employee.Key, Requester{ConversationID: "conv-z", UserID: "emp-7"}, employee.Key},
		{"other user", employee.Key, Requester{ConversationID: "conv-z", UserID: "emp-8"}, ""},
		{"empty requester", citizen.Key, Requester{}, ""},
		{"unknown key", "LOT-99", Requester{ConversationID: "conv-a"}, ""},
		{"garbage key", "DROP TABLE", Requester{ConversationID: "conv-a"}, ""},
	}
	var notFound []error
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := svc.Status(ctx, tt.key, tt.r)
			if tt.want == "" {
				if !errors.Is(err, ErrNotFound) || st != (TicketStatus{}) {
					t.Errorf("Status = %+v, %v; want ErrNotFound and zero status", st, err)
				}
				notFound = append(notFound, err)
				return
			}
			if err != nil || st.Key != tt.want || st.Status != StatusNew || st.Summary == "" {
				t.Errorf("Status = %+v, %v; want %s", st, err, tt.want)
			}
		})
	}
	// Non-owner and unknown must be indistinguishable, including the text.
	for _, err := range notFound[1:] {
		if err.Error() != notFound[0].Error() {
			t.Errorf("not-found errors differ: %q vs %q", err, notFound[0])
		}
	}
}

func testUpdateAndNotesAreAudited(t *testing.T, open opener) {
	ctx := context.Background()
	svc, clock := mustService(t, Config{Store: open(t)})
	tk := mustEscalate(t, svc, Escalation{ConversationID: "c", Summary: "Frage"})
	clock.Add(time.Hour)
	got, err := svc.Update(ctx, tk.ID, Patch{Status: ptr(StatusResolved), Priority: ptr(P2), Assignee: ptr("anna"), Resolution: ptr("erledigt")}, "anna")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != StatusResolved || got.Priority != P2 || got.Assignee != "anna" || !got.ResolvedAt.Equal(clock.Now()) || !got.UpdatedAt.Equal(clock.Now()) {
		t.Errorf("updated = %+v", got)
	}
	if st, _ := svc.Status(ctx, tk.Key, Requester{ConversationID: "c"}); st.Status != StatusResolved {
		t.Errorf("reporter sees %q, want resolved", st.Status)
	}
	got, err = svc.Update(ctx, tk.ID, Patch{Status: ptr(StatusOpen)}, "bob")
	if err != nil || !got.ResolvedAt.IsZero() {
		t.Errorf("reopen: %+v, %v; want ResolvedAt cleared", got, err)
	}
	if _, err := svc.Update(ctx, tk.ID, Patch{Status: ptr("done")}, "bob"); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad status: %v, want ErrInvalid", err)
	}
	if _, err := svc.Update(ctx, tk.ID, Patch{Priority: ptr("P0")}, "bob"); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad priority: %v, want ErrInvalid", err)
	}
	if _, err := svc.Update(ctx, 999, Patch{}, "bob"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown ticket: %v, want ErrNotFound", err)
	}
	if _, err := svc.AddNote(ctx, Note{TicketID: tk.ID, Author: "anna", Text: "Rückruf erfolgt", Internal: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddNote(ctx, Note{TicketID: tk.ID, Author: "anna", Text: " "}); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty note: %v, want ErrInvalid", err)
	}
	if _, err := svc.AddNote(ctx, Note{TicketID: 999, Author: "anna", Text: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("note on unknown ticket: %v, want ErrNotFound", err)
	}
	notes, err := svc.Notes(ctx, tk.ID)
	if err != nil || len(notes) != 1 || !notes[0].Internal || notes[0].Author != "anna" {
		t.Errorf("notes = %+v, %v", notes, err)
	}
	audit, err := svc.store.ListAudit(ctx, AuditFilter{Target: tk.Key})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Who+" "+a.Action)
	}
	want := []string{"anna ticket.note", "bob ticket.update", "anna ticket.update", "assistant ticket.create"}
	if diff := cmp.Diff(want, actions); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
}

func testOutagesAndMajorIncident(t *testing.T, open opener) {
	ctx := context.Background()
	svc, clock := mustService(t, Config{Store: open(t)})
	if _, err := svc.CreateOutage(ctx, Outage{Service: "teleport", Title: "x"}, "anna"); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown service: %v, want ErrInvalid", err)
	}
	o, err := svc.CreateOutage(ctx, Outage{Service: "vpn", Title: "VPN-Gateway gestört", PublicMessage: "Das VPN ist gestört"}, "anna")
	if err != nil {
		t.Fatal(err)
	}
	if !o.Active || !o.Start.Equal(clock.Now()) {
		t.Errorf("created outage = %+v", o)
	}
	o.ETA = clock.Now().Add(2 * time.Hour)
	o.Title = "VPN-Gateway defekt"
	if o, err = svc.UpdateOutage(ctx, o, "anna"); err != nil || o.Title != "VPN-Gateway defekt" || !o.ETA.Equal(clock.Now().Add(2*time.Hour)) {
		t.Errorf("UpdateOutage = %+v, %v", o, err)
	}
	clock.Add(time.Hour)
	closed, err := svc.CloseOutage(ctx, o.ID, "anna")
	if err != nil || closed.Active || !closed.End.Equal(clock.Now()) {
		t.Errorf("CloseOutage = %+v, %v", closed, err)
	}
	if act, err := svc.ActiveOutages(ctx); err != nil || len(act) != 0 {
		t.Errorf("ActiveOutages = %+v, %v; want none", act, err)
	}
	// An incident promoted to a major incident becomes an active outage.
	inc := Ticket{Kind: KindIncident, Priority: P2, Summary: "Drucker: druckt nicht", Service: "drucker", ConversationID: "c9", ReporterID: "u9"}
	if err := svc.create(ctx, &inc); err != nil {
		t.Fatal(err)
	}
	mi, err := svc.MarkMajorIncident(ctx, inc.ID, "bob")
	if err != nil {
		t.Fatal(err)
	}
	if !mi.Active || mi.Service != "drucker" || mi.Affected != 1 || mi.Title != inc.Summary {
		t.Errorf("major incident outage = %+v", mi)
	}
	again, err := svc.MarkMajorIncident(ctx, inc.ID, "bob")
	if err != nil || again.ID != mi.ID {
		t.Errorf("second MarkMajorIncident = %+v, %v; want the same outage", again, err)
	}
	if got, _ := svc.Get(ctx, inc.ID); got.OutageID != mi.ID {
		t.Errorf("ticket outage = %d, want %d", got.OutageID, mi.ID)
	}
	// The next report about printers is offered the new outage (the
	// assistant's incident dialog asks ActiveOutage).
	offered, found, err := svc.ActiveOutage(ctx, "drucker")
	if err != nil || !found || offered.ID != strconv.FormatInt(mi.ID, 10) {
		t.Errorf("major incident not offered: %+v, %v, %v", offered, found, err)
	}
	if strings.Contains(offered.Message, "druckt nicht") {
		t.Errorf("outage offer quotes the first reporter: %q", offered.Message)
	}
	all, err := svc.ListOutages(ctx, 0)
	if err != nil || len(all) != 2 {
		t.Errorf("ListOutages = %+v, %v", all, err)
	}
	audit, _ := svc.store.ListAudit(ctx, AuditFilter{})
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Action)
	}
	want := []string{"ticket.major_incident", "ticket.create", "outage.close", "outage.update", "outage.create"}
	if diff := cmp.Diff(want, actions); diff != "" {
		t.Errorf("audit (-want +got):\n%s", diff)
	}
}

func testConcurrentEscalationsAllCommitted(t *testing.T, open opener) {
	ctx := context.Background()
	svc, err := New(Config{Store: open(t), Deliverer: nopDeliverer{}})
	if err != nil {
		t.Fatal(err)
	}
	const n = 40
	keys := make(chan string, n)
	errs := make(chan error, n)
	for i := range n {
		go func() {
			tk, err := svc.Escalate(ctx, Escalation{ConversationID: "c" + string(rune('A'+i)), Summary: "parallel"})
			if err != nil {
				errs <- err
				return
			}
			keys <- tk.Key
		}()
	}
	seen := map[string]bool{}
	for range n {
		select {
		case err := <-errs:
			t.Errorf("Escalate: %v", err)
		case k := <-keys:
			if seen[k] {
				t.Errorf("key %s returned twice", k)
			}
			seen[k] = true
		}
	}
	if c, _ := svc.Count(ctx, Filter{}); c != n {
		t.Errorf("%d tickets stored, want %d", c, n)
	}
	if depth, _, _ := svc.OutboxStats(ctx); depth != n {
		t.Errorf("outbox depth %d, want %d", depth, n)
	}
}

func BenchmarkEscalate(b *testing.B) {
	svc, _ := mustService(b, Config{Deliverer: nopDeliverer{}})
	e := Escalation{ConversationID: "c", Summary: "Rückruf", Transcript: []Message{{Role: "user", Text: strings.Repeat("Text ", 100)}}}
	for b.Loop() {
		if _, err := svc.Escalate(context.Background(), e); err != nil {
			b.Fatal(err)
		}
	}
}
