// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"strings"
	"sync"

	"github.com/musterstadt/lotse/knowledge/german"
)

// vocab is the set of stems in an index with their document frequencies
// (number of chunks containing them). Typo correction and decompounding
// only ever produce terms from it, so a query can only gain words the index
// really has.
type vocab struct {
	df map[string]int

	// fixes memoises correct for this vocabulary (which never changes):
	// questions repeat their unknown words ("brauche", "bitte", names),
	// and each costs about 54 lookups per letter. Bounded by maxFixes;
	// when full it is emptied.
	mu    sync.Mutex
	fixes map[string]string
	// splits memoises decompoundQuery the same way: the compounds
	// questions use recur as much as their typos.
	splits map[string][]string
}

const maxFixes = 1 << 14

func (v *vocab) has(t string) bool { return v.df[t] > 0 }

// linkingElements are the Fugenelemente that join parts of German compounds
// ("Zulassung-s-stelle", "Hund-e-steuer", "Straße-n-reinigung").
var linkingElements = []string{"", "s", "es", "n", "en", "e", "er"}

const (
	minCompound = 8  // shortest folded word that is tried as a compound
	maxCompound = 40 // longer "words" are codes or URLs
	minPart     = 3  // shortest part of a compound
)

// decompound splits a folded word into known stems: "personalausweisverlust"
// gives [personalausweis verlust] when both are in the vocabulary,
// "kfzzulassungsstelle" gives [kfz zulass stell]. Parts may be joined by a
// linking element (Fugen-s and the like). Among all segmentations the one
// with the fewest parts wins, and among those the one with the longest
// first part. It returns nil when the word is no compound of known parts.
// The word itself is not part of the result.
func (v *vocab) decompound(w string, st *stemmer) []string {
	return v.decompoundWith(w, st, nil)
}

// rulePart marks a compound part that is not in the vocabulary but is the
// key of a query rule (a synonym the index lacks, like "kindergarten" for
// a town that only writes "Kita"); the caller expands it by the rule.
const rulePart = "\x00"

// decompoundWith is decompound that also accepts parts for which isKey
// reports true; those are returned as rulePart + the folded part.
func (v *vocab) decompoundWith(w string, st *stemmer, isKey func(string) bool) []string {
	if len(w) < minCompound || len(w) > maxCompound {
		return nil
	}
	// best[i] is the shortest segmentation of w[i:], nil if there is none.
	best := make([][]string, len(w)+1)
	done := make([]bool, len(w)+1)
	best[len(w)], done[len(w)] = []string{}, true
	var seg func(i int) []string
	seg = func(i int) []string {
		if done[i] {
			return best[i]
		}
		done[i] = true
		for j := len(w); j >= i+minPart; j-- {
			rest := seg(j)
			if rest == nil || (best[i] != nil && len(rest)+1 >= len(best[i])) {
				continue
			}
			part := w[i:j]
			known := func(p string) string {
				if s := v.knownStem(p, st); s != "" {
					return s
				}
				if isKey != nil && len(p) >= 4 && isKey(p) {
					return rulePart + p
				}
				return ""
			}
			s := known(part)
			if s == "" && j < len(w) {
				for _, le := range linkingElements[1:] {
					if strings.HasSuffix(part, le) && len(part)-len(le) >= minPart {
						if s = known(part[:len(part)-len(le)]); s != "" {
							break
						}
					}
				}
			}
			if s != "" {
				best[i] = append([]string{s}, rest...)
			}
		}
		return best[i]
	}
	parts := seg(0)
	if len(parts) < 2 || len(parts) > 4 {
		return nil
	}
	return parts
}

// decompoundQuery is decompoundWith for the words of questions, memoised
// (bounded like fixes). isKey must depend only on what never changes for
// this vocabulary (the index's rules). The parts are shared: callers must
// not change them.
func (v *vocab) decompoundQuery(w string, st *stemmer, isKey func(string) bool) []string {
	if len(w) < minCompound || len(w) > maxCompound {
		return nil
	}
	v.mu.Lock()
	parts, ok := v.splits[w]
	v.mu.Unlock()
	if ok {
		return parts
	}
	parts = v.decompoundWith(w, st, isKey)
	v.mu.Lock()
	if v.splits == nil || len(v.splits) >= maxFixes {
		v.splits = make(map[string][]string)
	}
	v.splits[w] = parts
	v.mu.Unlock()
	return parts
}

