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

// TestTranslationIndexAgreesWithFullScan checks that the entries the
// event and office indices offer for a message are, in order, those of
// the whole list that may match it (mayMatch), less none that matches it.
func TestTranslationIndexAgreesWithFullScan(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	lists := []struct {
		name string
		x    translationIndex
		n    int
		at   func(int) *translation
	}{
		{"events", lx.eventIndex, len(lx.events), func(i int) *translation { return &lx.events[i] }},
		{"offices", lx.officeIndex, len(lx.offices) + len(lx.alternatives), lx.officeOrAlternative},
	}
	var messages [][]string
	for _, l := range lists {
		for i := range l.n {
			var ws []string
			for _, w := range l.at(i).pattern {
				if w != "~" {
					ws = append(ws, strings.Trim(w, "*"))
				}
			}
			messages = append(messages, ws, append([]string{"wir", "sind"}, ws...))
		}
	}
	messages = append(messages, nil, words("Wann hat das Bürgeramt geöffnet, wir sind umgezogen?"))
	checked := 0
	for _, l := range lists {
		for _, ws := range messages {
			var want, wantMatch []int
			for i := range l.n {
				if l.at(i).mayMatch(ws) {
					want = append(want, i)
					if _, ok := l.at(i).pattern.find(ws); ok {
						wantMatch = append(wantMatch, i)
					}
				}
			}
			var got, gotMatch []int
			for _, i := range l.x.candidates(ws, nil) {
				if l.at(i).mayMatch(ws) {
					got = append(got, i)
					if _, ok := l.at(i).pattern.find(ws); ok {
						gotMatch = append(gotMatch, i)
					}
				}
			}
			// (A free entry whose first word begins none of the
			// message's words is left out: it matches nowhere.)
			if !slices.Equal(gotMatch, wantMatch) || len(got) > len(want) {
				t.Fatalf("%s for %q: index offers %v, full scan %v", l.name, ws, got, want)
			}
			if len(want) > 0 {
				checked++
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d messages matched an entry", checked)
	}
}
