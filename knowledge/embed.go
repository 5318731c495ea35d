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
	dim = max(dim, 16)
	var mask uint64 // dim-1 when dim is a power of two, else 0
	if dim&(dim-1) == 0 {
		mask = uint64(dim - 1)
	}
	stems := &stemCache{m: map[string]string{}}
	return func(ctx context.Context, text string) ([]float32, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		v := make([]float32, dim)
		add := func(h uint64, w float32) {
			if h>>63 == 1 {
				w = -w
			}
			if mask != 0 {
				v[h&mask] += w // h % dim without a division
			} else {
				v[h%uint64(dim)] += w
			}
		}
		var buf []byte
		for _, w := range german.Words(text) {
			if german.StopWord(w) {
				continue
			}
			add(fnv64(fnvOffset^'w', stems.stem(w)), offlineWordWeight)
			buf = append(append(append(buf[:0], '^'), w...), '$')
			for i := 0; i+3 <= len(buf); i++ {
				add(fnv64(fnvOffset, string(buf[i:i+3])), offlineTrigramWeight)
			}
		}
		n := normalize(v)
		if dot(n, n) == 0 {
			n[0] = 1 // text without words: a fixed unit vector, never NaN
		}
		return n, nil
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
