// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/musterstadt/lotse/ticketing/pgtest"
)

// Tests of what only PostgreSQL does: several instances on one database.
// Each *Store opened on the same URL stands for one instance (its own
// connection pool). They skip without PostgreSQL (fail with LOTSE_PG=1).

// Instances starting together migrate once: the advisory lock lets one
// apply the migrations and the others find them applied.
func TestPostgresConcurrentOpenMigratesOnce(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	const n = 4
	stores := make([]*Store, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { stores[i], errs[i] = OpenPostgres(ctx, url) })
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("instance %d: OpenPostgres: %v", i, errs[i])
		}
		defer stores[i].Close()
	}
	ms, err := migrations("migrations/postgres")
	if err != nil {
		t.Fatal(err)
	}
	var rows int
	if err := stores[0].db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&rows); err != nil || rows != len(ms) {
		t.Errorf("schema_version has %d rows, %v; want %d (each migration once)", rows, err, len(ms))
	}
	for i, s := range stores {
		if v, err := s.SchemaVersion(ctx); err != nil || v != ms[len(ms)-1].version {
			t.Errorf("instance %d: SchemaVersion = %d, %v", i, v, err)
		}
	}
	// A later start finds nothing to do.
	s, err := OpenPostgres(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestPostgresOpenBadURL(t *testing.T) {
	ctx := context.Background()
	_, err := OpenPostgres(ctx, "postgres://lotse:geheim@host:notaport/db")
	if err == nil {
		t.Fatal("OpenPostgres with a bad port succeeded")
	}
	if s := err.Error(); strings.Contains(s, "geheim") {
		t.Errorf("error repeats the password: %s", s)
	}
}

// countingDeliverer counts every Deliver call per ticket key; it is not
// idempotent, so a second call for a key shows up as a double delivery.
type countingDeliverer struct {
	mu    sync.Mutex
	calls map[string]int
	by    map[string]int // calls per instance
}

func (d *countingDeliverer) deliverer(instance string) Deliverer {
	return delivererFunc(func(ctx context.Context, t Ticket) (string, error) {
		time.Sleep(2 * time.Millisecond) // let the other instance's workers interleave
		d.mu.Lock()
		defer d.mu.Unlock()
		d.calls[t.Key]++
		d.by[instance]++
		return "EXT-" + t.Key, nil
	})
}

type delivererFunc func(context.Context, Ticket) (string, error)

func (f delivererFunc) Deliver(ctx context.Context, t Ticket) (string, error) { return f(ctx, t) }

// waitOutboxEmpty waits until no row is pending (or fails after 60s).
func waitOutboxEmpty(t *testing.T, st *Store) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		es, err := st.ListOutbox(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(es) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("outbox still holds %d rows", len(es))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Two instances draining one outbox deliver every ticket exactly once, and
// without leaning on the deliverer's idempotency: no row is claimed twice.
func TestPostgresTwoInstancesDeliverEachOnce(t *testing.T) {
	url := pgtest.URL(t)
	d := &countingDeliverer{calls: map[string]int{}, by: map[string]int{}}
	var svcs []*Service
	for _, name := range []string{"a", "b"} {
		st := openPostgresURL(t, url)
		svc, err := New(Config{Store: st, Deliverer: d.deliverer(name),
			Outbox: OutboxConfig{Instance: name, Workers: 3, PollInterval: 50 * time.Millisecond}})
		if err != nil {
			t.Fatal(err)
		}
		svc.Start()
		t.Cleanup(svc.Shutdown)
		svcs = append(svcs, svc)
	}
	const n = 60
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			// Tickets come in on both instances, as behind a load balancer.
			if _, err := svcs[i%2].Escalate(context.Background(), Escalation{ConversationID: fmt.Sprintf("c%d", i), Summary: "Rückruf"}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	waitOutboxEmpty(t, svcs[0].store)
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.calls) != n {
		t.Errorf("%d tickets delivered, want %d", len(d.calls), n)
	}
	for k, c := range d.calls {
		if c != 1 {
			t.Errorf("%s delivered %d times", k, c)
		}
	}
	t.Logf("deliveries per instance: %v", d.by)
	// Every ticket carries its external key.
	ts, err := svcs[1].List(context.Background(), Filter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range ts {
		if tk.ExternalKey != "EXT-"+tk.Key {
			t.Errorf("%s: external key %q", tk.Key, tk.ExternalKey)
		}
	}
}

// Claims racing from two instances never hand out a row twice, and
// together they hand out every row.
func TestPostgresConcurrentClaimsDisjoint(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	a, b := openPostgresURL(t, url), openPostgresURL(t, url)
	svc, clock := mustService(t, Config{Store: a, Deliverer: nopDeliverer{}})
	const n = 80
	for i := range n {
		mustEscalate(t, svc, Escalation{ConversationID: fmt.Sprintf("c%d", i), Summary: "x"})
	}
	now := clock.Now()
	var mu sync.Mutex
	got := map[int64]string{}
	var wg sync.WaitGroup
	for g := range 8 {
		st, owner := a, "a"
		if g%2 == 1 {
			st, owner = b, "b"
		}
		wg.Go(func() {
			for {
				es, err := st.claimOutbox(ctx, now, []string{actionDeliver}, 3, owner, now.Add(time.Hour))
				if err != nil {
					t.Error(err)
					return
				}
				if len(es) == 0 {
					return
				}
				mu.Lock()
				for _, e := range es {
					if prev, dup := got[e.ID]; dup {
						t.Errorf("row %d claimed by %s and %s", e.ID, prev, owner)
					}
					got[e.ID] = owner
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(got) != n {
		t.Errorf("%d rows claimed, want %d", len(got), n)
	}
	per := map[string]int{}
	for _, o := range got {
		per[o]++
	}
	t.Logf("claims per instance: %v", per)
}

func openPostgresURL(t *testing.T, url string) *Store {
	t.Helper()
	st, err := OpenPostgres(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// An instance that claimed rows and died (one of them after Jira had
// created the issue, before the key was recorded) leaves them leased; once
// the lease has ended another instance takes them over, and with the
// deliverer's idempotency per ticket key every ticket exists once in Jira.
func TestPostgresCrashedInstanceRowsTakenOverAfterLease(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	jira := newFakeDeliverer(nil) // idempotent per key, like the Jira adapter
	dead := openPostgresURL(t, url)
	clock := newClock()
	intake, err := New(Config{Store: dead, Deliverer: jira, Now: clock.Now}) // not started: writes tickets and outbox rows only
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for i := range 3 {
		tk := mustEscalate(t, intake, Escalation{ConversationID: fmt.Sprintf("c%d", i), Summary: "Drucker"})
		keys = append(keys, tk.Key)
	}
	// The dead instance claims everything for a minute and gets as far as
	// creating the first issue in Jira.
	const lease = time.Minute
	claimed, err := dead.claimOutbox(ctx, clock.Now(), []string{actionDeliver}, 100, "dead", clock.Now().Add(lease))
	if err != nil || len(claimed) != 3 {
		t.Fatalf("claim by the dying instance = %d rows, %v", len(claimed), err)
	}
	first, err := dead.ticketByID(ctx, claimed[0].TicketID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jira.Deliver(ctx, first); err != nil {
		t.Fatal(err)
	}

	alive := openPostgresURL(t, url)
	svc, err := New(Config{Store: alive, Deliverer: jira, Now: clock.Now,
		Outbox: OutboxConfig{Instance: "alive", Lease: lease, PollInterval: 50 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	// Before the lease ends the rows are not the alive instance's.
	if es, err := alive.claimOutbox(ctx, clock.Now(), []string{actionDeliver}, 100, "alive", clock.Now().Add(lease)); err != nil || len(es) != 0 {
		t.Fatalf("claim during the lease = %d rows, %v; want 0", len(es), err)
	}
	if next, ok, err := alive.nextOutboxDue(ctx, []string{actionDeliver}, nil); err != nil || !ok || !next.Equal(clock.Now().Add(lease)) {
		t.Fatalf("next due = %v, %v, %v; want the lease end", next, ok, err)
	}
	clock.Add(lease + time.Second)
	svc.Start()
	t.Cleanup(svc.Shutdown)
	waitOutboxEmpty(t, alive)

	_, creates := jira.snapshot()
	if creates != 3 {
		t.Errorf("Jira issues created = %d, want 3 (one per ticket)", creates)
	}
	jira.mu.Lock()
	if jira.success[first.Key] != 2 {
		t.Errorf("Deliver calls for %s = %d, want 2 (the dead instance's and the takeover, answered idempotently)", first.Key, jira.success[first.Key])
	}
	jira.mu.Unlock()
	for _, k := range keys {
		tk, err := svc.GetByKey(ctx, k)
		if err != nil || tk.ExternalKey == "" {
			t.Errorf("%s: external key %q, %v", k, tk.ExternalKey, err)
		}
	}
	var owners int
	if err := alive.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE claimed_by != '' OR lease_until != 0`).Scan(&owners); err != nil || owners != 0 {
		t.Errorf("%d delivered rows still carry a claim, %v", owners, err)
	}
}

// While the server is down the store's errors say so (IsUnavailable);
// when it is back the same Store works again without being reopened.
func TestPostgresUnavailableAndBack(t *testing.T) {
	cluster := pgtest.NewCluster(t)
	st := openPostgresURL(t, cluster.NewDB(t))
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	if err := st.SaveConversation(ctx, ConversationRecord{ID: "c1", Data: []byte(`{}`), CreatedAt: now, UpdatedAt: now}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.LoadConversation(ctx, "nope"); !errors.Is(err, ErrNotFound) || IsUnavailable(err) {
		t.Errorf("missing row: %v (unavailable %v)", err, IsUnavailable(err))
	}
	if _, err := st.CreateUser(ctx, User{Username: "anna", Role: "agent"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateUser(ctx, User{Username: "anna", Role: "agent"}); !errors.Is(err, ErrConflict) || IsUnavailable(err) {
		t.Errorf("taken name: %v (unavailable %v)", err, IsUnavailable(err))
	}
	if err := cluster.Stop(); err != nil {
		t.Fatal(err)
	}
	_, err := st.LoadConversation(ctx, "c1")
	if err == nil || !IsUnavailable(err) {
		t.Errorf("load with the server down: %v, IsUnavailable = %v; want true", err, IsUnavailable(err))
	}
	if err := st.Ping(ctx); err == nil || !IsUnavailable(err) {
		t.Errorf("ping with the server down: %v, IsUnavailable = %v", err, IsUnavailable(err))
	}
	if err := cluster.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := st.LoadConversation(ctx, "c1"); err != nil {
		t.Errorf("load after the server came back: %v", err)
	}
}
