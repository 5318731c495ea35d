// SPDX-License-Identifier: EUPL-1.2

package pglive

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// lockClass is the first key of the two-key advisory locks; the second is
// the hash of the name. Two-key locks never collide with the store's
// one-key locks (migrations, writes).
const lockClass = 0x4c6f74 // "Lot"

// Locks hands out named locks that hold across every instance on the
// database: PostgreSQL session advisory locks, each on a connection of
// Locks' own pool for as long as it is held. A lock is held for a chat turn
// (seconds); the pool's size bounds the locks held at once by this
// instance, and a Lock beyond it waits for a connection. Create it with
// NewLocks and end it with Close.
type Locks struct {
	pool *pgxpool.Pool
}

// NewLocks opens a pool of at most maxConns connections to the database of
// base (same settings, its own connections).
func NewLocks(ctx context.Context, base *pgxpool.Pool, maxConns int32) (*Locks, error) {
	cfg := base.Config().Copy()
	cfg.MaxConns, cfg.MinConns = max(maxConns, 1), 0
	cfg.MaxConnIdleTime = time.Minute
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("pglive: lock pool: %w", err)
	}
	return &Locks{pool: pool}, nil
}

// Lock blocks until it holds the lock name, for every instance, or ctx
// ends (then it returns an error wrapping ctx's). The returned function
// releases it; calls after the first do nothing.
func (l *Locks) Lock(ctx context.Context, name string) (func(), error) {
	conn, err := l.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("pglive: lock %q: %w", name, err)
	}
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1, hashtext($2))", lockClass, name); err != nil {
		// The wait may have been cut off mid-way: never reuse the connection.
		conn.Conn().Close(context.WithoutCancel(ctx))
		conn.Release()
		return nil, fmt.Errorf("pglive: lock %q: %w", name, err)
	}
	return sync.OnceFunc(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := conn.Exec(ctx, "SELECT pg_advisory_unlock($1, hashtext($2))", lockClass, name); err != nil {
			// A connection that may still hold the lock must not go back
			// to the pool: closing it ends the lock.
			conn.Conn().Close(ctx)
		}
		conn.Release()
	}), nil
}

// Close closes the pool; call it after every lock is released.
func (l *Locks) Close() { l.pool.Close() }
