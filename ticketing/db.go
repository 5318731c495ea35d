// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgconn"
)

// The store speaks to one of two databases through database/sql: SQLite
// (modernc.org/sqlite, the embedded default) or PostgreSQL (pgx's pool via
// its database/sql adapter). Every query is written once, with "?"
// placeholders and SQL that both understand (RETURNING, ON CONFLICT, CASE
// instead of two-argument MIN/MAX); a dialect supplies the few fragments
// that differ and rewrites the placeholders for PostgreSQL.
type dialect struct {
	name string // "sqlite" or "postgres"
	// numbered placeholders ($1, $2, ...) instead of "?"
	numbered bool
	// like is the case-insensitive LIKE operator (SQLite's LIKE ignores
	// ASCII case; PostgreSQL's does not).
	like string
	// blobText turns the conversations.data column into text for LIKE.
	blobText string
	// skipLocked ends the row selection of an outbox claim.
	skipLocked string
	// leases: outbox claims by other instances are honoured until their
	// lease ends. SQLite is used by one instance, whose claims from before
	// a restart are void.
	leases bool
	// writeLock is run first in every write transaction (PostgreSQL: a
	// transaction-scoped advisory lock, so that read-then-write
	// transactions of several instances run one after the other, as
	// SQLite's single writer does); empty for none.
	writeLock string

	rebound sync.Map // query -> rewritten query
}

// Advisory lock keys (PostgreSQL), arbitrary but fixed numbers.
const (
	lockMigrate = 0x4c6f747365_01 // "Lotse" 1
	lockWrite   = 0x4c6f747365_02
)

func sqliteDialect() *dialect {
	return &dialect{name: "sqlite", like: "LIKE", blobText: "CAST(data AS TEXT)"}
}

func postgresDialect() *dialect {
	return &dialect{
		name: "postgres", numbered: true, like: "ILIKE",
		blobText:   "convert_from(data, 'UTF8')",
		skipLocked: " FOR UPDATE SKIP LOCKED",
		leases:     true,
		writeLock:  "SELECT pg_advisory_xact_lock(" + strconv.Itoa(lockWrite) + ")",
	}
}

// rebind rewrites "?" placeholders outside string literals to $1, $2, ...
// for PostgreSQL; the result is cached per query text.
func (d *dialect) rebind(q string) string {
	if !d.numbered {
		return q
	}
	if r, ok := d.rebound.Load(q); ok {
		return r.(string)
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n, inStr := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			inStr = !inStr
		case c == '?' && !inStr:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	r := b.String()
	d.rebound.Store(q, r)
	return r
}

// dbConn is the store's database: a *sql.DB whose query methods take
// "?" placeholders on both backends.
type dbConn struct {
	*sql.DB
	d     *dialect
	stmts *stmtCache // nil: every call prepares its statement
}

func (c dbConn) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if st := c.stmts.get(ctx, c.DB, c.d.rebind(q)); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return c.DB.ExecContext(ctx, c.d.rebind(q), args...)
}

func (c dbConn) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := c.stmts.get(ctx, c.DB, c.d.rebind(q)); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.DB.QueryContext(ctx, c.d.rebind(q), args...)
}

func (c dbConn) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if st := c.stmts.get(ctx, c.DB, c.d.rebind(q)); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.DB.QueryRowContext(ctx, c.d.rebind(q), args...)
}

// stmtCache keeps prepared statements by their text, so that the
// statements every chat turn runs (load and save the conversation) are
// prepared once per connection rather than on every call. SQLite only:
// pgx caches PostgreSQL's statements itself. Statements built from a
// variable number of placeholders are few; the cache stops growing at
// maxCachedStmts and then prepares the rest per call.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxCachedStmts bounds the prepared statements kept.
const maxCachedStmts = 256

// get returns the prepared statement for q, or nil when the cache is off,
// full, or preparing fails (the caller then runs q unprepared, and any
// error shows there).
func (c *stmtCache) get(ctx context.Context, db *sql.DB, q string) *sql.Stmt {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[q]; ok {
		return st
	}
	if len(c.m) >= maxCachedStmts {
		return nil
	}
	st, err := db.PrepareContext(context.WithoutCancel(ctx), q)
	if err != nil {
		return nil
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st
}

// close closes the cached statements.
func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// dbTx is a write transaction with the same placeholder rule.
type dbTx struct {
	*sql.Tx
	d *dialect
}

func (t *dbTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, t.d.rebind(q), args...)
}

func (t *dbTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, t.d.rebind(q), args...)
}

func (t *dbTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, t.d.rebind(q), args...)
}

// insertID runs an INSERT that ends in "RETURNING id" and returns the id.
func insertID(ctx context.Context, q querier, query string, args ...any) (int64, error) {
	var id int64
	err := scanWrite(ctx, q, query, args, &id)
	return id, err
}

// scanWrite runs query, a write that returns at most one row (INSERT or
// UPDATE … RETURNING), scans that row into dest (sql.ErrNoRows for none)
// and reads the result to its end before closing it. On SQLite that end
// matters: a statement outside a transaction commits when it stops, and
// SQLite runs its write-ahead log hook, the automatic checkpoint, only
// when sqlite3_step finishes the statement, not when the statement is
// reset after its first row as sql.Row.Scan does. Without it, writes
// that return a row never checkpoint and the log grows without bound.
func scanWrite(ctx context.Context, q querier, query string, args []any, dest ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	for rows.Next() { // at most one row: this step finishes the statement
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return rows.Close()
}

// isUniqueViolation reports whether err is a broken UNIQUE constraint.
func isUniqueViolation(err error) bool {
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		return pe.Code == "23505"
	}
	return err != nil && strings.Contains(err.Error(), "UNIQUE")
}

// IsUnavailable reports whether err means that the database could not be
// reached or went away (PostgreSQL down, restarting, network gone, a
// connect timeout), as opposed to a bad query or a broken constraint: a
// channel answers such a failure with 503 "try again shortly", and the
// instance recovers by itself when the database is back (the pool
// reconnects).
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		// Class 08: connection exception; 57P01-57P03: the server shuts
		// down or does not accept connections yet.
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	if _, ok := errors.AsType[*pgconn.ConnectError](err); ok {
		return true
	}
	if _, ok := errors.AsType[net.Error](err); ok {
		return true
	}
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF) || pgconn.Timeout(err) ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "sql: database is closed")
}

// isForeignKeyViolation reports whether err is a broken FOREIGN KEY.
func isForeignKeyViolation(err error) bool {
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		return pe.Code == "23503"
	}
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY")
}
