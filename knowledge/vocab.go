// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"iter"
	"maps"
	"math"
	"slices"
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
	// set answers the lookups of a build's decompounding; nil otherwise.
	set *termSet

	// fixes memoises correct for this vocabulary (which never changes):
	// questions repeat their unknown words ("brauche", "bitte", names),
	// and each costs about 54 lookups per letter. Bounded by maxFixes;
	// when full it is emptied.
	mu    sync.Mutex
	fixes map[string]string
	// splits memoises decompoundQuery the same way: the compounds
	// questions use recur as much as their typos.
	splits map[string][]string
	// heads memoises compoundHead the same way: a document's long words
	// recur across the documents whose sentences are read.
	heads map[string]string

	// sorted are the stems of df in order, for completing a prefix;
	// made on the first completion.
	sortOnce sync.Once
	sorted   []string
}

const maxFixes = 1 << 14

func (v *vocab) has(t string) bool { return v.df[t] > 0 }

// mayHave is has, asking the set instead of the map when there is one.
func (v *vocab) mayHave(t string) bool {
	if v.set != nil {
		return v.set.has(t)
	}
	return v.df[t] > 0
}

// termSet holds the vocabulary's terms for the many lookups of a build's
// decompounding (several per letter of every long word, most of them for
// no term). A Bloom filter (two bits per term out of sixteen, small enough
// for a core's cache) answers most lookups of absent terms; the others go
// to a hash table on the same FNV-1a hash, open addressing probed
// linearly, the terms' bytes in one arena. A slot holds the upper half of
// its term's hash, so a lookup reads one slot and, only when that matches,
// the term's bytes; a lookup in the map reads its control word, the key
// and the key's bytes, each in a cache line of its own in a large
// vocabulary.
type termSet struct {
	bits  []uint64 // the Bloom filter
	bmask uint64
	slots []termSlot
	arena []byte
	mask  uint64
}

type termSlot struct {
	fp     uint32 // upper half of the hash with the lowest bit set; 0 is an empty slot
	off, n uint32 // the term in arena
}

// newTermSet returns the set of the terms in df, or nil when their bytes
// do not fit the set's 32-bit offsets.
func newTermSet(df map[string]int) *termSet {
	size := 0
	for t := range df {
		size += len(t)
	}
	return newTermSetOf(func(yield func(string) bool) {
		for t, n := range df {
			if n > 0 && !yield(t) {
				return
			}
		}
	}, len(df), size)
}

// newTermSetOf returns the set of the terms terms yields, which may yield
// a term more than once; n and size bound the number of terms yielded and
// their bytes. It returns nil when size does not fit the set's 32-bit
// offsets.
func newTermSetOf(terms iter.Seq[string], n, size int) *termSet {
	if size >= math.MaxUint32 {
		return nil
	}
	slots := uint64(16)
	for slots < 2*uint64(n) {
		slots <<= 1
	}
	b := uint64(64)
	for b < 16*uint64(n) {
		b <<= 1
	}
	s := &termSet{bits: make([]uint64, b/64), bmask: b - 1, slots: make([]termSlot, slots), arena: make([]byte, 0, size), mask: slots - 1}
	for t := range terms {
		s.add(t)
	}
	return s
}

// add puts t into the set unless it is there.
func (s *termSet) add(t string) {
	h := fnv64(fnvOffset, t)
	fp := uint32(h>>32) | 1
	i := h & s.mask
	for ; s.slots[i].fp != 0; i = (i + 1) & s.mask {
		if sl := &s.slots[i]; sl.fp == fp && int(sl.n) == len(t) && string(s.arena[sl.off:sl.off+sl.n]) == t {
			return
		}
	}
	x, y := h&s.bmask, (h>>32)&s.bmask
	s.bits[x/64] |= 1 << (x % 64)
	s.bits[y/64] |= 1 << (y % 64)
	s.slots[i] = termSlot{fp: fp, off: uint32(len(s.arena)), n: uint32(len(t))}
	s.arena = append(s.arena, t...)
}

