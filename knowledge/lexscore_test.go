// SPDX-License-Identifier: EUPL-1.2

package knowledge

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// compareLexScoring runs every query's lexical part through lexSearch
// (postings cached from bleve) and lexSearchBleve (a bleve query) for
// both audiences and a few result sizes and expects the same chunks with
// the same scores in the same order. It returns how many comparisons
// found hits, so that a caller can tell the test was not vacuous.
func compareLexScoring(t *testing.T, b *Base, qs []Query) int {
	t.Helper()
	ctx := context.Background()
	ix := b.cur.Load()
	nonEmpty := 0
	for i, q := range qs {
		terms, _ := ix.queryTerms(q.Text)
		if len(terms) == 0 {
			continue
		}
		terms = ix.pruneCommon(terms)
		for _, aud := range []Audience{Citizen, Employee} {
			for _, n := range []int{1, 5, minCandidates} {
				got, err := ix.lexSearch(ctx, terms, aud, n)
				if err != nil {
					t.Fatalf("lexSearch: %v", err)
				}
				want, err := ix.lexSearchBleve(ctx, terms, aud, n)
				if err != nil {
					t.Fatalf("lexSearchBleve: %v", err)
				}
				if len(want) > 0 {
					nonEmpty++
				}
				if diff := cmp.Diff(want, got, cmp.AllowUnexported(scored{})); diff != "" {
					t.Errorf("query %d %q (%s, n=%d): cached postings rank differently from bleve (-bleve +cached):\n%s", i, q.Text, aud, n, diff)
				}
			}
		}
	}
	return nonEmpty
}

// TestLexScoreMatchesBleve checks that lexical queries scored from cached
// postings rank exactly as the same query run by bleve: on the bundled
// base (built, and loaded back from disk), on a synthetic corpus large
// enough for common terms to be pruned, and on the shared corpus when it
// is there.
func TestLexScoreMatchesBleve(t *testing.T) {
	qs := evalQueries(t)
	t.Run("bundled", func(t *testing.T) {
		b := mustOpen(t, Config{Roots: []Root{musterstadtRoot()}})
		if n := compareLexScoring(t, b, qs); n < len(qs) {
			t.Errorf("only %d comparisons with hits for %d questions", n, len(qs))
		}
	})
	t.Run("bundled-persisted", func(t *testing.T) {
		dir := t.TempDir()
		first := mustOpen(t, Config{Roots: []Root{musterstadtRoot()}, DataDir: dir})
		first.Close()
		b := mustOpen(t, Config{Roots: []Root{musterstadtRoot()}, DataDir: dir})
		if !b.Report().LoadedFromDisk {
			t.Fatal("second open did not load the persisted index")
		}
		if n := compareLexScoring(t, b, qs); n < len(qs) {
			t.Errorf("only %d comparisons with hits for %d questions", n, len(qs))
		}
	})
	t.Run("bundled-small-cache", func(t *testing.T) {
		b := mustOpen(t, Config{Roots: []Root{musterstadtRoot()}})
		ls := &b.cur.Load().lexScore
		ls.limit = 100
		if n := compareLexScoring(t, b, qs); n < len(qs) {
			t.Errorf("only %d comparisons with hits for %d questions", n, len(qs))
		}
		ls.mu.RLock()
		defer ls.mu.RUnlock()
		if ls.cached > 100 && len(ls.cache) > 1 {
			t.Errorf("cache holds %d postings in %d lists, limit 100", ls.cached, len(ls.cache))
		}
	})
	t.Run("synthetic", func(t *testing.T) {
		root, titles := synthCorpus(3000)
		b := mustOpen(t, Config{Roots: []Root{root}})
		if b.Report().Chunks < commonMinChunks {
			t.Fatalf("synthetic corpus has %d chunks, want at least %d so that common terms are pruned", b.Report().Chunks, commonMinChunks)
		}
		sq := synthQueries(titles, 200)
		if n := compareLexScoring(t, b, sq); n < len(sq) {
			t.Errorf("only %d comparisons with hits for %d questions", n, len(sq))
		}
	})
	t.Run("shared", func(t *testing.T) {
		b := mustOpen(t, Config{Roots: []Root{corpusRoot(t, "services-de"), corpusRoot(t, "it-kb")}})
		all := slices.Clone(qs)
		for i, d := range b.cur.Load().docs {
			if i%7 == 0 {
				all = append(all, Query{Text: fmt.Sprintf("Wie %s?", d.Title)})
			}
		}
		n := compareLexScoring(t, b, all)
		t.Logf("%d chunks, %d queries, %d comparisons with hits", b.Report().Chunks, len(all), n)
		if n == 0 {
			t.Error("no comparison found hits")
		}
	})
}

// BenchmarkLexicalScoring compares the lexical part of a search on the
// bundled base: the query scored from cached postings (as searches run)
// against the same query run by bleve, over the eval questions.
func BenchmarkLexicalScoring(b *testing.B) {
	base, err := Open(context.Background(), Config{Roots: []Root{musterstadtRoot()}})
	if err != nil {
		b.Fatal(err)
	}
	defer base.Close()
	ix := base.cur.Load()
	var terms []map[string]float64
	for _, q := range evalQueries(b) {
		if t, _ := ix.queryTerms(q.Text); len(t) > 0 {
			terms = append(terms, ix.pruneCommon(t))
		}
	}
	ctx := context.Background()
	for _, bm := range []struct {
		name string
		run  func(context.Context, map[string]float64, Audience, int) ([]scored, error)
	}{{"postings", ix.lexSearch}, {"bleve", ix.lexSearchBleve}} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := bm.run(ctx, terms[i%len(terms)], Citizen, minCandidates); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLexScoreConcurrent searches from several goroutines on a fresh
// index, so that postings are read and cached while other searches use
// the cache, and expects what one goroutine alone gets.
func TestLexScoreConcurrent(t *testing.T) {
	qs := evalQueries(t)
	want := searchAll(t, mustOpen(t, Config{Roots: []Root{musterstadtRoot()}}), qs)
	b := mustOpen(t, Config{Roots: []Root{musterstadtRoot()}})
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			for i := range qs {
				q := qs[(i+g*len(qs)/4)%len(qs)]
				got, err := b.Search(context.Background(), q)
				if err != nil {
					errs <- err.Error()
					return
				}
				if diff := cmp.Diff(want[fmt.Sprintf("%s/%03d %s", ModeHybrid, (i+g*len(qs)/4)%len(qs), q.Text)], got); diff != "" {
					errs <- fmt.Sprintf("%q: concurrent search differs:\n%s", q.Text, diff)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
