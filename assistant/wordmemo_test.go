// SPDX-License-Identifier: EUPL-1.2

package assistant

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/musterstadt/lotse/knowledge"
)

// A turn's lexicon (reading) reads every eval question as the
// Assistant's does: the same signals, language, terms, facets, values,
// asking sentences, frames and understanding, read in a turn's order so
// that its memo serves the later analyses; and no analysis writes to the
// words it keeps.
func TestTurnLexiconReadsAsShared(t *testing.T) {
	a := mustAssistant(t, nil)
	var texts []string
	for _, dir := range []string{"../evals/cases/musterstadt", "../evals/cases/natural/musterstadt", "../evals/cases/natural-fresh/musterstadt"} {
		for _, c := range readEvalCases(t, dir) {
			texts = append(texts, c.Question)
			texts = append(texts, c.History...)
		}
	}
	texts = append(texts, "", "?", "Hallo! Was kostet ein Reisepass? Danke.", "muss ich da zuhause sein, und wie lange dauert das")
	for _, text := range texts {
		shared, lx := a.lex, a.lex.reading()
		if got, want := lx.detectLang(text, "", ""), shared.detectLang(text, "", ""); got != want {
			t.Fatalf("detectLang(%q) = %q, want %q", text, got, want)
		}
		if got, want := a.stripFrames(lx, text), a.stripFrames(shared, text); got != want {
			t.Fatalf("stripFrames(%q) = %q, want %q", text, got, want)
		}
		sig, wantSig := lx.signals(text), shared.signals(text)
		if !reflect.DeepEqual(sig, wantSig) {
			t.Fatalf("signals(%q) = %+v, want %+v", text, sig, wantSig)
		}
		bare := strings.TrimRight(text, "?!. ")
		for _, s := range []string{text, bare} {
			if got, want := lx.terms(s), shared.terms(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("terms(%q) = %+v, want %+v", s, got, want)
			}
			if got, want := lx.detectFacets(s), shared.detectFacets(s); !cmp.Equal(got, want) {
				t.Fatalf("detectFacets(%q) = %v, want %v", s, got, want)
			}
			if got, want := lx.wantedValues(s), shared.wantedValues(s); got != want {
				t.Fatalf("wantedValues(%q) = %v, want %v", s, got, want)
			}
			if got, want := lx.questionSentences(s), shared.questionSentences(s); got != want {
				t.Fatalf("questionSentences(%q) = %q, want %q", s, got, want)
			}
			if got, want := lx.yesNoParts(s, "", false), shared.yesNoParts(s, "", false); !cmp.Equal(got, want) {
				t.Fatalf("yesNoParts(%q) = %q, want %q", s, got, want)
			}
		}
		q := a.understand(&turn{conv: newConv(knowledge.Citizen), red: text, query: text, sig: sig, lex: lx, lang: "de"})
		want := a.understand(&turn{conv: newConv(knowledge.Citizen), red: text, query: text, sig: wantSig, lang: "de"})
		if !reflect.DeepEqual(q, want) {
			t.Fatalf("understand(%q) = %+v, want %+v", text, q, want)
		}
		m := lx.memo
		for i := range m.n {
			if got, want := m.words[i], words(m.texts[i]); !cmp.Equal(got, want) {
				t.Fatalf("after %q the memo holds %q for %q, words gives %q", text, got, m.texts[i], want)
			}
			var spans []facetSpan
			shared.facetSpans(m.words[i], func(fi int, sp [2]int) { spans = append(spans, facetSpan{fi, sp}) })
			if m.facetsRead[i] && !cmp.Equal(m.facets[i], spans, cmp.AllowUnexported(facetSpan{})) {
				t.Fatalf("the memo holds the facet spans %v for %q, facetSpans gives %v", m.facets[i], m.texts[i], spans)
			}
		}
	}
}