func (s *termSet) has(t string) bool {
	h := fnv64(fnvOffset, t)
	x, y := h&s.bmask, (h>>32)&s.bmask
	if s.bits[x/64]&(1<<(x%64)) == 0 || s.bits[y/64]&(1<<(y%64)) == 0 {
		return false
	}
	fp := uint32(h>>32) | 1
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		sl := &s.slots[i]
		if sl.fp == 0 {
			return false
		}
		if sl.fp == fp && int(sl.n) == len(t) && string(s.arena[sl.off:sl.off+sl.n]) == t {
			return true
		}
	}
}

// linkingElements are the Fugenelemente that join parts of German compounds
// ("Zulassung-s-stelle", "Hund-e-steuer", "Straße-n-reinigung").
var linkingElements = []string{"", "s", "es", "n", "en", "e", "er"}

const (
	minCompound = 8  // shortest folded word that is tried as a compound
	maxCompound = 40 // longer "words" are codes or URLs
	minPart     = 3  // shortest part of a compound
)

// compoundHead returns the end of the folded word w from where its last
// part begins when w splits into known parts ("ehevorbereitungskurs" →
// "kurs"), "" otherwise; memoised, bounded by maxFixes.
func (v *vocab) compoundHead(w string) string {
	if len(w) < minCompound || len(w) > maxCompound {
		return ""
	}
	v.mu.Lock()
	head, ok := v.heads[w]
	v.mu.Unlock()
	if ok {
		return head
	}
	sp := splitter{v: v, st: newStemmer()}
	if parts := sp.split(w); len(parts) >= 2 {
		head = w[sp.last:]
	}
	v.mu.Lock()
	if v.heads == nil || len(v.heads) >= maxFixes {
		v.heads = make(map[string]string)
	}
	v.heads[w] = head
	v.mu.Unlock()
	return head
}

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
	sp := splitter{v: v, st: st, isKey: isKey}
	return sp.split(w)
}

// splitter decompounds words against a vocabulary. It keeps its scratch
// space from word to word, so a build holds one per worker; it is not safe
// for concurrent use.
type splitter struct {
	v     *vocab
	st    *stemmer
	isKey func(string) bool

	w string
	// best[i] is the shortest segmentation of w[i:] found so far: its
	// number of parts (-1 if there is none), its first part and where the
	// rest begins. done[i] says that best[i] is final.
	best []segment
	done []bool
	// For each start i, bit k of known[i] says whether w[i:i+k] is in the
	// vocabulary, once bit k of looked[i] says that it was looked up: the
	// candidate parts of one word overlap, and each is looked up once.
	known, looked []uint64
	// last is where the last part of the word split last begins.
	last int
}

// segment is a segmentation of a word's end: n parts, the first one
// first, the others those of the segmentation that begins at next.
type segment struct {
	n     int
	first string
	next  int
}

// split is decompoundWith for sp's vocabulary, stemmer and rule keys.
func (sp *splitter) split(w string) []string {
	if len(w) < minCompound || len(w) > maxCompound {
		return nil
	}
	n := len(w)
	sp.w = w
	sp.best = slices.Grow(sp.best[:0], n+1)[:n+1]
	sp.done = slices.Grow(sp.done[:0], n+1)[:n+1]
	sp.known = slices.Grow(sp.known[:0], n+1)[:n+1]
	sp.looked = slices.Grow(sp.looked[:0], n+1)[:n+1]
	for i := range sp.best {
		sp.best[i] = segment{n: -1}
	}
	clear(sp.done)
	clear(sp.known)
	clear(sp.looked)
	sp.best[n], sp.done[n] = segment{}, true
	k := sp.seg(0)
	sp.w = ""
	if k < 2 || k > 4 {
		return nil
	}
	parts := make([]string, 0, k)
	for i := 0; i < n; i = sp.best[i].next {
		parts = append(parts, sp.best[i].first)
		sp.last = i
	}
	return parts
}

