package knowledge

import (
	"context"
	"hash/fnv"
	"math"
	"sync"
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
	var mu sync.Mutex
	st := newStemmer()
	stemOf := func(w string) string {
		mu.Lock()
		defer mu.Unlock()
		return st.stem(w)
	}
	return func(ctx context.Context, text string) ([]float32, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		v := make([]float32, dim)
		addFeature := func(f string, w float32) {
			h := fnv.New64a()
			h.Write([]byte(f))
			x := h.Sum64()
			i := int(x % uint64(dim))
			if x>>63 == 1 {
				w = -w
			}
			v[i] += w
		}
		for _, w := range words(text) {
			if stopWords[w] {
				continue
			}
			addFeature("w:"+stemOf(w), offlineWordWeight)
			padded := "^" + w + "$"
			r := []rune(padded)
			for i := 0; i+3 <= len(r); i++ {
				addFeature(string(r[i:i+3]), offlineTrigramWeight)
			}
		}
		n := normalize(v)
		if n[0] == 0 && dot(n, n) == 0 {
			n[0] = 1 // text without words: a fixed unit vector, never NaN
		}
		return n, nil
	}
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

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
