// SPDX-License-Identifier: EUPL-1.2

package phone

import (
	"sync"
	"testing"
	"time"

	"github.com/musterstadt/lotse/assistant"
)

func TestHintsCached(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 6, 14, 9, 0, 0, 0, time.UTC)
	calls := 0
	titles := []string{"Reisepass"}
	d, err := NewDialog(Config{
		Asker: &fakeAsker{}, Store: nil,
	})
	if err == nil || d != nil {
		t.Fatal("NewDialog without store succeeded")
	}
	d, err = NewDialog(Config{
		Asker: &fakeAsker{}, Store: assistant.NewMemoryStore(),
		Now:   func() time.Time { mu.Lock(); defer mu.Unlock(); return now },
		Hints: func() []string { calls++; return titles },
	})
	if err != nil {
		t.Fatal(err)
	}
	first := d.hints()
	d.hints()
	if calls != 1 {
		t.Errorf("Hints called %d times within a minute, want 1", calls)
	}
	titles = []string{"Personalausweis"}
	mu.Lock()
	now = now.Add(2 * time.Minute)
	mu.Unlock()
	second := d.hints()
	if calls != 2 || first[len(first)-1] != "Reisepass" || second[len(second)-1] != "Personalausweis" {
		t.Errorf("calls %d, hints %q then %q", calls, first, second)
	}
}

func TestSpellKey(t *testing.T) {
	tests := map[string]string{
		"LOT-42":       "L O T, 4 2",
		"INC-1234":     "I N C, 1 2 3 4",
		"SD-2026-0042": "S D, 2 0 2 6, 0 0 4 2",
		"MS-1234567":   "M S, 1 2 3, 4 5 6, 7",
	}
	for in, want := range tests {
		if got := SpellKey(in); got != want {
			t.Errorf("SpellKey(%q) = %q, want %q", in, got, want)
		}
	}
}
