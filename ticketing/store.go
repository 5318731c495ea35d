// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations/*.sql migrations/postgres/*.sql
var migrationFS embed.FS

// ErrConflict is returned when a unique value (e.g. a username) is taken,
// or when an action clashes with the state of an item (a ticket that is in
// Jira already, a ticket linked to another active outage). A message after
// the prefix ("ticketing: already exists: ...") is safe to show to a desk
// user.
var ErrConflict = errors.New("ticketing: already exists")

// StateError is an action that the state of a ticket or an outage forbids.
// It wraps ErrInvalid or ErrConflict; the desk tells the user in its own
// words, from Code and the IDs.
type StateError struct {
	Code        string // one of the State* codes
	Outage      int64  // the outage concerned
	ExternalKey string // StateInExternal: the ticket's key in the external system
	kind        error
}

// Codes of StateError.
const (
	StateOutageUnknown = "outage_unknown" // LinkOutage: no such outage (ErrInvalid)
	StateOutageClosed  = "outage_closed"  // LinkOutage: the outage has ended (ErrInvalid)
	StateLinkedActive  = "linked_active"  // LinkOutage: the ticket is linked to another active outage (ErrConflict)
	StateInExternal    = "in_external"    // Redeliver: the ticket is in the external system already (ErrConflict)
)

func (e *StateError) Error() string {
	s := e.kind.Error() + ": " + e.Code
	if e.Outage != 0 {
		s += fmt.Sprintf(" (outage %d)", e.Outage)
	}
	if e.ExternalKey != "" {
		s += " (" + e.ExternalKey + ")"
	}
	return s
}

func (e *StateError) Unwrap() error { return e.kind }

// ErrNoExternal is returned by actions that need an external ticket system
// (a Deliverer) when none is configured.
var ErrNoExternal = errors.New("ticketing: no external ticket system configured")

// Store keeps tickets, notes, the outbox, outages, conversations, desk
// users, the audit log and the state that several instances share (web
// chat sessions and their events, desk logins, rate limits). It runs on
// SQLite (Open: one WAL-mode file, the embedded default for one instance)
// or on PostgreSQL (OpenPostgres: for several instances on one database);
// both run the same queries and the same contract tests. A Store is safe
// for concurrent use.
type Store struct {
	db   dbConn
	d    *dialect
	pool *pgxpool.Pool // PostgreSQL only
	// turnMu lets one chat turn's statement at a time at SQLite's one
	// connection (see turnLock).
	turnMu sync.Mutex
}

// Open opens (creating if needed) the SQLite database at path and applies
// the embedded migrations that are not applied yet, in order, each in its
// own transaction; the applied version is kept in the schema_version table.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("ticketing: open store: %w: empty path", ErrInvalid)
	}
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Deleted content is overwritten, not left in free space, so that a
	// DSGVO erasure leaves no copy in the file (see Scrub for the log).
	q.Add("_pragma", "secure_delete(1)")
	// Write transactions take the write lock at BEGIN, so that a second
	// process (e.g. "lotse user" next to "lotse serve") cannot deadlock a
	// read-then-write transaction.
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("ticketing: open %s: %w", path, err)
	}
	// One connection: SQLite admits one writer at a time anyway, and
	// queueing in database/sql instead of in SQLite's busy handler means no
	// "database is locked" errors under load and no nested-transaction
	// surprises. Every statement here is short; none holds the connection
	// while calling out (Deliverer, webhook).
	db.SetMaxOpenConns(1)
	d := sqliteDialect()
	s := &Store{db: dbConn{DB: db, d: d, stmts: &stmtCache{}}, d: d}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.db.stmts.close()
	err := s.db.Close()
	if s.pool != nil {
		s.pool.Close()
	}
	if err != nil {
		return fmt.Errorf("ticketing: close store: %w", err)
	}
	return nil
}

// Backend names the database: "sqlite" or "postgres".
func (s *Store) Backend() string { return s.d.name }

// Ping checks that the database answers (for readiness checks).
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ticketing: %s database: %w", s.d.name, err)
	}
	return nil
}

// Pool returns the PostgreSQL connection pool (e.g. for LISTEN/NOTIFY), or
// nil on SQLite.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// SchemaVersion returns the number of the last applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("ticketing: read schema version: %w", err)
	}
	return v, nil
}

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations of dir sorted by their
// numeric prefix ("001_init.sql" is version 1).
func migrations(dir string) ([]migration, error) {
	names, err := fs.Glob(migrationFS, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("ticketing: migration %s: name must start with a positive number and '_'", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("ticketing: two migrations with version %d", ms[i].version)
		}
	}
	return ms, nil
}

