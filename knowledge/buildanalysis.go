// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/musterstadt/lotse/knowledge/german"
)

// analyzeChunks returns the lexical terms of every chunk and fills the
// vocabulary's document frequencies, on as many workers as there are
// processors. Pass 1 analyses every chunk (words, stop words, stems) and
// counts document frequencies; pass 2, once the vocabulary is known, adds
// the parts of compound words. Every worker has its own stemmer, counts
// and compound memo; the counts are added up after each pass, so the
// result is the same as one worker's, term for term.
func analyzeChunks(ctx context.Context, chunks []chunk, v *vocab) ([][]string, error) {
	bodies := make([][]string, len(chunks))
	// long holds each chunk's words that pass 2 tries as compounds, in
	// order; the other words are not kept until then.
	long := make([][]string, len(chunks))
	workers := min(runtime.GOMAXPROCS(0), 8)

	// Pass 1.
	type pass1 struct {
		st    *stemmer
		df    termCounts
		words []string // scratch
	}
	p1 := make([]pass1, workers)
	if err := forEachBlock(ctx, len(chunks), workers, func(w, lo, hi int) {
		s := &p1[w]
		if s.st == nil {
			s.st, s.df = newStemmer(), newTermCounts()
		}
		seen := make(map[string]struct{})
		for i := lo; i < hi; i++ {
			c := &chunks[i]
			// The words of c.Section + "\n" + c.Text, without joining them.
			s.words = german.AppendWords(german.AppendWords(s.words[:0], c.Section), c.Text)
			words := s.words
			terms := make([]string, 0, len(words))
			for _, w := range words {
				if german.StopWord(w) || len(w) < 2 {
					continue
				}
				terms = append(terms, s.st.stem(w))
				if len(w) >= minCompound {
					long[i] = append(long[i], w)
				}
			}
			bodies[i] = terms
			clear(seen)
			for _, t := range terms {
				if _, ok := seen[t]; !ok {
					seen[t] = struct{}{}
					s.df.add(t)
				}
			}
		}
	}); err != nil {
		return nil, err
	}
	// The counts are added up while the term set for pass 2 is built from
	// the same per-worker terms: each is one core's work.
	setBuilt := make(chan *termSet, 1)
	go func() {
		n, size := 0, 0
		for _, s := range p1 {
			n, size = n+len(s.df.n), size+s.df.bytes
		}
		setBuilt <- newTermSetOf(func(yield func(string) bool) {
			for _, s := range p1 {
				for t := range s.df.id {
					if !yield(t) {
						return
					}
				}
			}
		}, n, size)
	}()
	v.df = make(map[string]int, len(p1[0].df.n))
	for _, s := range p1 {
		s.df.addTo(v.df)
	}

	// Pass 2. The vocabulary is only read here: a compound's parts are
	// terms it has already, so counting them afterwards changes no
	// answer of has.
	type pass2 struct {
		sp    splitter
		parts map[string][]string
		df    termCounts
		extra []string // scratch
	}
	v.set = <-setBuilt
	defer func() { v.set = nil }()
	p2 := make([]pass2, workers)
	for w := range p2 {
		st := p1[w].st
		if st == nil {
			st = newStemmer()
		}
		p2[w].sp = splitter{v: v, st: st}
	}
	// Each worker memoises the splits of the words it meets; a worker
	// meets about half of the long words, most of them more than once.
	memo := 0
	for _, ws := range long {
		memo += len(ws)
	}
	memo = memo / workers / 2
	if err := forEachBlock(ctx, len(chunks), workers, func(w, lo, hi int) {
		s := &p2[w]
		if s.parts == nil {
			s.parts, s.df = make(map[string][]string, memo), newTermCounts()
		}
		for i := lo; i < hi; i++ {
			extra := s.extra[:0]
			for _, w := range long[i] {
				p, ok := s.parts[w]
				if !ok {
					p = s.sp.split(w)
					s.parts[w] = p
				}
				extra = append(extra, p...)
			}
			if len(extra) > 0 {
				own := bodies[i]
				bodies[i] = append(bodies[i], extra...)
				for j, t := range extra {
					if !contains(extra[:j], t) && !contains(own, t) {
						s.df.add(t)
					}
				}
			}
			s.extra = extra
			long[i] = nil
		}
	}); err != nil {
		return nil, err
	}
	for _, s := range p2 {
		s.df.addTo(v.df)
	}
	return bodies, nil
}

// termCounts counts chunks per term. Its keys are copies: a term is a
// piece of its chunk's folded text, and a map keeps the key of the last
// assignment to it, so counting in a map[string]int would keep the whole
// text of some chunk alive for every term of the vocabulary. A term's
// count is therefore kept apart from the map, which is only read once the
// term is in it.
type termCounts struct {
	id    map[string]int32 // index into n
	n     []int
	bytes int // of the terms
}

func newTermCounts() termCounts { return termCounts{id: make(map[string]int32)} }

func (tc *termCounts) add(t string) {
	if i, ok := tc.id[t]; ok {
		tc.n[i]++
		return
	}
	tc.id[strings.Clone(t)] = int32(len(tc.n))
	tc.n = append(tc.n, 1)
	tc.bytes += len(t)
}

// addTo adds the counts to df, whose keys then are tc's copies.
func (tc *termCounts) addTo(df map[string]int) {
	for t, i := range tc.id {
		df[t] += tc.n[i]
	}
}

// forEachBlock calls fn for consecutive blocks [lo, hi) of [0, n) on the
// given number of workers; w is the worker's number, so that fn can keep
// state per worker without locking. It stops handing out blocks when ctx
// is done and then returns its error.
func forEachBlock(ctx context.Context, n, workers int, fn func(w, lo, hi int)) error {
	const block = 256
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				lo := int(next.Add(block)) - block
				if lo >= n {
					return
				}
				fn(w, lo, min(lo+block, n))
			}
		}()
	}
	wg.Wait()
	return ctx.Err()
}
