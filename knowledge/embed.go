// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"math"
	"sync"

	"github.com/musterstadt/lotse/knowledge/german"
)

// EmbedFunc turns text into a vector. It has the shape of
// chromem.EmbeddingFunc. Implementations must be safe for concurrent use and
// return vectors of one fixed dimension; they need not normalise them.
type EmbedFunc func(ctx context.Context, text string) ([]float32, error)

// Weights of the features of the offline embedder.
const (
	offlineWordWeight    = 1.0
	offlineTrigramWeight = 0.35
)

// NewOfflineEmbedder returns a deterministic embedder that needs no model
// and no network: every word stem and every character trigram of the folded
// words is hashed into one of dim buckets with a hashed sign, and the vector
// is L2-normalised. It captures shared words, inflections and parts of
// compounds ("Personalausweisverlust" and "Verlust des Personalausweises"
// share most trigrams), not meaning. dim below 16 is raised to 16.
func NewOfflineEmbedder(dim int) EmbedFunc {
	e := newOfflineEmbedder(dim)
	return func(ctx context.Context, text string) ([]float32, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return e.embedInto(make([]float32, e.dim), text), nil
	}
}

// offlineEmbedder is the state of NewOfflineEmbedder's function. A search
// with it embeds its query into its own scratch (embedInto) instead of a
// vector allocated per query.
type offlineEmbedder struct {
	dim   int
	mask  uint64 // dim-1 when dim is a power of two, else 0
	stems *stemCache
	words sync.Pool // of *[]string: a text's words, lent to one call
}

// maxLentWords is the most words of a text whose list embedInto keeps for
// the next call.
const maxLentWords = 4096

func newOfflineEmbedder(dim int) *offlineEmbedder {
	dim = max(dim, 16)
	e := &offlineEmbedder{dim: dim, stems: &stemCache{m: map[string]string{}}}
	if dim&(dim-1) == 0 {
		e.mask = uint64(dim - 1)
	}
	return e
}

// embedInto adds the features of text to v, which holds e.dim zeros, and
// returns v normalised (a fixed unit vector for a text without words).
func (e *offlineEmbedder) embedInto(v []float32, text string) []float32 {
	v = v[:e.dim]
	lent, _ := e.words.Get().(*[]string)
	if lent == nil {
		lent = new([]string)
	}
	words := german.AppendWords((*lent)[:0], text)
	var arr [64]byte
	buf := arr[:0]
	var memo stemMemo
	for _, w := range words {
		if german.StopWord(w) {
			continue
		}
		e.add(v, memo.hash(e.stems, w), offlineWordWeight)
		buf = append(append(append(buf[:0], '^'), w...), '$')
		for i := 0; i+3 <= len(buf); i++ {
			// fnv64(fnvOffset, string(buf[i:i+3])), without the string.
			h := (uint64(fnvOffset) ^ uint64(buf[i])) * fnvPrime
			h = (h ^ uint64(buf[i+1])) * fnvPrime
			h = (h ^ uint64(buf[i+2])) * fnvPrime
			e.add(v, h, offlineTrigramWeight)
		}
	}
	if cap(words) <= maxLentWords {
		clear(words) // hold no text
		*lent = words[:0]
		e.words.Put(lent)
	}
	n := normalize(v)
	if dot(n, n) == 0 {
		n[0] = 1 // text without words: a fixed unit vector, never NaN
	}
	return n
}

// stemMemo remembers, within one text, the hash of a word's stem: a
// query's rule words repeat ("buergerbuero einwohnermeldeamt" once for
// every key that leads to them), and a repeated word is stemmed once. A
// slot is chosen by the word's length and three of its bytes and holds
// the last word that came to it.
type stemMemo [64]struct {
	w string
	h uint64
}

// hash returns fnv64(fnvOffset^'w', stems.stem(w)) for the word w, which
// is not empty.
func (m *stemMemo) hash(stems *stemCache, w string) uint64 {
	i := (uint(len(w)) ^ uint(w[0])<<1 ^ uint(w[len(w)/2])<<3 ^ uint(w[len(w)-1])<<5) % uint(len(m))
	if m[i].w == w {
		return m[i].h
	}
	h := fnv64(fnvOffset^'w', stems.stem(w))
	m[i].w, m[i].h = w, h
	return h
}

// add adds w to the bucket of hash h, negated when h's top bit is set.
func (e *offlineEmbedder) add(v []float32, h uint64, w float32) {
	if h>>63 == 1 {
		w = -w
	}
	if e.mask != 0 {
		v[h&e.mask] += w // h % dim without a division
	} else {
		v[h%uint64(e.dim)] += w
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv64 is FNV-1a over s, starting from h; it does not allocate.
func fnv64(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// stemCache memoises stems of words that are slow to stem, for
// concurrent callers.
type stemCache struct {
	mu sync.RWMutex
	m  map[string]string
}

func (c *stemCache) stem(w string) string {
	if plainWord(w) {
		return german.Stem(w) // faster than the memo
	}
	c.mu.RLock()
	s, ok := c.m[w]
	c.mu.RUnlock()
	if ok {
		return s
	}
	s = german.Stem(w)
	c.mu.Lock()
	if len(c.m) < maxStemCache {
		c.m[w] = s
	}
	c.mu.Unlock()
	return s
}

// normalize scales v to unit length in place and returns it. A zero vector
// stays zero.
func normalize(v []float32) []float32 {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return v
	}
	n := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= n
	}
	return v
}

// dotGeneric is the inner product of two vectors of equal length in plain
// Go, unrolled by four: the kernel where no SIMD one applies.
func dotGeneric(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// dotRowsGeneric is dotRows in plain Go.
func dotRowsGeneric(q, m, out []float32) {
	dim := len(q)
	for r := range out {
		out[r] = dotGeneric(q, m[r*dim:(r+1)*dim])
	}
}
