// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/musterstadt/lotse/knowledge/german"
)

// referenceDecompound is decompoundWith as first written: a plain
// memoised search over the word's positions, every candidate part probed
// and stemmed on its own. The splitter must split every word as it does.
func referenceDecompound(v *vocab, w string, st *stemmer, isKey func(string) bool) []string {
	if len(w) < minCompound || len(w) > maxCompound {
		return nil
	}
	knownStem := func(w string) string {
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
	known := func(p string) string {
		if s := knownStem(p); s != "" {
			return s
		}
		if isKey != nil && len(p) >= 4 && isKey(p) {
			return rulePart + p
		}
		return ""
	}
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

// TestSplitterMatchesReference splits every word of the synthetic corpus
// and of the shared real corpus (when present) against their own
// vocabularies, with and without the build's term set and with rule keys,
// and compares with the reference.
func TestSplitterMatchesReference(t *testing.T) {
	corpora := map[string][]Root{}
	root, _ := synthCorpus(3000)
	corpora["synthetic"] = []Root{root}
	shared := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(shared); err == nil {
		for _, n := range []string{"services-de", "laws-de"} {
			corpora["shared"] = append(corpora["shared"], Root{Name: n, FS: os.DirFS(filepath.Join(shared, n))})
		}
	} else {
		t.Logf("no shared corpus at %s: synthetic corpus only", shared)
	}
	for name, roots := range corpora {
		t.Run(name, func(t *testing.T) {
			b := mustOpen(t, Config{Roots: roots})
			ix := b.cur.Load()
			words := map[string]bool{}
			for i := range ix.chunks {
				c := &ix.chunks[i]
				for _, w := range german.Words(c.Section + " " + c.Text) {
					if len(w) >= minCompound {
						words[w] = true
					}
				}
			}
			isKey := func(p string) bool { return strings.HasPrefix(p, "stadt") || strings.HasSuffix(p, "amt") }
			v := &ix.vocab
			splits := 0
			for _, withSet := range []bool{false, true} {
				if withSet {
					v.set = newTermSet(v.df)
				}
				st, ref := newStemmer(), newStemmer()
				sp := splitter{v: v, st: st}
				spKey := splitter{v: v, st: st, isKey: isKey}
				for w := range words {
					want := referenceDecompound(v, w, ref, nil)
					if got := sp.split(w); !cmp.Equal(got, want) {
						t.Fatalf("term set %v: split(%q) = %q, reference %q", withSet, w, got, want)
					}
					if want != nil {
						splits++
					}
					want = referenceDecompound(v, w, ref, isKey)
					if got := spKey.split(w); !cmp.Equal(got, want) {
						t.Fatalf("term set %v, rule keys: split(%q) = %q, reference %q", withSet, w, got, want)
					}
				}
			}
			v.set = nil
			if splits == 0 {
				t.Fatalf("none of %d words was split: the comparison proves nothing", len(words))
			}
			t.Logf("%d words, %d splits compared", len(words), splits/2)
		})
	}
}

// TestTermSetMatchesMap asks the build's term set and the vocabulary's
// map about every term, about strings one edit away from terms and about
// random strings, in vocabularies small (crowded probes) and large.
func TestTermSetMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, size := range []int{0, 1, 7, 100, 20_000} {
		df := map[string]int{}
		for len(df) < size {
			df[synthWord(r)+strings.Repeat("x", r.IntN(3))] = 1 + r.IntN(5)
		}
		df["nullmal"] = 0 // not a term: has says no
		s := newTermSet(df)
		// Built from terms that come twice, as from two workers' counts.
		twice := newTermSetOf(func(yield func(string) bool) {
			for range 2 {
				for w, n := range df {
					if n > 0 && !yield(w) {
						return
					}
				}
			}
		}, 2*len(df), 2*len(df)*40)
		probe := func(w string) {
			if got, want := s.has(w), df[w] > 0; got != want {
				t.Fatalf("size %d: has(%q) = %v, map says %v", size, w, got, want)
			}
			if got, want := twice.has(w), df[w] > 0; got != want {
				t.Fatalf("size %d, terms twice: has(%q) = %v, map says %v", size, w, got, want)
			}
		}
		for w := range df {
			probe(w)
			probe(w[:len(w)-1])
			probe(w + "e")
			probe(strings.ToUpper(w[:1]) + w[1:])
		}
		for range 5000 {
			probe(synthWord(r))
		}
		probe("")
	}
}