// seg finds the shortest segmentation of w[i:] into known parts and
// returns its number of parts, -1 if there is none; among equally short
// ones it keeps the one with the longest first part.
func (sp *splitter) seg(i int) int {
	if sp.done[i] {
		return sp.best[i].n
	}
	sp.done[i] = true
	w := sp.w
	for j := len(w); j >= i+minPart; j-- {
		rest := sp.seg(j)
		if rest < 0 || (sp.best[i].n >= 0 && rest+1 >= sp.best[i].n) {
			continue
		}
		s := sp.part(i, j)
		if s == "" && j < len(w) {
			part := w[i:j]
			for _, le := range linkingElements[1:] {
				if strings.HasSuffix(part, le) && len(part)-len(le) >= minPart {
					if s = sp.part(i, j-len(le)); s != "" {
						break
					}
				}
			}
		}
		if s != "" {
			sp.best[i] = segment{n: rest + 1, first: s, next: j}
		}
	}
	return sp.best[i].n
}

// part returns what w[i:j] stands for as a compound part: its stem if the
// vocabulary has it, rulePart + w[i:j] if it is a rule key, else "".
func (sp *splitter) part(i, j int) string {
	if s := sp.knownStem(i, j); s != "" {
		return s
	}
	if p := sp.w[i:j]; sp.isKey != nil && len(p) >= 4 && sp.isKey(p) {
		return rulePart + p
	}
	return ""
}

// has reports whether w[i:i+k] is in the vocabulary.
func (sp *splitter) has(i, k int) bool {
	bit := uint64(1) << k
	if sp.looked[i]&bit == 0 {
		sp.looked[i] |= bit
		if sp.v.mayHave(sp.w[i : i+k]) {
			sp.known[i] |= bit
		}
	}
	return sp.known[i]&bit != 0
}

// knownStem returns the stem of w[i:j] if the vocabulary has it. Snowball
// only removes suffixes, so a cheap prefix probe (is one of the part's
// prefixes of its length down to four letters shorter a term?) rules out
// most candidates before the stemmer runs.
func (sp *splitter) knownStem(i, j int) string {
	p := sp.w[i:j]
	if len(p) < minPart {
		return ""
	}
	probe := false
	for k := 0; k <= 4 && len(p)-k >= minPart-1; k++ {
		if sp.has(i, len(p)-k) {
			probe = true
			break
		}
	}
	if !probe || german.StopWord(p) {
		return ""
	}
	s := sp.st.stem(p)
	if len(s) > 0 && len(s) <= len(p) && p[:len(s)] == s {
		// Snowball only removes suffixes: the stem is usually a prefix
		// of the part, looked up already or about to be.
		if sp.has(i, len(s)) {
			return s
		}
		return ""
	}
	if sp.v.has(s) {
		return s
	}
	return ""
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

// maxCompletions is how many stems that start with a prefix complete
// reads: the most frequent of them is taken.
const maxCompletions = 512

// complete returns the most frequent stem of the vocabulary that starts
// with p and is longer than p ("unterl" → "unterlag"), or "" when none
// does among the first maxCompletions in order.
func (v *vocab) complete(p string) string {
	v.sortOnce.Do(func() {
		v.sorted = slices.Sorted(maps.Keys(v.df))
	})
	i, _ := slices.BinarySearch(v.sorted, p)
	best, bestDF := "", 0
	for n := 0; i < len(v.sorted) && n < maxCompletions; i, n = i+1, n+1 {
		t := v.sorted[i]
		if !strings.HasPrefix(t, p) {
			break
		}
		if df := v.df[t]; len(t) > len(p) && df > bestDF {
			best, bestDF = t, df
		}
	}
	return best
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

// stemmer memoises stems of words that are slow to stem; it is not safe
// for concurrent use.
type stemmer struct {
	cache map[string]string
}

// newStemmer returns a stemmer whose memo is made with its first word
// that needs one: a question's words are mostly plain.
func newStemmer() *stemmer { return &stemmer{} }

const maxStemCache = 1 << 18

func (s *stemmer) stem(w string) string {
	if plainWord(w) {
		return german.Stem(w) // faster than a lookup in a large memo
	}
	if r, ok := s.cache[w]; ok {
		return r
	}
	r := german.Stem(w)
	if s.cache == nil {
		s.cache = make(map[string]string)
	}
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

// plainWord reports whether w has only lower-case ASCII letters and
// digits: german.Stem stems such words without allocating, in less time
// than a memo takes to find them.
func plainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
