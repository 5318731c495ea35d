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
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
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

// Store is the built-in SQLite store: tickets, notes, the outbox, outages,
// conversations, desk users and the audit log live in one WAL-mode file.
// A Store is safe for concurrent use. It holds a single *sql.DB.
type Store struct {
	db *sql.DB
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
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("ticketing: close store: %w", err)
	}
	return nil
}

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

// migrations returns the embedded migrations sorted by their numeric
// prefix ("001_init.sql" is version 1).
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
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

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("ticketing: create schema_version: %w", err)
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version WHERE version = ?`, m.version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, time.Now().UnixNano())
			return err
		})
		if err != nil {
			return fmt.Errorf("ticketing: apply migration %s: %w", m.name, err)
		}
	}
	return nil
}

// tx runs fn in a write transaction and commits it when fn returns nil.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
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
