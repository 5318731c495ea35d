// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestLexiconAnchorsAgreeWithFullScan checks that match and spans, which
// try only the patterns whose anchor word a message contains, and
// literalIn, which looks words up in the section's word set, give what
// trying every pattern gives: over messages made of the lexicon's own
// entries (alone, joined, with words around them) for every section.
func TestLexiconAnchorsAgreeWithFullScan(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var entries [][]string
	names := make([]string, 0, len(lx.sections))
	for name, ps := range lx.sections {
		names = append(names, name)
		for _, p := range ps {
			var ws []string
			for _, w := range p {
				switch {
				case w == "~":
					ws = append(ws, "und")
				case strings.HasSuffix(w, "*"):
					ws = append(ws, strings.TrimSuffix(w, "*")+"en")
				default:
					ws = append(ws, w)
				}
			}
			entries = append(entries, ws)
		}
	}
	sort.Strings(names)
	var messages [][]string
	for i, e := range entries {
		messages = append(messages, e, append([]string{"ich", "moechte"}, append(slices.Clone(e), "bitte")...))
		if i > 0 {
			messages = append(messages, append(slices.Clone(entries[i-1]), e...))
		}
	}
	messages = append(messages, nil, words("Was kostet ein Reisepass, und wie lange dauert das?"))
	fullMatch := func(section string, ws []string) bool {
		for _, p := range lx.sections[section] {
			if _, ok := p.find(ws); ok {
				return true
			}
		}
		return false
	}
	fullSpans := func(section string, ws []string) [][2]int {
		var out [][2]int
		for _, p := range lx.sections[section] {
			for start := range ws {
				if end, ok := p.matchAt(ws, start); ok {
					out = append(out, [2]int{start, end})
				}
			}
		}
		return out
	}
	fullLiteral := func(section, w string) bool {
		for _, p := range lx.sections[section] {
			for _, x := range p {
				if x != "~" && wordMatches(x, w) {
					return true
				}
			}
		}
		return false
	}
	checked := 0
	for _, name := range names {
		for _, ws := range messages {
			if got, want := lx.match(name, ws), fullMatch(name, ws); got != want {
				t.Fatalf("match(%s, %q) = %v, full scan %v", name, ws, got, want)
			}
			if got, want := lx.spans(name, ws), fullSpans(name, ws); !reflect.DeepEqual(got, want) {
				t.Fatalf("spans(%s, %q) = %v, full scan %v", name, ws, got, want)
			}
			for _, w := range ws {
				if got, want := lx.literalIn(name, w), fullLiteral(name, w); got != want {
					t.Fatalf("literalIn(%s, %q) = %v, full scan %v", name, w, got, want)
				}
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d checks", checked)
	}
}
