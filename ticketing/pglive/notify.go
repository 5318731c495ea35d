// SPDX-License-Identifier: EUPL-1.2

// Package pglive is what instances of Lotse that share one PostgreSQL
// database need besides the store: notes between them (LISTEN/NOTIFY on
// one channel; a note is a few ids, the receiver reads the data from the
// tables) and locks that several instances respect (advisory locks held
// for the length of a chat turn, on connections of their own so that the
// store's pool is never used up by waiting turns).
package pglive

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// MaxPayload bounds a note: PostgreSQL refuses payloads of 8000 bytes and
// more; notes of ids are far shorter.
const MaxPayload = 1000

var channelName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// Notifier sends and receives notes on one channel of one database.
type Notifier struct {
	channel string
	log     *slog.Logger
	pool    *pgxpool.Pool
	// retry is the longest wait between reconnects of a listener.
	retry time.Duration
}

// New returns a Notifier on channel (a lower-case SQL identifier) of the
// pool's database. It sends on the pool's connections; each Listen takes
// one connection out of the pool for itself. The pool stays the caller's.
func New(pool *pgxpool.Pool, channel string, log *slog.Logger) (*Notifier, error) {
	if !channelName.MatchString(channel) {
		return nil, fmt.Errorf("pglive: channel %q is not a lower-case identifier", channel)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Notifier{channel: channel, log: log, pool: pool, retry: 5 * time.Second}, nil
}

// Notify sends payload to every listener of the channel, this process's
// included. Delivery is at most once: a listener that is reconnecting
// misses it (and is told so, see Listen).
func (n *Notifier) Notify(ctx context.Context, payload string) error {
	if len(payload) > MaxPayload {
		return fmt.Errorf("pglive: payload of %d bytes, at most %d", len(payload), MaxPayload)
	}
	if _, err := n.pool.Exec(ctx, "SELECT pg_notify($1, $2)", n.channel, payload); err != nil {
		return fmt.Errorf("pglive: notify: %w", err)
	}
	return nil
}

// Listen calls fn with the payload of every note on the channel until ctx
// ends. It holds a connection of its own and reconnects when it breaks
// (waiting up to 5 s between tries); after every (re)connection it calls
// lost, because notes sent while no connection listened are gone. fn and
// lost run on Listen's goroutine and must not block for long.
func (n *Notifier) Listen(ctx context.Context, fn func(payload string), lost func()) {
	wait := 100 * time.Millisecond
	for ctx.Err() == nil {
		err := n.listenOnce(ctx, fn, lost, func() { wait = 100 * time.Millisecond })
		if ctx.Err() != nil {
			return
		}
		n.log.Warn("pglive: listener lost its connection; reconnecting", "channel", n.channel, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(2*wait, n.retry)
	}
}

func (n *Notifier) listenOnce(ctx context.Context, fn func(string), lost func(), connected func()) error {
	pc, err := n.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// The listening connection never goes back to the pool.
	conn := pc.Hijack()
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		conn.Close(cctx)
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{n.channel}.Sanitize()); err != nil {
		return err
	}
	connected()
	lost()
	for {
		note, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		fn(note.Payload)
	}
}
