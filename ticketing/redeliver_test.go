// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// auditOf returns the audit entries with the action, oldest first.
func auditOf(t *testing.T, s *Store, action string) []AuditEntry {
	t.Helper()
	all, err := s.ListAudit(context.Background(), AuditFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []AuditEntry
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Action == action {
			out = append(out, all[i])
		}
	}
	return out
}

// deliverRows returns the ticket's "deliver" outbox rows, pending or not.
func deliverRows(t *testing.T, s *Store, ticketID int64) []OutboxEntry {
	t.Helper()
	var out []OutboxEntry
	for _, e := range outboxRows(t, s) {
		if e.TicketID == ticketID && e.Action == actionDeliver {
			out = append(out, e)
		}
	}
	return out
}

func testRedeliverWithoutDeliverer(t *testing.T, open opener) {
	svc, _ := mustService(t, Config{Store: open(t)})
	if svc.HasExternal() {
		t.Error("HasExternal() = true without a Deliverer")
	}
	tk := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "Rückruf"})
	err := svc.Redeliver(context.Background(), tk.ID, "anna")
	if !errors.Is(err, ErrNoExternal) {
		t.Errorf("Redeliver = %v, want ErrNoExternal", err)
	}
	if rows := outboxRows(t, svc.store); len(rows) != 0 {
		t.Errorf("outbox rows %+v, want none", rows)
	}
	if a := auditOf(t, svc.store, "ticket.push_jira"); len(a) != 0 {
		t.Errorf("audit %+v, want none", a)
	}
}

// TestRedeliver covers the three states of a ticket: not queued (created
// before Jira was configured), pending after failures, delivered.
func testRedeliver(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	// A ticket from the time before Jira was configured has no outbox row.
	before, clock := mustService(t, Config{Store: st})
	old := mustEscalate(t, before, Escalation{ConversationID: "c-old", Summary: "Alter Vorgang"})
	svc, _ := mustService(t, Config{Store: st, Deliverer: nopDeliverer{}, Now: clock.Now})
	if !svc.HasExternal() {
		t.Fatal("HasExternal() = false with a Deliverer")
	}

	if err := svc.Redeliver(ctx, 4242, "anna"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown ticket: %v, want ErrNotFound", err)
	}

	// Not queued: a new row, due now.
	clock.Add(time.Hour)
	if err := svc.Redeliver(ctx, old.ID, "anna"); err != nil {
		t.Fatalf("Redeliver old ticket: %v", err)
	}
	rows := deliverRows(t, st, old.ID)
	if len(rows) != 1 || !rows[0].NextAttemptAt.Equal(clock.Now()) || !rows[0].CreatedAt.Equal(clock.Now()) || rows[0].Attempts != 0 {
		t.Fatalf("rows after Redeliver = %+v, want one new row due now", rows)
	}
	// Asked again: the pending row is reused, no second row.
	if err := svc.Redeliver(ctx, old.ID, "bob"); err != nil {
		t.Fatal(err)
	}
	if rows := deliverRows(t, st, old.ID); len(rows) != 1 {
		t.Errorf("rows after a second Redeliver = %+v, want one", rows)
	}

	// Pending after a failure: made due now, attempts kept.
	tk := mustEscalate(t, svc, Escalation{ConversationID: "c-new", Summary: "Neuer Vorgang"})
	row := deliverRows(t, st, tk.ID)[0]
	if err := st.outboxRetry(ctx, row.ID, "jira: 503", clock.Now().Add(4*time.Minute), false); err != nil {
		t.Fatal(err)
	}
	clock.Add(time.Minute)
	if err := svc.Redeliver(ctx, tk.ID, "anna"); err != nil {
		t.Fatalf("Redeliver pending ticket: %v", err)
	}
	rows = deliverRows(t, st, tk.ID)
	if len(rows) != 1 || !rows[0].NextAttemptAt.Equal(clock.Now()) || rows[0].Attempts != 1 || rows[0].LastError != "jira: 503" {
		t.Errorf("rows after Redeliver = %+v, want the same row due now with its attempt and error", rows)
	}

	// Delivered: a clear conflict naming the Jira key, nothing queued.
	if err := st.outboxDone(ctx, rows[0], "ITSD-7", clock.Now()); err != nil {
		t.Fatal(err)
	}
	err := svc.Redeliver(ctx, tk.ID, "anna")
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), StateInExternal+" (ITSD-7)") {
		t.Errorf("delivered ticket: %v, want ErrConflict naming ITSD-7", err)
	}
	if rows := deliverRows(t, st, tk.ID); len(rows) != 1 || rows[0].DeliveredAt.IsZero() {
		t.Errorf("rows after refused Redeliver = %+v", rows)
	}

	audit := auditOf(t, st, "ticket.push_jira")
	want := []struct{ who, target, detail string }{
		{"anna", old.Key, "neue Übermittlung"},
		{"bob", old.Key, "sofort fällig"},
		{"anna", tk.Key, "bisher 1 Versuch"},
	}
	if len(audit) != len(want) {
		t.Fatalf("push_jira audit = %+v, want %d entries", audit, len(want))
	}
	for i, w := range want {
		if a := audit[i]; a.Who != w.who || a.Target != w.target || !strings.Contains(a.Detail, w.detail) {
			t.Errorf("audit[%d] = %+v, want %s %s %q", i, a, w.who, w.target, w.detail)
		}
	}
}

