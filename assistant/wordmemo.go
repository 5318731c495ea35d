// SPDX-License-Identifier: EUPL-1.2

package assistant

import "slices"

// A turn reads its message in a dozen analyses (its language, the
// signals, the question's terms, the facets and values asked, its
// clauses, the asking sentences, …), each of which used to fold and split
// the text into words again, the message with and without its question
// mark alike. A turn reads through its own copy of the lexicon
// (lexicon.reading) whose memo keeps the words of the texts split so far,
// so that each is split once a turn, and the facet spans of those words
// (the question's terms and its facets both look for them). The
// Assistant's lexicon, which concurrent turns share, has no memo and
// splits every text it is given.

// wordMemo keeps the words of the first wordMemoSize texts a turn
// splits; later ones are split each time they are read.
type wordMemo struct {
	n     int
	texts [wordMemoSize]string
	words [wordMemoSize][]string
	// facets are the facet spans of words[i] (facetSpans), once read
	// (facetsRead[i]).
	facets     [wordMemoSize][]facetSpan
	facetsRead [wordMemoSize]bool
}

// facetSpan is a span of words that a pattern of facet section fi
// matches, as facetSpans reports it.
type facetSpan struct {
	fi int
	sp [2]int
}

// wordMemoSize is enough for a message, the message without its last
// mark, and a few of its sentences and clauses.
const wordMemoSize = 8

// of returns words(s), kept from an earlier call when there was one. The
// slice is shared by every caller that reads s: it must not be written
// to (appending to it copies it).
func (m *wordMemo) of(s string) []string {
	for i := range m.n {
		if m.texts[i] == s {
			return m.words[i]
		}
	}
	ws := slices.Clip(words(s))
	if m.n < wordMemoSize {
		m.texts[m.n], m.words[m.n] = s, ws
		m.n++
	}
	return ws
}

// kept returns the index of ws among the memo's words, -1 when ws is
// not one of them: the same slice, not only the same words (a caller's
// copy may be changed).
func (m *wordMemo) kept(ws []string) int {
	if len(ws) == 0 {
		return -1
	}
	for i := range m.n {
		if len(m.words[i]) == len(ws) && &m.words[i][0] == &ws[0] {
			return i
		}
	}
	return -1
}

// turnLexicon is a lexicon as one turn reads it, with its memo.
type turnLexicon struct {
	lexicon
	memo wordMemo
}

// reading returns a copy of lx for one turn, whose words are kept in a
// memo of the turn's own (the copy shares lx's sections and indexes,
// which no one changes after newLexicon).
func (lx *lexicon) reading() *lexicon {
	t := &turnLexicon{lexicon: *lx}
	t.lexicon.memo = &t.memo
	return &t.lexicon
}

// words returns words(s). For a turn's lexicon (reading) the slice comes
// from its memo and is shared: callers must not write to it.
func (lx *lexicon) words(s string) []string {
	if lx.memo == nil {
		return words(s)
	}
	return lx.memo.of(s)
}

// lexOf returns the lexicon turn t reads through: its own (run makes one
// per turn), or the Assistant's for a turn made without one.
func (a *Assistant) lexOf(t *turn) *lexicon {
	if t.lex != nil {
		return t.lex
	}
	return a.lex
}
