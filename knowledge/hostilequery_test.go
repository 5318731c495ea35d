// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// hostileQueries are messages of 4,000 characters built to make query
// analysis expensive: one long token (finding 4 of issue 20: "ä"×4000 cost
// seconds in spelling correction), many distinct unknown words of the
// longest length still corrected, many compound-looking words, and words
// one edit away from rule keys.
func hostileQueries() map[string]string {
	const n = 4000
	fill := func(word func(i int) string) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(word(i))
			b.WriteByte(' ')
		}
		return b.String()[:n]
	}
	letters := "bcdfghjklmnpqrstvwxz"
	return map[string]string{
		"one-token-ae":  strings.Repeat("ä", n),
		"one-token-az":  strings.Repeat("abcdefghijklmnopqrstuvwxyz", n/26+1)[:n],
		"unknown-40":    fill(func(i int) string { return strings.Repeat(string(letters[i%20]), 20) + fmt.Sprintf("%020d", i) }),
		"unknown-12":    fill(func(i int) string { return "qu" + strings.Repeat(string(letters[i%20]), 6) + fmt.Sprintf("%04d", i) }),
		"compounds":     fill(func(i int) string { return "personalausweisverlustanzeige"[:8+i%22] + "steuer" }),
		"near-rule-key": fill(func(i int) string { return "fuehrerschien" }),
		"ordinary-long": fill(func(i int) string { return "Wie beantrage ich einen Reisepass und was kostet er?" }),
	}
}

// TestQueryAnalysisIsBounded asserts the work counter: however a message
// of 4,000 characters is made, at most maxFuzzyPerQuery words are tried for
// correction or decompounding, and none longer than maxFuzzyWord.
func TestQueryAnalysisIsBounded(t *testing.T) {
	bb := openBenchBase(t, 1000)
	ix := bb.b.cur.Load()
	for name, q := range hostileQueries() {
		_, _, work := ix.queryTermsCounted(q)
		if work.fuzzy > maxFuzzyPerQuery {
			t.Errorf("%s: %d fuzzy attempts, cap %d", name, work.fuzzy, maxFuzzyPerQuery)
		}
		t.Logf("%s: fuzzy %d, skipped %d", name, work.fuzzy, work.skipped)
	}
	if _, _, work := ix.queryTermsCounted(strings.Repeat("ä", 4000)); work.fuzzy != 0 || work.skipped == 0 {
		t.Errorf("the 4,000-character token was tried: %+v", work)
	}
	// Ordinary questions keep their corrections.
	if c := ix.vocab.correct("xyzzy"); c != "" && len(c) > maxFuzzyWord {
		t.Errorf("correct returned %q", c)
	}
}

// BenchmarkHostileQuery measures a whole search for each hostile message
// over 1,000 chunks, and query analysis alone. Acceptance for issue 20:
// the worst message costs at most 20 ms.
//
//	go test -run '^$' -bench HostileQuery -benchtime 20x ./knowledge/
func BenchmarkHostileQuery(b *testing.B) {
	bb := openBenchBase(b, 1000)
	ix := bb.b.cur.Load()
	for name, q := range hostileQueries() {
		b.Run("analysis/"+name, func(b *testing.B) {
			for b.Loop() {
				ix.queryTermsCounted(q)
			}
		})
		b.Run("search/"+name, func(b *testing.B) {
			for b.Loop() {
				if _, err := bb.b.Search(context.Background(), Query{Text: q, Audience: Citizen}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
