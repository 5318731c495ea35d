// SPDX-License-Identifier: EUPL-1.2

package pglive

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/musterstadt/lotse/ticketing/pgtest"
)

// TestLocks: a lock held through one Locks (one instance) makes the other
// instance's Lock of the same name wait until it is released, or give up
// when its ctx ends; other names are not held up; many locks at once do
// not touch the base pool, which stays usable.
func TestLocks(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxConns = 2
	base, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	a, err := NewLocks(ctx, base, 8)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := NewLocks(ctx, base, 8)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	unlock, err := a.Lock(ctx, "conv-1")
	if err != nil {
		t.Fatal(err)
	}
	other, err := b.Lock(ctx, "conv-2")
	if err != nil {
		t.Fatal(err)
	}
	other()
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := b.Lock(short, "conv-1"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("B while A holds: %v, want the deadline", err)
	}
	got := make(chan error, 1)
	go func() {
		u, err := b.Lock(ctx, "conv-1")
		if err == nil {
			u()
		}
		got <- err
	}()
	unlock()
	unlock() // a second release does nothing
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("B never got the lock after A released it")
	}

	// Eight locks held at once; the base pool of two still answers.
	var held []func()
	for i := range 8 {
		u, err := a.Lock(ctx, "many-"+string(rune('a'+i)))
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, u)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			qctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			if _, err := base.Exec(qctx, "SELECT 1"); err != nil {
				t.Errorf("base pool while eight locks are held: %v", err)
			}
		})
	}
	wg.Wait()
	for _, u := range held {
		u()
	}
}