// migrate applies the migrations of the store's dialect that are not
// applied yet, in order. SQLite applies each in its own transaction; on
// PostgreSQL all pending ones run in one transaction that first takes a
// transaction-scoped advisory lock, so that of several instances starting
// together one migrates and the others then find nothing left to do.
func (s *Store) migrate(ctx context.Context) error {
	dir := "migrations"
	if s.d.name == "postgres" {
		dir = "migrations/postgres"
	}
	ms, err := migrations(dir)
	if err != nil {
		return err
	}
	const create = `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`
	apply := func(tx *dbTx, m migration) error {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version WHERE version = ?`, m.version).Scan(&n)
		if err == nil && n == 0 {
			if _, err = tx.ExecContext(ctx, m.sql); err == nil {
				_, err = tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, time.Now().UnixNano())
			}
		}
		if err != nil {
			return fmt.Errorf("ticketing: apply migration %s: %w", m.name, err)
		}
		return nil
	}
	if s.d.name == "postgres" {
		err := s.rawTx(ctx, func(tx *dbTx) error {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+strconv.Itoa(lockMigrate)+`)`); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, create); err != nil {
				return err
			}
			for _, m := range ms {
				if err := apply(tx, m); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil && !strings.HasPrefix(err.Error(), "ticketing: ") {
			err = fmt.Errorf("ticketing: migrate: %w", err)
		}
		return err
	}
	if _, err := s.db.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("ticketing: create schema_version: %w", err)
	}
	for _, m := range ms {
		if err := s.tx(ctx, func(tx *dbTx) error { return apply(tx, m) }); err != nil {
			return err
		}
	}
	return nil
}

// tx runs fn in a write transaction and commits it when fn returns nil.
// On PostgreSQL the transaction first takes the store-wide write lock, so
// that write transactions run one at a time across instances, as on SQLite.
func (s *Store) tx(ctx context.Context, fn func(*dbTx) error) error {
	return s.rawTx(ctx, func(tx *dbTx) error {
		if s.d.writeLock != "" {
			if _, err := tx.ExecContext(ctx, s.d.writeLock); err != nil {
				return err
			}
		}
		return fn(tx)
	})
}

// rawTx runs fn in a transaction without the write lock.
func (s *Store) rawTx(ctx context.Context, fn func(*dbTx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(&dbTx{Tx: tx, d: s.d}); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// ts converts a time to the stored form: Unix nanoseconds, 0 for zero.
func ts(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// fromTS is the inverse of ts; times come back in UTC.
func fromTS(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// CheckPostgresURL reports whether s is a PostgreSQL URL that
// OpenPostgres accepts (postgres:// or postgresql://, pgx pool settings
// allowed). Its errors never repeat the password.
func CheckPostgresURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("%w: want postgres://user:password@host:5432/database", ErrInvalid)
	}
	if u.Host == "" && u.Query().Get("host") == "" {
		return fmt.Errorf("%w: %s names no host", ErrInvalid, u.Redacted())
	}
	if _, err := pgxpool.ParseConfig(s); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrInvalid, u.Redacted(), err)
	}
	return nil
}

// RedactURL returns a database URL with its password replaced by "xxxxx",
// for logs and messages.
func RedactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// OpenPostgres connects to the PostgreSQL database at url
// (postgres://user:password@host:port/db?…, pgxpool settings such as
// pool_max_conns allowed) and applies the embedded PostgreSQL migrations
// (migrations/postgres) that are not applied yet. Several instances may
// open one database together; one of them migrates.
func OpenPostgres(ctx context.Context, url string) (*Store, error) {
	if err := CheckPostgresURL(url); err != nil {
		return nil, fmt.Errorf("ticketing: open postgres: %w", err)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("ticketing: open postgres: %w", err)
	}
	// An unreachable server fails a connect within seconds instead of the
	// operating system's TCP timeout (connect_timeout in the URL wins).
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("ticketing: open postgres: %w", err)
	}
	d := postgresDialect()
	s := &Store{db: dbConn{DB: stdlib.OpenDBFromPool(pool), d: d}, d: d, pool: pool}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}
