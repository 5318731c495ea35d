package assistant

import (
	"context"
	"fmt"
	"strings"

	"github.com/musterstadt/lotse/knowledge"
)

// retrieveK is the number of passages asked for per turn.
const retrieveK = 8

// maxCandidates is how many of the retrieved documents are considered for
// the answer.
const maxCandidates = 5

// retrieval is the result of one search with the documents behind it.
type retrieval struct {
	passages []knowledge.Passage
	docIDs   []string // unique document IDs in rank order
	cands    []candidate
}

// candidate is a retrieved document that may answer the question.
type candidate struct {
	doc      knowledge.Document
	rank     int
	score    float64             // best passage score of the document
	passages []knowledge.Passage // the document's retrieved passages, best first
	named    int                 // length of the document names the question mentions
	coverage float64             // share of the question's content words found in the document
	tokens   map[string]bool     // stems of the document's words
	nameSets [][]string          // stemmed names: synonyms and title words
}

// search runs one retrieval and loads the top documents. Search errors
// are returned wrapped; the caller decides how to degrade.
func (a *Assistant) search(ctx context.Context, text string, aud knowledge.Audience, facet knowledge.Facet, lang string) (retrieval, error) {
	start := a.cfg.Now()
	ps, err := a.cfg.Retriever.Search(ctx, knowledge.Query{Text: text, Audience: aud, Facet: facet, Lang: lang, K: retrieveK})
	if a.cfg.Metrics != nil {
		a.cfg.Metrics.Retrieval(a.cfg.Now().Sub(start).Seconds())
	}
	if err != nil {
		return retrieval{}, fmt.Errorf("assistant: search: %w", err)
	}
	r := retrieval{passages: ps}
	byID := map[string]int{}
	for _, p := range ps {
		i, ok := byID[p.DocID]
		if !ok {
			r.docIDs = append(r.docIDs, p.DocID)
			if len(r.cands) >= maxCandidates {
				byID[p.DocID] = -1
				continue
			}
			doc, found := a.cfg.Retriever.Document(p.DocID, aud)
			if !found {
				// The retriever enforces the audience; a passage of a
				// document we may not load is dropped, not shown.
				byID[p.DocID] = -1
				continue
			}
			i = len(r.cands)
			byID[p.DocID] = i
			r.cands = append(r.cands, candidate{doc: doc, rank: len(r.docIDs) - 1, score: p.Score})
		}
		if i >= 0 {
			r.cands[i].passages = append(r.cands[i].passages, p)
		}
	}
	for i := range r.cands {
		r.cands[i].tokens, r.cands[i].nameSets = a.lex.docTerms(r.cands[i].doc)
	}
	return r, nil
}

// docTerms returns the stems of all words of a document and its names:
// each synonym and each distinctive title word as a set of stems.
func (lx *lexicon) docTerms(d knowledge.Document) (map[string]bool, [][]string) {
	tokens := map[string]bool{}
	add := func(s string) {
		for _, w := range words(s) {
			tokens[stem(w)] = true
		}
	}
	add(d.Title)
	for _, s := range d.Synonyms {
		add(s)
	}
	for _, s := range d.Sections {
		add(s.Heading)
		add(s.Text)
	}
	var names [][]string
	addName := func(s string) {
		var n []string
		for _, w := range words(s) {
			if lx.has("noise", w) || lx.has("generic_title", w) || len([]rune(w)) < 3 {
				continue
			}
			n = append(n, stem(w))
		}
		if len(n) > 0 {
			names = append(names, n)
		}
	}
	for _, w := range words(d.Title) {
		addName(w)
	}
	for _, s := range d.Synonyms {
		addName(s)
	}
	return tokens, names
}

// queryTerms are the stemmed words of a question.
type queryTerms struct {
	stems   map[string]bool
	content []string // stems of content words: no noise, no facet cue words
}

func (lx *lexicon) terms(text string) queryTerms {
	ws := words(text)
	q := queryTerms{stems: map[string]bool{}}
	facetWord := map[int]bool{}
	for _, f := range facetOrder {
		for _, sp := range lx.spans("facet_"+string(f), ws) {
			for i := sp[0]; i < sp[1]; i++ {
				facetWord[i] = true
			}
		}
	}
	seen := map[string]bool{}
	for i, w := range ws {
		s := stem(w)
		q.stems[s] = true
		if facetWord[i] || lx.has("noise", w) || lx.has("followup_pronoun", w) || len([]rune(w)) < 3 || isDigits(w) || seen[s] {
			continue
		}
		seen[s] = true
		q.content = append(q.content, s)
	}
	return q
}

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// score fills named and coverage of every candidate for the question q.
func (r *retrieval) score(q queryTerms) {
	for i := range r.cands {
		c := &r.cands[i]
		c.named = 0
		for _, n := range c.nameSets {
			all := true
			for _, s := range n {
				if !q.stems[s] {
					all = false
					break
				}
			}
			if all {
				c.named += len(strings.Join(n, " "))
			}
		}
		if len(q.content) == 0 {
			c.coverage = 0
			continue
		}
		hit := 0
		for _, s := range q.content {
			if c.tokens[s] || (len(s) >= 5 && containsSub(c.tokens, s)) {
				hit++
			}
		}
		c.coverage = float64(hit) / float64(len(q.content))
	}
}

// containsSub reports whether some token contains s, which catches German
// compounds ("ausweis" in "personalausweis").
func containsSub(tokens map[string]bool, s string) bool {
	for t := range tokens {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// relevantCoverage is the share of content words a document must contain
// to count as relevant when the question does not name it.
const relevantCoverage = 0.34

func (c candidate) relevant() bool { return c.named > 0 || c.coverage >= relevantCoverage }

// pick chooses the document to answer from: the one the question names
// most specifically, else the best-ranked relevant one. It returns -1 when
// nothing is relevant.
func (r *retrieval) pick() int {
	best := -1
	for i, c := range r.cands {
		if c.named > 0 && (best < 0 || c.named > r.cands[best].named) {
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	for i, c := range r.cands {
		if c.relevant() {
			return i
		}
	}
	return -1
}

// ambiguous returns the index of a second document that is as plausible as
// the picked one when the question names neither: the two are close in
// score, both relevant, and of the same kind.
func (r *retrieval) ambiguous(picked int) int {
	if picked != 0 || len(r.cands) < 2 {
		return -1
	}
	a, b := r.cands[0], r.cands[1]
	if a.named > 0 || b.named > 0 || !a.relevant() || !b.relevant() || a.doc.Kind != b.doc.Kind || a.doc.Title == b.doc.Title {
		return -1
	}
	if a.score <= 0 || b.score < 0.9*a.score || b.coverage < a.coverage {
		return -1
	}
	return 1
}

// confidence turns the retrieval signals of the chosen candidate into a
// number between 0 and 1. It is a heuristic: retrieval scores are only
// comparable within one result list, so it rests on how much of the
// question the document covers and whether the question names it.
func confidence(c candidate, followUp bool) float64 {
	if !c.relevant() && !followUp {
		return 0.1
	}
	v := 0.3 + 0.5*c.coverage
	if c.named > 0 {
		v += 0.2
	}
	if followUp {
		v += 0.15
	}
	switch {
	case v > 0.99:
		v = 0.99
	case v < 0:
		v = 0
	}
	return v
}

// lowConfidence is the confidence below which a human is offered.
const lowConfidence = 0.5