// knownStem returns the stem of the folded word w if the vocabulary has it.
// Snowball only removes suffixes, so a cheap prefix probe rules out most
// candidates before the stemmer runs.
func (v *vocab) knownStem(w string, st *stemmer) string {
	if len(w) < minPart || german.StopWord(w) {
		return ""
	}
	probe := false
	for k := 0; k <= 4 && len(w)-k >= minPart-1; k++ {
		if v.has(w[:len(w)-k]) {
			probe = true
			break
		}
	}
	if !probe {
		return ""
	}
	if s := st.stem(w); v.has(s) {
		return s
	}
	return ""
}

// correct returns the most frequent vocabulary stem within one edit
// (insertion, deletion, substitution or transposition of adjacent letters)
// of t, or "" when there is none. Only terms of five to maxFuzzyWord
// letters are corrected: short words have too many neighbours, and the
// work grows with the square of the length.
func (v *vocab) correct(t string) string {
	if len(t) < 5 || len(t) > maxFuzzyWord || v.has(t) {
		return ""
	}
	v.mu.Lock()
	fix, ok := v.fixes[t]
	v.mu.Unlock()
	if ok {
		return fix
	}
	fix = v.nearest(t)
	v.mu.Lock()
	if v.fixes == nil || len(v.fixes) >= maxFixes {
		v.fixes = make(map[string]string)
	}
	v.fixes[t] = fix
	v.mu.Unlock()
	return fix
}

// nearest is correct without the memo.
func (v *vocab) nearest(t string) string {
	best, bestDF := "", 0
	// Candidates are built in one buffer and looked up without becoming
	// strings (a map index by string(bytes) does not allocate); only a
	// better candidate is copied out. A word of n letters has about 54·n
	// candidates, so this saves that many allocations per unknown word.
	buf := make([]byte, len(t)+1)
	try := func(c []byte) {
		if df := v.df[string(c)]; df > bestDF || (df == bestDF && df > 0 && string(c) < best) {
			best, bestDF = string(c), df
		}
	}
	const letters = "abcdefghijklmnopqrstuvwxyz"
	n := len(t)
	for i := 0; i <= n; i++ {
		if i < n {
			// deletion
			c := append(append(buf[:0], t[:i]...), t[i+1:]...)
			try(c)
			if i+1 < n { // transposition
				c = append(append(append(append(buf[:0], t[:i]...), t[i+1]), t[i]), t[i+2:]...)
				try(c)
			}
		}
		// insertion at i
		ins := append(append(append(buf[:0], t[:i]...), 0), t[i:]...)
		for j := 0; j < len(letters); j++ {
			ins[i] = letters[j]
			try(ins)
		}
		if i < n { // substitution at i
			sub := append(buf[:0], t...)
			for j := 0; j < len(letters); j++ {
				if letters[j] != t[i] {
					sub[i] = letters[j]
					try(sub)
				}
			}
		}
	}
	return best
}

// stemmer memoises stems; it is not safe for concurrent use.
type stemmer struct {
	cache map[string]string
}

func newStemmer() *stemmer { return &stemmer{cache: make(map[string]string)} }

const maxStemCache = 1 << 18

func (s *stemmer) stem(w string) string {
	if r, ok := s.cache[w]; ok {
		return r
	}
	r := german.Stem(w)
	if len(s.cache) < maxStemCache {
		s.cache[w] = r
	}
	return r
}

// analyze is the memoised form of the package function analyze.
func (s *stemmer) analyze(text string) []string {
	ws := german.Words(text)
	out := ws[:0]
	for _, w := range ws {
		if german.StopWord(w) || len(w) < 2 {
			continue
		}
		out = append(out, s.stem(w))
	}
	return out
}
