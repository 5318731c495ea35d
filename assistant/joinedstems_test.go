// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/musterstadt/lotse/knowledge/german"
)

// TestTermsJoinedMatchesStemmingEachPair checks the joined words of
// lexicon.terms, which take each word's stem from the words' own pass,
// against stemming both words of every pair again, on the natural and
// bundled eval questions, their word pairs reversed, and messages with
// zu-infinitives ("abzumelden") on either side of a pair.
func TestTermsJoinedMatchesStemmingEachPair(t *testing.T) {
	a := mustAssistant(t, nil)
	texts := []string{
		"ich habe vergessen mein Auto abzumelden", "abzumelden Auto", "um den Hund anzumelden brauche ich was",
		"Service Desk anrufen", "Vaterschaft anerkennen", "Gewerbe anmelden zuzulassen", "aufzuheben abzumelden anzumelden",
	}
	for _, dir := range []string{"../evals/cases/musterstadt", "../evals/cases/natural/musterstadt"} {
		for _, c := range readEvalCases(t, dir) {
			for _, q := range append(c.History, c.Question) {
				ws := strings.Fields(q)
				slices.Reverse(ws)
				texts = append(texts, q, strings.Join(ws, " "))
			}
		}
	}
	if len(texts) < 500 {
		t.Fatalf("only %d texts", len(texts))
	}
	lx := a.lex
	for _, text := range texts {
		ws := words(text)
		var want map[string][]string
		for i := 0; i+1 < len(ws); i++ {
			x, y := ws[i], german.DropZuInfix(ws[i+1])
			if len([]rune(x)) < 3 || len([]rune(y)) < 4 || lx.has("noise", x) || lx.has("noise", y) || isDigits(x) || isDigits(y) {
				continue
			}
			if want == nil {
				want = map[string][]string{}
			}
			j := stem(x + y)
			for _, w := range []string{x, y} {
				want[stem(w)] = append(want[stem(w)], j)
			}
		}
		if diff := cmp.Diff(want, lx.terms(text).joined); diff != "" {
			t.Fatalf("%q: joined words (-each pair stemmed +terms):\n%s", text, diff)
		}
	}
}
