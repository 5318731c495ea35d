// SPDX-License-Identifier: EUPL-1.2

package pglive

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/musterstadt/lotse/ticketing/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// listener collects what Listen delivers.
type listener struct {
	notes chan string
	lost  chan struct{}
}

func listen(t *testing.T, ctx context.Context, n *Notifier) *listener {
	l := &listener{notes: make(chan string, 16), lost: make(chan struct{}, 16)}
	go n.Listen(ctx, func(p string) { l.notes <- p }, func() { l.lost <- struct{}{} })
	l.waitLost(t)
	return l
}

func (l *listener) waitLost(t *testing.T) {
	t.Helper()
	select {
	case <-l.lost:
	case <-time.After(20 * time.Second):
		t.Fatal("listener never connected")
	}
}

func (l *listener) next(t *testing.T) string {
	t.Helper()
	select {
	case p := <-l.notes:
		return p
	case <-time.After(20 * time.Second):
		t.Fatal("no note arrived")
		return ""
	}
}

// TestNotesReachEveryInstance: a note sent by one instance reaches the
// listeners of both; a listener whose connection is killed reconnects,
// says that notes may have been lost, and receives the next ones.
func TestNotesReachEveryInstance(t *testing.T) {
	url := pgtest.URL(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pa, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pa.Close()
	pb, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pb.Close()
	a, err := New(pa, "lotse_live", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(pb, "lotse_live", nil)
	if err != nil {
		t.Fatal(err)
	}
	b.retry = 200 * time.Millisecond
	la, lb := listen(t, ctx, a), listen(t, ctx, b)

	if err := a.Notify(ctx, "event conv-1 7"); err != nil {
		t.Fatal(err)
	}
	if got := la.next(t); got != "event conv-1 7" {
		t.Errorf("A got %q", got)
	}
	if got := lb.next(t); got != "event conv-1 7" {
		t.Errorf("B got %q", got)
	}

	// Kill B's listening connection from the server side.
	admin, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"); err != nil {
		t.Fatal(err)
	}
	la.waitLost(t)
	lb.waitLost(t)
	if err := b.Notify(ctx, "event conv-2 1"); err != nil {
		t.Fatal(err)
	}
	if got := lb.next(t); got != "event conv-2 1" {
		t.Errorf("B after reconnect got %q", got)
	}
	if got := la.next(t); got != "event conv-2 1" {
		t.Errorf("A after reconnect got %q", got)
	}

	if err := a.Notify(ctx, strings.Repeat("x", MaxPayload+1)); err == nil {
		t.Error("an oversized payload was sent")
	}
	if _, err := New(pa, "Bad-Name", nil); err == nil {
		t.Error("a channel that is no identifier was accepted")
	}
}
