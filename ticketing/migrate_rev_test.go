// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/musterstadt/lotse/ticketing/pgtest"
)

// A database written before conversations had revisions (schema 4) opens
// with its conversations intact, at revision 0, and they are saved and
// updated from there on: on SQLite and on PostgreSQL.
func TestMigrationGivesExistingConversationsARevision(t *testing.T) {
	ctx := context.Background()
	for _, b := range []struct {
		name, driver, dir string
		url               func(t *testing.T) string
		open              func(ctx context.Context, url string) (*Store, error)
		insert            string
	}{
		{"sqlite", "sqlite", "migrations", func(t *testing.T) string { return filepath.Join(t.TempDir(), "old.db") }, Open,
			`INSERT INTO conversations (id, audience, channel, user_id, data, created_at, updated_at) VALUES ('c1', 'citizen', 'web', 'u1', CAST('{"entries":[]}' AS BLOB), 1, 2)`},
		{"postgres", "pgx", "migrations/postgres", func(t *testing.T) string { return pgtest.URL(t) }, OpenPostgres,
			`INSERT INTO conversations (id, audience, channel, user_id, data, created_at, updated_at) VALUES ('c1', 'citizen', 'web', 'u1', convert_to('{"entries":[]}', 'UTF8'), 1, 2)`},
	} {
		t.Run(b.name, func(t *testing.T) {
			url := b.url(t)
			raw, err := sql.Open(b.driver, url)
			if err != nil {
				t.Fatal(err)
			}
			ms, err := migrations(b.dir)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.ExecContext(ctx, `CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`); err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				if m.version > 4 {
					break
				}
				if _, err := raw.ExecContext(ctx, m.sql); err != nil {
					t.Fatalf("%s: %v", m.name, err)
				}
				if _, err := raw.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied_at) VALUES (`+strconv.Itoa(m.version)+`, '`+m.name+`', 0)`); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := raw.ExecContext(ctx, b.insert); err != nil {
				t.Fatal(err)
			}
			raw.Close()

			st, err := b.open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			got, err := st.LoadConversation(ctx, "c1")
			if err != nil || string(got.Data) != `{"entries":[]}` || got.UserID != "u1" || got.Rev != 0 {
				t.Fatalf("migrated conversation: %+v, %v; want its data at revision 0", got, err)
			}
			if rev, err := st.UpdateConversation(ctx, "c1", 0, []byte(`{"entries":[{}]}`), got.UpdatedAt); err != nil || rev != 1 {
				t.Errorf("UpdateConversation at revision 0: %d, %v; want 1", rev, err)
			}
		})
	}
}
