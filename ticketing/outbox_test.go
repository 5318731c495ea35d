// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeDeliverer is a scripted external system. It is idempotent per ticket
// key like the real Jira adapter: a second Deliver for a key returns the
// existing external key. fail decides per call whether it fails.
type fakeDeliverer struct {
	mu      sync.Mutex
	fail    func(call int) error
	calls   []time.Time
	created map[string]string // local key -> external key
	creates int               // external tickets actually created
	success map[string]int    // successful Deliver calls per local key
	block   bool              // block until ctx is done
	gate    chan struct{}     // when set, every call waits until it is closed (or ctx is done)
	started chan struct{}     // closed at the first call
}

func newFakeDeliverer(fail func(call int) error) *fakeDeliverer {
	return &fakeDeliverer{fail: fail, created: map[string]string{}, success: map[string]int{}, started: make(chan struct{})}
}

func (d *fakeDeliverer) Deliver(ctx context.Context, t Ticket) (string, error) {
	d.mu.Lock()
	d.calls = append(d.calls, time.Now())
	n := len(d.calls)
	if n == 1 {
		close(d.started)
	}
	block, gate := d.block, d.gate
	d.mu.Unlock()
	if block {
		<-ctx.Done()
		return "", ctx.Err()
	}
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	if d.fail != nil {
		if err := d.fail(n); err != nil {
			return "", err
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.success[t.Key]++
	if k, ok := d.created[t.Key]; ok {
		return k, nil
	}
	d.creates++
	k := fmt.Sprintf("ITSD-%d", 100+d.creates)
	d.created[t.Key] = k
	return k, nil
}

func (d *fakeDeliverer) snapshot() (calls []time.Time, creates int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]time.Time(nil), d.calls...), d.creates
}

// bubbleService builds a Service for use inside a synctest bubble: real
// time.Now (which is the bubble's fake clock), a store opened in the bubble.
func bubbleService(t *testing.T, d Deliverer) *Service {
	t.Helper()
	svc, err := New(Config{Store: mustOpen(t), Deliverer: d})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Shutdown)
	return svc
}

func TestOutboxRetriesWithBackoffUntilDelivered(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := newFakeDeliverer(func(call int) error {
			if call <= 5 {
				return errors.New("jira: 500 internal server error")
			}
			return nil
		})
		svc := bubbleService(t, d)
		svc.Start()
		tk := mustEscalate(t, svc, Escalation{ConversationID: "c1", Summary: "Rückruf"})
		time.Sleep(10 * time.Minute)
		synctest.Wait()

		calls, creates := d.snapshot()
		if len(calls) != 6 || creates != 1 {
			t.Fatalf("Deliver called %d times, %d external tickets; want 6 calls, 1 ticket", len(calls), creates)
		}
		// Attempt n waits between half and all of 2s·2^(n-1).
		for i := 1; i < len(calls); i++ {
			full := 2 * time.Second << (i - 1)
			if gap := calls[i].Sub(calls[i-1]); gap < full/2 || gap > full {
				t.Errorf("gap before attempt %d = %v, want in [%v, %v]", i+1, gap, full/2, full)
			}
		}
		got, err := svc.Get(context.Background(), tk.ID)
		if err != nil || got.ExternalKey != "ITSD-101" {
			t.Errorf("external key = %q, %v; want ITSD-101", got.ExternalKey, err)
		}
		rows := outboxRows(t, svc.store)
		if len(rows) != 1 || rows[0].DeliveredAt.IsZero() || rows[0].Attempts != 6 || rows[0].LastError != "" {
			t.Errorf("outbox row = %+v, want delivered after 6 attempts", rows)
		}
		if depth, _, _ := svc.OutboxStats(context.Background()); depth != 0 {
			t.Errorf("depth = %d, want 0", depth)
		}
	})
}

func TestOutboxRespectsRetryAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := newFakeDeliverer(func(call int) error {
			if call == 1 {
				return &RetryAfterError{After: 47 * time.Second, Err: errors.New("429 too many requests")}
			}
			return nil
		})
		svc := bubbleService(t, d)
		svc.Start()
		mustEscalate(t, svc, Escalation{Summary: "x"})
		synctest.Wait()
		if calls, _ := d.snapshot(); len(calls) != 1 {
			t.Fatalf("calls = %d, want 1 before Retry-After elapsed", len(calls))
		}
		rows := outboxRows(t, svc.store)
		if rows[0].Attempts != 1 || rows[0].LastError == "" {
			t.Errorf("after 429: %+v, want attempts and last error recorded", rows[0])
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		calls, creates := d.snapshot()
		if len(calls) != 2 || creates != 1 {
			t.Fatalf("calls, creates = %d, %d; want 2, 1", len(calls), creates)
		}
		if gap := calls[1].Sub(calls[0]); gap != 47*time.Second {
			t.Errorf("waited %v, want exactly 47s", gap)
		}
	})
}

func TestOutboxDelivererDownThenUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		down := true
		d := newFakeDeliverer(func(int) error {
			mu.Lock()
			defer mu.Unlock()
			if down {
				return errors.New("dial tcp: connection refused")
			}
			return nil
		})
		svc := bubbleService(t, d)
		svc.Start()
		tk := mustEscalate(t, svc, Escalation{Summary: "x"})
		time.Sleep(3 * time.Hour)
		synctest.Wait()
		calls, creates := d.snapshot()
		if creates != 0 || len(calls) < 10 {
			t.Fatalf("while down: %d calls, %d creates", len(calls), creates)
		}
		for i := 1; i < len(calls); i++ {
			if gap := calls[i].Sub(calls[i-1]); gap > 5*time.Minute {
				t.Errorf("gap %v exceeds the 5 min cap", gap)
			}
		}
		depth, oldest, _ := svc.OutboxStats(context.Background())
		if depth != 1 || oldest < 3*time.Hour {
			t.Errorf("stats while down = %d, %v; want 1, ≥3h", depth, oldest)
		}
		mu.Lock()
		down = false
		mu.Unlock()
		before := len(calls)
		time.Sleep(time.Hour)
		synctest.Wait()
		calls, creates = d.snapshot()
		if creates != 1 || len(calls) != before+1 {
			t.Errorf("after recovery: %d new calls, %d creates; want 1, 1", len(calls)-before, creates)
		}
		if got, _ := svc.Get(context.Background(), tk.ID); got.ExternalKey == "" {
			t.Error("external key not recorded")
		}
	})
}

func TestOutboxShutdownDoesNotBlock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := newFakeDeliverer(nil)
		d.block = true
		store := mustOpen(t)
		o := NewOutbox(OutboxConfig{Store: store, Deliverer: d, Workers: 2})
		svc, err := New(Config{Store: store, Deliverer: d})
		if err != nil {
			t.Fatal(err)
		}
		mustEscalate(t, svc, Escalation{Summary: "a"})
		o.Start()
		<-d.started // a Deliver call hangs

		done := make(chan struct{})
		go func() {
			o.Shutdown()
			o.Shutdown() // idempotent
			close(done)
		}()
		synctest.Wait()
		select {
		case <-done:
		default:
			t.Fatal("Shutdown blocked on an in-flight Deliver")
		}
		if o.Push(OutboxEntry{ID: 99}) {
			t.Error("Push after Shutdown accepted a job")
		}
		o.Kick()
		o.Kick()  // never blocks, even with a full wake channel
		o.Start() // no restart after Shutdown
		synctest.Wait()

		// The aborted attempt is not counted, the row stays due, and a new
		// outbox delivers it exactly once.
		rows := outboxRows(t, store)
		if len(rows) != 1 || rows[0].Attempts != 0 || !rows[0].DeliveredAt.IsZero() {
			t.Fatalf("row after shutdown = %+v", rows)
		}
		d2 := newFakeDeliverer(nil)
		o2 := NewOutbox(OutboxConfig{Store: store, Deliverer: d2})
		o2.Start()
		time.Sleep(time.Second)
		synctest.Wait()
		o2.Shutdown()
		if calls, creates := d2.snapshot(); len(calls) != 1 || creates != 1 {
			t.Errorf("second outbox: %d calls, %d creates; want 1, 1", len(calls), creates)
		}
	})
}

func TestOutboxManyTicketsEachOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := newFakeDeliverer(func(call int) error {
			if call%3 == 0 {
				return errors.New("flaky")
			}
			return nil
		})
		svc := bubbleService(t, d)
		svc.Start()
		const n = 40
		for i := range n {
			mustEscalate(t, svc, Escalation{Summary: fmt.Sprintf("Anliegen %d", i)})
		}
		time.Sleep(30 * time.Minute)
		synctest.Wait()
		_, creates := d.snapshot()
		if creates != n {
			t.Errorf("created %d external tickets, want %d", creates, n)
		}
		d.mu.Lock()
		for key, n := range d.success {
			if n != 1 {
				t.Errorf("%s delivered successfully %d times, want once", key, n)
			}
		}
		if len(d.success) != n {
			t.Errorf("%d tickets delivered, want %d", len(d.success), n)
		}
		d.mu.Unlock()
		if depth, _, _ := svc.OutboxStats(context.Background()); depth != 0 {
			t.Errorf("depth = %d, want 0", depth)
		}
	})
}

func testOutboxSkipsStaleEntries(t *testing.T, open opener) {
	ctx := context.Background()
	svc, clock := mustService(t, Config{Store: open(t), Deliverer: nopDeliverer{}})
	mustEscalate(t, svc, Escalation{Summary: "a"})
	mustEscalate(t, svc, Escalation{Summary: "b"})
	d := newFakeDeliverer(nil)
	o := NewOutbox(OutboxConfig{Store: svc.store, Deliverer: d, Now: clock.Now})
	claim := func() []OutboxEntry { // as the poller claims due rows
		t.Helper()
		es, err := svc.store.claimOutbox(ctx, clock.Now(), []string{actionDeliver}, 10, o.cfg.Instance, clock.Now().Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		return es
	}
	stale := claim() // both due
	if len(stale) != 2 {
		t.Fatalf("claimed %d rows, want 2", len(stale))
	}
	// Meanwhile another worker delivered the first and rescheduled the second.
	if err := svc.store.outboxDone(ctx, stale[0], "EXT-1", clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := svc.store.outboxRetry(ctx, stale[1].ID, "boom", clock.Now().Add(time.Minute), false); err != nil {
		t.Fatal(err)
	}
	o.handle(ctx, stale[0])
	o.handle(ctx, stale[1])
	if calls, _ := d.snapshot(); len(calls) != 0 {
		t.Errorf("Deliver called %d times for stale entries, want 0", len(calls))
	}
	clock.Add(time.Minute)
	// Claimed by another instance (its claim is newer): not this one's.
	if es, err := svc.store.claimOutbox(ctx, clock.Now(), []string{actionDeliver}, 10, "other", clock.Now().Add(time.Hour)); err != nil || len(es) != 1 {
		t.Fatalf("claim by other = %+v, %v", es, err)
	}
	o.handle(ctx, stale[1])
	if calls, _ := d.snapshot(); len(calls) != 0 {
		t.Errorf("Deliver called %d times for a row another instance holds, want 0", len(calls))
	}
	if err := svc.store.releaseOutbox(ctx, stale[1].ID, "other"); err != nil {
		t.Fatal(err)
	}
	claim()
	o.handle(ctx, stale[1])
	if calls, _ := d.snapshot(); len(calls) != 1 {
		t.Errorf("Deliver called %d times once due, want 1", len(calls))
	}
	pending, err := svc.PendingOutbox(ctx)
	if err != nil || len(pending) != 0 {
		t.Errorf("PendingOutbox = %+v, %v; want empty", pending, err)
	}
}
