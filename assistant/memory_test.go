// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMemoryStore(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	if _, err := s.Load(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Load unknown: err = %v, want ErrNotFound", err)
	}
	if err := s.Save(ctx, &Conversation{}); err == nil {
		t.Error("Save without ID: want error")
	}
	c := &Conversation{
		ID: "c1", Lang: "de",
		Entries: []Entry{{Role: RoleAssistant, Text: "a", Sources: []Source{{ID: "x"}}}},
		Slots:   map[string]string{"k": "v"},
	}
	if err := s.Save(ctx, c); err != nil {
		t.Fatal(err)
	}
	// Changing the caller's copy must not change the stored one.
	c.Entries[0].Sources[0].ID = "changed"
	c.Slots["k"] = "changed"
	c.Entries = append(c.Entries, Entry{Text: "b"})
	got, err := s.Load(ctx, "c1")
	if err != nil {
		t.Fatal(err)
	}
	want := &Conversation{
		ID: "c1", Lang: "de",
		Entries: []Entry{{Role: RoleAssistant, Text: "a", Sources: []Source{{ID: "x"}}}},
		Slots:   map[string]string{"k": "v"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("loaded (-want +got):\n%s", diff)
	}
	// Changing a loaded copy must not change the stored one either.
	got.Slots["k"] = "x"
	again, _ := s.Load(ctx, "c1")
	if again.Slots["k"] != "v" {
		t.Error("Load returned shared state")
	}
}

func TestMemoryStoreCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := NewMemoryStore()
	if err := s.Save(ctx, &Conversation{ID: "a"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Save: %v", err)
	}
	if _, err := s.Load(ctx, "a"); !errors.Is(err, context.Canceled) {
		t.Errorf("Load: %v", err)
	}
}

func TestMemoryStoreConcurrent(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				c := &Conversation{ID: "shared", Entries: []Entry{{Text: string(rune('a' + i))}}, Slots: map[string]string{"j": string(rune('0' + j%10))}}
				if err := s.Save(ctx, c); err != nil {
					t.Error(err)
				}
				if _, err := s.Load(ctx, "shared"); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}
