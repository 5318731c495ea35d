// SPDX-License-Identifier: EUPL-1.2

package desk

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"
)

// mapLogins is a LoginStore in a map, shared by two sessions tables as two
// instances share the database.
type mapLogins struct {
	mu sync.Mutex
	m  map[string]Login
}

func (s *mapLogins) CreateLogin(_ context.Context, key string, l Login) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = l
	return nil
}

func (s *mapLogins) Login(_ context.Context, key string) (Login, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.m[key]
	return l, ok, nil
}

func (s *mapLogins) DeleteLogin(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, key)
	return nil
}

func (s *mapLogins) DeleteLogins(_ context.Context, user string, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, l := range s.m {
		if l.User == user || !now.Before(l.Expires) {
			delete(s.m, k)
		}
	}
	return nil
}

// TestLoginsSharedBetweenInstances: a login made on one instance is valid
// on the other with the same CSRF token, the store keeps only the token's
// hash, and logging out or disabling the user on one ends it on both.
func TestLoginsSharedBetweenInstances(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	store := &mapLogins{m: make(map[string]Login)}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, b := newSessions(clock, store, log), newSessions(clock, store, log)

	tok, sa := a.create("erika", time.Hour)
	sb, ok := b.get(tok)
	if !ok || sb.user != "erika" || sb.csrf != sa.csrf {
		t.Fatalf("login of A on B: %+v %v", sb, ok)
	}
	if _, raw := store.m[tok]; raw || len(store.m) != 1 {
		t.Errorf("store holds %d logins, raw token present %v", len(store.m), raw)
	}
	b.drop(tok)
	if _, ok := a.get(tok); ok {
		t.Error("logout on B left the login valid on A")
	}

	tok, _ = a.create("erika", time.Hour)
	other, _ := a.create("max", time.Hour)
	b.dropUser("erika")
	if _, ok := a.get(tok); ok {
		t.Error("dropUser on B left erika's login on A")
	}
	if _, ok := a.get(other); !ok {
		t.Error("dropUser of erika ended max's login")
	}
	now = now.Add(2 * time.Hour)
	if _, ok := b.get(other); ok {
		t.Error("expired login accepted")
	}
}