// TestRedeliverWhileInFlight calls Redeliver while the Deliverer is busy
// with the ticket: the row is claimed, so no second call happens, and the
// ticket reaches the external system once.
func TestRedeliverWhileInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		d := newFakeDeliverer(nil)
		d.gate = make(chan struct{})
		svc := bubbleService(t, d)
		svc.Start()
		tk := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "Rückruf"})
		<-d.started
		var wg sync.WaitGroup
		for range 5 {
			wg.Go(func() {
				if err := svc.Redeliver(ctx, tk.ID, "anna"); err != nil {
					t.Errorf("Redeliver in flight: %v", err)
				}
			})
		}
		wg.Wait()
		time.Sleep(time.Minute)
		synctest.Wait()
		if calls, _ := d.snapshot(); len(calls) != 1 {
			t.Fatalf("Deliver called %d times while the first call was in flight, want 1", len(calls))
		}
		close(d.gate)
		time.Sleep(10 * time.Minute)
		synctest.Wait()
		calls, creates := d.snapshot()
		if len(calls) != 1 || creates != 1 {
			t.Errorf("Deliver called %d times, %d external tickets; want 1, 1", len(calls), creates)
		}
		got, err := svc.Get(ctx, tk.ID)
		if err != nil || got.ExternalKey != "ITSD-101" {
			t.Errorf("external key %q, %v; want ITSD-101", got.ExternalKey, err)
		}
		if rows := deliverRows(t, svc.store, tk.ID); len(rows) != 1 || rows[0].DeliveredAt.IsZero() {
			t.Errorf("rows = %+v, want one delivered row", rows)
		}
		if err := svc.Redeliver(ctx, tk.ID, "anna"); !errors.Is(err, ErrConflict) {
			t.Errorf("Redeliver after delivery: %v, want ErrConflict", err)
		}
	})
}

// TestRedeliverMakesRetryDueNow: after a failure the outbox would wait
// (here an hour); Redeliver has it try again at once.
func TestRedeliverMakesRetryDueNow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		d := newFakeDeliverer(func(call int) error {
			if call == 1 {
				return errors.New("jira: 502 bad gateway")
			}
			return nil
		})
		svc, err := New(Config{Store: mustOpen(t), Deliverer: d, Outbox: OutboxConfig{BaseBackoff: time.Hour, MaxBackoff: 2 * time.Hour}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(svc.Shutdown)
		svc.Start()
		tk := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "Rückruf"})
		synctest.Wait()
		time.Sleep(time.Minute)
		if err := svc.Redeliver(ctx, tk.ID, "anna"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Second)
		synctest.Wait()
		calls, creates := d.snapshot()
		if len(calls) != 2 || creates != 1 {
			t.Fatalf("Deliver called %d times, %d external tickets; want 2, 1", len(calls), creates)
		}
		if gap := calls[1].Sub(calls[0]); gap > time.Minute+time.Second {
			t.Errorf("second attempt %v after the first, want right after Redeliver (1m)", gap)
		}
		if got, _ := svc.Get(ctx, tk.ID); got.ExternalKey != "ITSD-101" {
			t.Errorf("external key %q, want ITSD-101", got.ExternalKey)
		}
	})
}

// TestRedeliverConcurrentQueuesOnce: many agents push a ticket that was
// never queued at the same time; one row is added and it is delivered once.
func TestRedeliverConcurrentQueuesOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		st := mustOpen(t)
		before, err := New(Config{Store: st})
		if err != nil {
			t.Fatal(err)
		}
		tk := mustEscalate(t, before, Escalation{ConversationID: "c1", Summary: "Alter Vorgang"})
		d := newFakeDeliverer(nil)
		svc, err := New(Config{Store: st, Deliverer: d})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(svc.Shutdown)
		svc.Start()
		var wg sync.WaitGroup
		var mu sync.Mutex
		var errs []error
		for range 10 {
			wg.Go(func() {
				err := svc.Redeliver(ctx, tk.ID, "anna")
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			})
		}
		wg.Wait()
		time.Sleep(time.Minute)
		synctest.Wait()
		// Calls that came after the delivery see the Jira key.
		for _, err := range errs {
			if err != nil && !errors.Is(err, ErrConflict) {
				t.Errorf("Redeliver: %v", err)
			}
		}
		if rows := deliverRows(t, st, tk.ID); len(rows) != 1 || rows[0].DeliveredAt.IsZero() {
			t.Errorf("rows = %+v, want exactly one, delivered", rows)
		}
		d.mu.Lock()
		if d.creates != 1 || d.success[tk.Key] != 1 {
			t.Errorf("%d external tickets, %d successful calls; want 1, 1", d.creates, d.success[tk.Key])
		}
		d.mu.Unlock()
	})
}
