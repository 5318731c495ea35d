// SPDX-License-Identifier: EUPL-1.2

package ticketing

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// mustOpen opens a fresh store in a temporary directory and closes it when
// the test ends.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "lotse.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// testClock is a settable clock for tests that do not use synctest.
type testClock struct{ t time.Time }

func (c *testClock) Now() time.Time      { return c.t }
func (c *testClock) Add(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *testClock               { return &testClock{t: time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)} }

// mustService builds a Service over a fresh store with a test clock.
func mustService(tb testing.TB, cfg Config) (*Service, *testClock) {
	tb.Helper()
	clock := newClock()
	if cfg.Store == nil {
		cfg.Store = mustOpen(tb)
	}
	if cfg.Now == nil {
		cfg.Now = clock.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	s, err := New(cfg)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	tb.Cleanup(s.Shutdown)
	return s, clock
}

func mustEscalate(tb testing.TB, s *Service, e Escalation) Ticket {
	tb.Helper()
	t, err := s.Escalate(context.Background(), e)
	if err != nil {
		tb.Fatalf("Escalate: %v", err)
	}
	return t
}
