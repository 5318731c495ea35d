// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestCleanMemoBounded fills the memo of clean from several goroutines
// (run with -race) and checks that it keeps within its bounds and returns
// what was put.
func TestCleanMemoBounded(t *testing.T) {
	var c cleanMemo
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 3 * maxCleanMemo {
				k := cleanKey{text: fmt.Sprintf("text %d %d", g, i), keepOffice: i%2 == 0}
				c.put(k, strings.ToUpper(k.text))
				if s, ok := c.get(k); ok && s != strings.ToUpper(k.text) {
					t.Errorf("get(%q) = %q", k.text, s)
				}
			}
		})
	}
	wg.Wait()
	if len(c.m) > maxCleanMemo || c.bytes > maxCleanBytes {
		t.Errorf("memo holds %d texts, %d bytes; want ≤ %d, ≤ %d", len(c.m), c.bytes, maxCleanMemo, maxCleanBytes)
	}
	big := strings.Repeat("x", maxCleanBytes/3)
	for i := range 4 {
		c.put(cleanKey{text: big + fmt.Sprint(i)}, big)
	}
	if c.bytes > maxCleanBytes {
		t.Errorf("memo holds %d bytes, want ≤ %d", c.bytes, maxCleanBytes)
	}
	if _, ok := c.get(cleanKey{text: big + "3"}); !ok {
		t.Error("the last text put is not in the memo")
	}
}

// TestCleanMemoisedAsUncached checks that clean answers from its memo
// what cleanText computes.
func TestCleanMemoisedAsUncached(t *testing.T) {
	a := mustAssistant(t, nil)
	text := "**Gebühr:** 37,50 Euro\n\n| a | b |\n|---|---|\n\nAktenzeichen: 12-3\nSiehe [Seite](/x)."
	for _, keep := range []bool{false, true} {
		want := a.cleanText(text, keep)
		for range 2 {
			if got := a.clean(text, keep); got != want {
				t.Errorf("clean(…, %v) = %q, want %q", keep, got, want)
			}
		}
	}
}

// TestSameNameIsJoinedEquality compares sameName with joining the names,
// including words that hold blanks or are empty.
func TestSameNameIsJoinedEquality(t *testing.T) {
	names := [][]string{nil, {}, {""}, {"", ""}, {"a"}, {"a", ""}, {"", "a"}, {"a b"}, {"a", "b"}, {"ab"}, {"a", "c"},
		{"reisepass"}, {"reisepas", "s"}, {"reise", "pass"}, {"reise pass"}, {"kind", "reisepass"}, {"kindreisepass"}}
	for _, a := range names {
		for _, b := range names {
			if got, want := sameName(a, b), strings.Join(a, " ") == strings.Join(b, " "); got != want {
				t.Errorf("sameName(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}
